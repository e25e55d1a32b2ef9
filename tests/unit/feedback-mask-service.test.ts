/**
 * Masking where the data leaves: the stored item, the zip and the webhook body, with personal data in the
 * description and in every text of the context, the order's product included.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { openFeedbackDb } from '@/lib/feedback/db';
import { createFeedbackService } from '@/lib/feedback/service';
import type { FeedbackInput } from '@/lib/feedback/types';
import { feedbackZip } from '@/lib/feedback/zip';
import { CodedError } from '@/lib/messages/errors';

/** A browser not connected to a shop server. */
const notConnected = {
  auth: async () => null,
  call: async () => {
    throw new CodedError('serverNotConnected');
  },
};

/** Every shape the break tests found leaking, one per field. */
const input: FeedbackInput = {
  category: 'bad_reply',
  description: '买家身份证110101199003071233，卡号6222021234567890128',
  images: [],
  context: {
    conversationId: '用户13812345678',
    messageId: 'm1',
    intent: 'ship_urge',
    intentLabel: '什么时候发货',
    confidence: 0.8,
    why: ['“电话１３８１２３４５６７８”'],
    buyerText: '什么时候发货 微信abc_123456 邮箱buyer@163.com 电话 1 3 9 1 2 3 4 5 6 7 8',
    replies: ['亲，已寄往上海市浦东新区金桥12号'],
    node: 'awaiting_shipment',
    orderId: '6921847302918374651',
    product: '刻字手机壳 一三八一二三四五六七八',
  },
};

const MASKED = {
  description: '买家身份证110101********1233，卡号6222***********0128',
  context: {
    ...input.context,
    conversationId: '用户138****5678',
    why: ['“电话138****5678”'],
    buyerText: '什么时候发货 微信ab*******6 邮箱bu***@163.com 电话 139****5678',
    replies: ['亲，已寄往上海市浦东新区***'],
    product: '刻字手机壳 138****5678',
  },
};

test('the stored item, the zip and the webhook body carry only masked text, and the order id stays', async () => {
  const factory = new IDBFactory();
  const bodies: unknown[] = [];
  const fetcher = (async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    return new Response(null, { status: 204 });
  }) as unknown as typeof fetch;
  const { handlers, queue } = createFeedbackService({
    db: () => openFeedbackDb(factory),
    now: () => 1000,
    uuid: () => 'fb1',
    fetch: fetcher,
    granted: async () => true,
    setTimer: () => {},
    shop: notConnected,
  });
  await handlers.saveFeedbackSettings({ webhookUrl: 'https://hook.example/x' });
  await handlers.submitFeedback(input);
  await queue.run();

  const stored = await (await openFeedbackDb(factory)).get('items', 'fb1');
  expect(stored).toMatchObject(MASKED);
  const zip = unzipSync(feedbackZip(await handlers.exportFeedback({}), new Date('2026-11-24T00:00:00Z')));
  expect(JSON.parse(strFromU8(zip['feedback.json'])).items[0]).toMatchObject(MASKED);
  expect(bodies).toEqual([expect.objectContaining(MASKED)]);
});
