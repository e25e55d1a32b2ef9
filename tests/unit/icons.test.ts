import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderIcons } from '@/scripts/icons';

/** A PNG's width and height, from its IHDR chunk (bytes 16–23). */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the icon set', () => {
  it('renders the drawing as a square PNG at each size the manifest names', () => {
    const files = renderIcons(mkdtempSync(join(tmpdir(), 'huashu-icons-')));
    expect(files.map((file) => file.relativeDest)).toEqual([
      'icons/16.png',
      'icons/32.png',
      'icons/48.png',
      'icons/128.png',
    ]);
    for (const { size, absoluteSrc } of files) expect(pngSize(readFileSync(absoluteSrc))).toEqual([size, size]);
  });
});
