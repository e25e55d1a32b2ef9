import { describe, expect, test } from 'vitest';
import { describeError, LIMITS, parseEnvelope, QUOTA_MESSAGE } from '@/lib/protocol';

const validSuggest = {
  conversationId: 'c1',
  messageId: 'm1',
  text: '什么时候发货',
  history: ['在吗'],
  orders: [{ id: '6921847302918374651', status: '待发货', promiseShipBy: '2026-11-25T10:00:00.000Z' }],
  capabilities: ['send_order_card'],
};

describe('protocol validation', () => {
  test('accepts a well-formed suggest request and keeps its fields', () => {
    const parsed = parseEnvelope({ huashu: 1, type: 'suggest', payload: validSuggest });
    expect(parsed?.type).toBe('suggest');
    expect(parsed?.payload).toMatchObject({
      text: '什么时候发货',
      history: ['在吗'],
      capabilities: ['send_order_card'],
    });
  });

  test('ignores messages that are not ours', () => {
    expect(parseEnvelope({ type: 'suggest', payload: validSuggest })).toBeNull();
    expect(parseEnvelope({ huashu: 1, type: 'deleteEverything', payload: {} })).toBeNull();
    expect(parseEnvelope({ huashu: 1, type: 'constructor', payload: {} })).toBeNull();
    expect(parseEnvelope('suggest')).toBeNull();
  });

  test.each([
    ['a missing text', { ...validSuggest, text: undefined }, '消息文本无效'],
    ['an order without id', { ...validSuggest, orders: [{ status: '待发货' }] }, '订单号无效'],
    ['an unknown action', { ...validSuggest, capabilities: ['format_disk'] }, '操作无效'],
    ['too many orders', { ...validSuggest, orders: Array(LIMITS.orders + 1).fill({ id: '1' }) }, '订单列表无效'],
    ['a non-string history item', { ...validSuggest, history: [{ html: '<b>' }] }, '历史消息无效'],
  ])('refuses %s with a clear reason', (_name, payload, reason) => {
    expect(() => parseEnvelope({ huashu: 1, type: 'suggest', payload })).toThrow(reason);
  });

  test('truncates a huge buyer message instead of refusing it', () => {
    const parsed = parseEnvelope({
      huashu: 1,
      type: 'suggest',
      payload: { ...validSuggest, text: '发'.repeat(100_000) },
    });
    expect(parsed?.payload).toMatchObject({ text: '发'.repeat(LIMITS.textChars) });
  });

  test('a full storage quota is explained in plain words; other errors keep their message', () => {
    expect(describeError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(QUOTA_MESSAGE);
    expect(describeError(new Error('话术不能为空'))).toBe('话术不能为空');
  });
});
