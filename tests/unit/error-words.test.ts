import { describe, expect, test } from 'vitest';
import { CHAT_ERROR_TEXTS, chatErrorText } from '@/lib/i18n/chat-errors';
import { errorText } from '@/lib/i18n/errors';
import { LANGUAGES } from '@/lib/language';
import { type ErrorCode, invalidAt } from '@/lib/messages/errors';

describe('error words', () => {
  test('the chat page words its refusals as the options page does, in both languages', () => {
    for (const language of LANGUAGES) {
      for (const code of Object.keys(CHAT_ERROR_TEXTS[language]) as ErrorCode[]) {
        const error = { code, params: { detail: 'x', field: 'text', max: 3 } };
        expect(chatErrorText(error, language), code).toBe(errorText(error, language));
      }
    }
    expect(chatErrorText({ code: 'feedbackTooManyImages', params: { max: 3 } }, 'en')).toBe('At most 3 images');
  });

  test('a problem nested in its place is worded in the same language, place first', () => {
    const slot = { code: 'placeSlot', params: { intent: 'invoice', situation: 'any' } } as const;
    const error = invalidAt(
      { code: 'placeOwnReply', params: { slot, position: 2 } },
      { code: 'replyTooLong', params: { max: 500, length: 612 } },
    );
    expect(errorText(error, 'zh')).toBe(
      '开发票 · 有订单（其他状态） 自定义话术 2：话术不能超过 500 个字（当前 612 个字）',
    );
    expect(errorText(error, 'en')).toBe(
      'Invoice · Any other order own reply 2: A reply may have at most 500 characters (this one has 612)',
    );
  });
});
