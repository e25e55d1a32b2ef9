import { describe, expect, test } from 'vitest';
import { errorText } from '@/lib/i18n/errors';
import { BACKGROUND_REQUESTS, type SuggestRequest } from '@/lib/messages/background-map';
import { parseEnvelope } from '@/lib/messages/envelope';
import { CodedError, toErrorData } from '@/lib/messages/errors';
import { LIMITS } from '@/lib/messages/limits';
import { TAB_REQUESTS } from '@/lib/messages/tab-map';
import { createSuggestService } from '@/lib/service/suggest';
import { backgroundRequest, refusal } from '@/tests/unit/message-helpers';

const validSuggest = {
  conversationId: 'c1',
  messageId: 'm1',
  text: '什么时候发货',
  history: ['在吗'],
  orders: [{ id: '6921847302918374651', status: '待发货', promiseShipBy: '2026-11-25T10:00:00.000Z' }],
  capabilities: ['send_order_card'],
};

describe('the message map checks every request on arrival', () => {
  test('accepts a well-formed suggest request and keeps its fields', () => {
    const parsed = backgroundRequest('suggest', validSuggest);
    expect(parsed?.type).toBe('suggest');
    expect(parsed?.payload).toMatchObject({
      text: '什么时候发货',
      history: ['在吗'],
      capabilities: ['send_order_card'],
    });
  });

  test('ignores messages that are not ours', () => {
    expect(parseEnvelope(BACKGROUND_REQUESTS, { type: 'suggest', payload: validSuggest })).toBeNull();
    expect(backgroundRequest('deleteEverything', {})).toBeNull();
    expect(backgroundRequest('constructor', {})).toBeNull();
    expect(parseEnvelope(BACKGROUND_REQUESTS, 'suggest')).toBeNull();
    // A tab's request is not one the background serves, and the other way round.
    expect(backgroundRequest('jumpLongest', {})).toBeNull();
    expect(parseEnvelope(TAB_REQUESTS, { huashu: 1, type: 'suggest', payload: validSuggest })).toBeNull();
  });

  test.each([
    ['a missing text', { ...validSuggest, text: undefined }, '消息文本无效', 'Invalid message text'],
    ['an order without id', { ...validSuggest, orders: [{ status: '待发货' }] }, '订单号无效', 'Invalid order number'],
    ['an unknown action', { ...validSuggest, capabilities: ['format_disk'] }, '操作无效', 'Invalid action'],
    [
      'an absurd number of orders',
      { ...validSuggest, orders: Array(LIMITS.listItemsRead + 1).fill({ id: '1' }) },
      '订单列表无效',
      'Invalid order list',
    ],
    [
      'a non-string history item',
      { ...validSuggest, history: [{ html: '<b>' }] },
      '历史消息无效',
      'Invalid earlier messages',
    ],
  ])('refuses %s with a clear reason in either language', (_name, payload, zh, en) => {
    expect(refusal(() => backgroundRequest('suggest', payload))).toBe(zh);
    expect(refusal(() => backgroundRequest('suggest', payload), 'en')).toBe(en);
  });

  test('over-long page fields and 51 orders are cut with a marker, and suggest still answers', () => {
    const long = {
      ...validSuggest,
      buyerName: '名'.repeat(600),
      orders: Array.from({ length: LIMITS.orders + 1 }, (_, index) => ({
        id: index === 0 ? '6'.repeat(250) : `69${index}`,
        product: '睡衣'.repeat(300),
        status: '待发货',
      })),
      chosenOrderId: '6'.repeat(250),
      history: Array.from({ length: 25 }, (_, index) => `第${index}句`),
    };
    const payload = backgroundRequest('suggest', long)?.payload as SuggestRequest;
    expect(payload.buyerName).toBe(`${'名'.repeat(LIMITS.fieldChars - 1)}…`);
    expect(payload.orders).toHaveLength(LIMITS.orders);
    expect(payload.orders[0].id).toBe(`${'6'.repeat(LIMITS.idChars - 1)}…`);
    expect(payload.chosenOrderId).toBe(payload.orders[0].id);
    expect(payload.orders[0].product).toHaveLength(LIMITS.fieldChars);
    expect(payload.orders[0].product?.endsWith('…')).toBe(true);
    // The latest earlier messages are the ones kept.
    expect(payload.history.at(-1)).toBe('第24句');
    expect(payload.history).toHaveLength(LIMITS.historyItems);
    const solution = createSuggestService({ now: () => new Date('2026-11-24T08:00:00Z') }).suggest(payload);
    expect(solution?.intent).toBe('ship_urge');
    expect(solution?.replies.length).toBeGreaterThan(0);
  });

  test('truncates a huge buyer message instead of refusing it', () => {
    const parsed = backgroundRequest('suggest', { ...validSuggest, text: '发'.repeat(100_000) });
    expect(parsed?.payload).toMatchObject({ text: '发'.repeat(LIMITS.textChars) });
  });

  test('a catalogue slot must exist: an intent with a node it has no replies for is refused', () => {
    expect(backgroundRequest('restoreReply', { intent: 'ship_urge', situation: 'none', replyId: 'x' })).not.toBeNull();
    expect(
      refusal(() => backgroundRequest('restoreReply', { intent: 'invoice', situation: 'bogus', replyId: 'x' })),
    ).toBe('订单节点无效');
  });
});

describe('errors travel as codes', () => {
  test('a full storage quota is explained in plain words in each language', () => {
    const quota = toErrorData(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(quota).toEqual({ code: 'storageFull' });
    expect(errorText(quota, 'zh')).toMatch(/浏览器存储空间已满/);
    expect(errorText(quota, 'en')).toMatch(/storage is full/);
  });

  test('a coded refusal keeps its code and parameters across the wire', () => {
    const data = toErrorData(new CodedError('feedbackTooManyImages', { max: 3 }));
    expect(JSON.parse(JSON.stringify(data))).toEqual({ code: 'feedbackTooManyImages', params: { max: 3 } });
    expect(errorText(data, 'zh')).toBe('图片最多 3 张');
    expect(errorText(data, 'en')).toBe('At most 3 images');
  });

  test('an unexpected error becomes an internal code: the detail stays in the data for logs, never on screen', () => {
    const data = toErrorData(new TypeError('x is not a function'));
    expect(data).toMatchObject({ code: 'internal', params: { detail: 'x is not a function' } });
    expect(errorText(data, 'zh')).toBe('出现意外错误，请重试；如果反复出现，请刷新页面');
  });

  test('the browser’s own English errors are worded by what they mean, never shown raw', () => {
    const stopped = new Error('Could not establish connection. Receiving end does not exist.');
    expect(errorText(stopped, 'zh')).toBe('话术助手后台无响应');
    expect(errorText(new Error('Extension context invalidated.'), 'zh')).toBe('话术助手已更新或重新加载，请刷新页面');
    expect(errorText(new Error('Failed to fetch'), 'zh')).not.toMatch(/[A-Za-z]/);
  });
});
