import { describe, expect, test } from 'vitest';
import { bytesToDataUrl, checkImageFile, dataUrlToBytes, fitWithin } from '@/lib/feedback/images';
import { popupStrings } from '@/lib/i18n/popup';

const MB = 1024 * 1024;

describe('checkImageFile', () => {
  test('accepts images up to 10 MB while fewer than 3 are attached', () => {
    expect(checkImageFile({ type: 'image/png', size: 10 * MB }, 0)).toBeNull();
    expect(checkImageFile({ type: 'image/jpeg', size: 1 }, 2)).toBeNull();
  });

  test('refuses what is not an image, what is over 10 MB, and a fourth image', () => {
    expect(checkImageFile({ type: 'text/plain', size: 10 }, 0)).toBe('notImage');
    expect(checkImageFile({ type: '', size: 10 }, 0)).toBe('notImage');
    expect(checkImageFile({ type: 'image/png', size: 10 * MB + 1 }, 0)).toBe('tooLarge');
    expect(checkImageFile({ type: 'image/png', size: 10 }, 3)).toBe('tooMany');
  });

  test('says which file and why', () => {
    const refused = (language: 'zh' | 'en') => popupStrings(language).feedback.imageRefused;
    expect(refused('zh').notImage('a.pdf')).toBe('「a.pdf」不是图片，未添加');
    expect(refused('zh').tooLarge('big.png')).toContain('10 MB');
    expect(refused('en').tooMany('')).toBe('At most 3 images');
  });
});

describe('fitWithin', () => {
  test('scales the longest side to 1600 px and never enlarges', () => {
    expect(fitWithin(2400, 1200)).toEqual({ width: 1600, height: 800 });
    expect(fitWithin(1000, 4000)).toEqual({ width: 400, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(100000, 1)).toEqual({ width: 1600, height: 1 });
  });
});

describe('data URLs', () => {
  test('round-trip the bytes of accepted types', () => {
    const bytes = new Uint8Array(70000).map((_, index) => index % 251);
    const url = bytesToDataUrl('image/webp', bytes);
    expect(dataUrlToBytes(url)).toEqual({ type: 'image/webp', bytes });
  });

  test('refuse other types and malformed data', () => {
    expect(dataUrlToBytes('data:text/html;base64,PGI+')).toBeNull();
    expect(dataUrlToBytes('data:image/svg+xml;base64,PGI+')).toBeNull();
    expect(dataUrlToBytes('data:image/png;base64,<script>')).toBeNull();
  });
});
