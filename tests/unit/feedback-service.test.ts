import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { openFeedbackDb } from '@/lib/feedback/db';
import { bytesToDataUrl } from '@/lib/feedback/images';
import { createFeedbackService } from '@/lib/feedback/service';
import type { ShopCall } from '@/lib/feedback/shop';
import type { FeedbackInput } from '@/lib/feedback/types';
import { feedbackZip } from '@/lib/feedback/zip';
import { CodedError } from '@/lib/messages/errors';
import type { CallOptions } from '@/lib/shop-server/client';
import { backgroundRequest, refusal } from '@/tests/unit/message-helpers';

/** A browser not connected to a shop server. */
const notConnected = {
  auth: async () => null,
  call: async () => {
    throw new CodedError('serverNotConnected');
  },
};

const PNG = bytesToDataUrl('image/png', new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]));

function input(overrides: Partial<FeedbackInput> = {}): FeedbackInput {
  return {
    category: 'bad_reply',
    description: '话术不对，买家电话13812345678',
    images: [{ type: 'image/png', dataUrl: PNG, width: 10, height: 10 }],
    context: {
      conversationId: 'c1',
      messageId: 'm1',
      intent: 'ship_urge',
      intentLabel: '什么时候发货',
      confidence: 0.8,
      why: ['“发货”'],
      buyerText: '什么时候发货 13912345678 地址北京市朝阳区建国路88号',
      replies: ['亲，今天发出'],
      node: 'awaiting_shipment',
      orderId: '6921',
    },
    ...overrides,
  };
}

function service(factory = new IDBFactory(), fetcher: typeof fetch = async () => new Response(null, { status: 200 })) {
  let clock = 1000;
  let id = 0;
  return createFeedbackService({
    db: () => openFeedbackDb(factory),
    now: () => (clock += 1000),
    uuid: () => `fb${++id}`,
    fetch: fetcher,
    granted: async () => true,
    setTimer: () => {},
    shop: notConnected,
  });
}

describe('feedback service', () => {
  test('stores an item with its image as a Blob, masked, and lists newest first; survives a reopen', async () => {
    const factory = new IDBFactory();
    const { handlers } = service(factory);
    await handlers.submitFeedback(input());
    await handlers.submitFeedback(input({ category: 'wrong_intent', description: '第二条' }));
    const stored = await (await openFeedbackDb(factory)).get('items', 'fb1');
    expect(stored?.images[0].blob).toBeInstanceOf(Blob);
    expect(stored?.description).toBe('话术不对，买家电话138****5678');
    expect(stored?.context.buyerText).toBe('什么时候发货 139****5678 地址北京市朝阳区***');

    const again = service(factory).handlers;
    const rows = await again.listFeedback();
    expect(rows.map((row) => row.id)).toEqual(['fb2', 'fb1']);
    expect(rows[1]).toMatchObject({ imageCount: 1, intent: 'ship_urge', resolved: false });
    const item = await again.getFeedback({ id: 'fb1' });
    expect(item?.images[0].dataUrl).toBe(PNG);
  });

  test('resolve, delete, export', async () => {
    const { handlers } = service();
    await handlers.submitFeedback(input());
    await handlers.submitFeedback(input({ description: '另一条' }));
    expect(
      (await handlers.setFeedbackResolved({ id: 'fb1', resolved: true })).find((row) => row.id === 'fb1')?.resolved,
    ).toBe(true);
    expect(await handlers.deleteFeedback({ ids: ['fb2'] })).toHaveLength(1);
    const items = await handlers.exportFeedback({});
    const zip = unzipSync(feedbackZip(items, new Date('2026-11-24T00:00:00Z')));
    const json = JSON.parse(strFromU8(zip['feedback.json']));
    expect(json.items[0]).toMatchObject({ id: 'fb1', resolved: true, images: [{ file: 'images/fb1-1.png' }] });
    expect(zip['images/fb1-1.png'][0]).toBe(137);
  });

  test('an empty description is refused', async () => {
    await expect(service().handlers.submitFeedback(input({ description: '   ' }))).rejects.toMatchObject({
      code: 'feedbackDescriptionMissing',
    });
  });

  test('with a webhook set, a new item is posted once with its idempotency key', async () => {
    const calls: { url: string; key: string | null; body: { id: string; images: unknown[] } }[] = [];
    const fetcher = (async (url: string, init: RequestInit) => {
      calls.push({ url, key: new Headers(init.headers).get('Idempotency-Key'), body: JSON.parse(String(init.body)) });
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    const { handlers, queue } = service(new IDBFactory(), fetcher);
    await handlers.saveFeedbackSettings({ webhookUrl: 'https://hook.example/x' });
    const { id } = await handlers.submitFeedback(input());
    await queue.run();
    await queue.run();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: 'https://hook.example/x', key: id, body: { id } });
    expect(calls[0].body.images).toHaveLength(1);
    expect((await handlers.listFeedback())[0].delivery?.state).toBe('delivered');
  });
});

describe('protocol checks for feedback', () => {
  test('a valid submission passes', () => {
    expect(backgroundRequest('submitFeedback', input())?.payload).toMatchObject({ category: 'bad_reply' });
  });

  test.each([
    ['unknown category', { category: 'spam' }, '问题类型无效'],
    ['empty description', { description: ' ' }, '请填写问题描述'],
    ['over 1000 characters', { description: 'x'.repeat(1001) }, '问题描述无效'],
    ['four images', { images: Array.from({ length: 4 }, () => input().images[0]) }, '图片最多 3 张'],
    [
      'an SVG',
      { images: [{ type: 'image/svg+xml', dataUrl: 'data:image/svg+xml;base64,PHN2Zz4=', width: 1, height: 1 }] },
      '图片格式无效',
    ],
    [
      'a mislabelled image',
      { images: [{ type: 'image/png', dataUrl: 'data:image/webp;base64,AAAA', width: 1, height: 1 }] },
      '图片无效',
    ],
    ['an image over 1600 px', { images: [{ ...input().images[0], width: 1601 }] }, '图片尺寸无效'],
  ])('refuses %s, saying why', (_name, overrides, reason) => {
    expect(refusal(() => backgroundRequest('submitFeedback', { ...input(), ...overrides }))).toBe(reason);
  });

  test('webhook URLs must be https, or http only to this machine', () => {
    expect(backgroundRequest('saveFeedbackSettings', { webhookUrl: ' https://a.example/h ' })?.payload).toEqual({
      webhookUrl: 'https://a.example/h',
    });
    expect(backgroundRequest('saveFeedbackSettings', { webhookUrl: '' })?.payload).toEqual({ webhookUrl: '' });
    expect(refusal(() => backgroundRequest('saveFeedbackSettings', { webhookUrl: 'javascript:alert(1)' }))).toBe(
      'Webhook 地址须以 https:// 开头（本机地址可用 http://）',
    );
    expect(refusal(() => backgroundRequest('saveFeedbackSettings', { webhookUrl: 'http://a.example/h' }))).toBe(
      'Webhook 地址须以 https:// 开头（本机地址可用 http://）',
    );
    expect(backgroundRequest('saveFeedbackSettings', { webhookUrl: 'http://127.0.0.1:9/h' })?.payload).toEqual({
      webhookUrl: 'http://127.0.0.1:9/h',
    });
  });
});

describe('webhook delivery in the inbox', () => {
  test('an item from before the webhook shows 未推送; 重新发送 sends it and the inbox shows it sent', async () => {
    const keys: (string | null)[] = [];
    const fetcher = (async (_url: string, init: RequestInit) => {
      keys.push(new Headers(init.headers).get('Idempotency-Key'));
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    const { handlers } = service(new IDBFactory(), fetcher);
    const { id } = await handlers.submitFeedback(input());
    expect((await handlers.listFeedback())[0].delivery).toBeUndefined();
    await expect(handlers.resendFeedback({ ids: [id] })).rejects.toMatchObject({ code: 'webhookMissing' });
    await handlers.saveFeedbackSettings({ webhookUrl: 'https://hook.example/x' });
    const rows = await handlers.resendFeedback({ ids: [id] });
    expect(keys).toEqual([id]);
    expect(rows[0].delivery).toMatchObject({ state: 'delivered', attempts: 1 });
  });

  test('a refused origin is shown as such and nothing is fetched', async () => {
    let fetched = 0;
    const factory = new IDBFactory();
    const { handlers } = createFeedbackService({
      db: () => openFeedbackDb(factory),
      now: () => 1000,
      uuid: () => 'fb1',
      fetch: (async () => {
        fetched++;
        return new Response(null, { status: 204 });
      }) as unknown as typeof fetch,
      granted: async () => false,
      setTimer: () => {},
      shop: notConnected,
    });
    await handlers.saveFeedbackSettings({ webhookUrl: 'https://hook.example/x' });
    await handlers.submitFeedback(input());
    await expect.poll(async () => (await handlers.getFeedback({ id: 'fb1' }))?.delivery?.problem).toBe('notGranted');
    expect(fetched).toBe(0);
  });
});

describe('a submit retried after its answer was lost', () => {
  test('stores one item under the page’s request id and says the retry found it', async () => {
    const factory = new IDBFactory();
    const { handlers } = service(factory);
    const requestId = '0b7c2a52-8a8e-4f37-9d3c-2f1e5a6b7c8d';
    await expect(handlers.submitFeedback({ ...input(), requestId })).resolves.toEqual({
      id: requestId,
      duplicate: false,
    });
    // The worker stopped before answering; the page submits the same draft again.
    await expect(service(factory).handlers.submitFeedback({ ...input(), requestId })).resolves.toEqual({
      id: requestId,
      duplicate: true,
    });
    expect(await handlers.listFeedback()).toHaveLength(1);
  });

  test('a request id that is not a UUID is refused', () => {
    expect(refusal(() => backgroundRequest('submitFeedback', { ...input(), requestId: 'fb1' }))).toBe('请求编号无效');
  });
});

describe('to the shop server when connected', () => {
  const SHOP = { serverUrl: 'http://127.0.0.1:8787', token: 'device-token-1' };
  type Sent = { path: string; options?: CallOptions };

  /** A connection link whose calls reach the server while `up()` says so. */
  function connected(up: () => boolean, auth: () => typeof SHOP | null = () => SHOP) {
    const sent: Sent[] = [];
    const factory = new IDBFactory();
    let clock = 1000;
    const service = createFeedbackService({
      db: () => openFeedbackDb(factory),
      now: () => (clock += 1000),
      uuid: () => 'fb-0001',
      fetch: (async () => new Response(null, { status: 204 })) as unknown as typeof fetch,
      granted: async () => true,
      setTimer: () => {},
      shop: {
        auth: async () => auth(),
        call: (async (path: string, options?: CallOptions) => {
          sent.push({ path, options });
          if (!up()) throw new CodedError('serverDown', { url: SHOP.serverUrl });
          return { id: 1, duplicate: sent.length > 1 };
        }) as ShopCall,
      },
    });
    return { ...service, sent };
  }

  test('posts the masked item, and every retry carries the same key and body', async () => {
    let up = false;
    const { handlers, queue, sent } = connected(() => up);
    // A webhook set earlier is not where a connected browser's feedback goes.
    await handlers.saveFeedbackSettings({ webhookUrl: 'https://hook.example/x' });
    const { id } = await handlers.submitFeedback(input());
    await expect.poll(async () => (await handlers.getFeedback({ id }))?.delivery?.problem).toBe('network');
    up = true;
    await handlers.resendFeedback({ ids: [id] });
    await queue.run();

    expect(sent).toHaveLength(2);
    expect(sent.every((call) => call.path === '/api/feedback' && call.options?.method === 'POST')).toBe(true);
    expect(sent.map((call) => call.options?.headers?.['Idempotency-Key'])).toEqual([id, id]);
    expect(JSON.stringify(sent[1].options?.body)).toBe(JSON.stringify(sent[0].options?.body));
    const body = sent[0].options?.body as FeedbackInput;
    expect(body.description).toBe('话术不对，买家电话138****5678');
    expect(body.images[0].dataUrl).toBe(PNG);
    expect((await handlers.listFeedback())[0].delivery).toMatchObject({ state: 'delivered', to: 'shop' });
  });

  test('an item queued for the shop waits while this browser is disconnected, and never goes elsewhere', async () => {
    let auth: typeof SHOP | null = SHOP;
    const { handlers, queue, sent } = connected(
      () => false,
      () => auth,
    );
    const { id } = await handlers.submitFeedback(input());
    await expect.poll(async () => (await handlers.getFeedback({ id }))?.delivery?.attempts).toBe(1);
    auth = null;
    await handlers.resendFeedback({ ids: [id] }).catch(() => {});
    auth = { serverUrl: 'https://other-shop.example', token: 'other' };
    await queue.start();
    expect(sent).toHaveLength(1);
    expect((await handlers.getFeedback({ id }))?.delivery).toMatchObject({ to: 'shop', problem: 'notConnected' });
  });
});
