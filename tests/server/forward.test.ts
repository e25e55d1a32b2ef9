/**
 * The server forwards each stored feedback item to the shop's webhook: once per item with its Idempotency-Key,
 * again after the receiver was down or the server restarted, never when no webhook is set, and only the admin
 * sets the webhook. The forwarder's clock is the test's: a retry is due when the test moves the clock, and
 * `drain()` resolves once nothing due is left, so no test waits on real time.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '@/server/app';
import { type Member, shopsPerTest, type TestShop } from './harness';

interface Received {
  key: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the test reads the fields the contract promises.
  body: any;
}

/** A webhook receiver on a free local port; it can go down and come back on the same port. */
class Receiver {
  readonly received: Received[] = [];
  status = 200;
  /** Holds each request without answering (a slow receiver); `arrived` is called with its key. */
  hang: ((key: string | undefined) => void) | null = null;
  private server: Server | null = null;
  port = 0;

  get url() {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async up(): Promise<void> {
    this.server = createServer(async (request: IncomingMessage, response) => {
      let text = '';
      for await (const chunk of request) text += chunk;
      if (this.hang) {
        this.hang(request.headers['idempotency-key'] as string | undefined);
        return;
      }
      if (this.status < 300) {
        this.received.push({ key: request.headers['idempotency-key'] as string | undefined, body: JSON.parse(text) });
      }
      response.writeHead(this.status).end();
    });
    this.server.listen(this.port, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const shops = shopsPerTest();
let clock: number;
let receiver: Receiver;
let shop: TestShop;
let wang: Member;

const HOUR = 3_600_000;
const forwardOptions = (maxAttempts = 12) => ({ now: () => clock, maxAttempts });

beforeEach(async () => {
  clock = Date.parse('2026-11-29T08:00:00Z');
  receiver = new Receiver();
  await receiver.up();
  shop = await shops.openShop(undefined, forwardOptions(3));
  wang = await shop.join('小王');
});
afterEach(async () => {
  await receiver.down();
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 5)]);
const PNG_URL = `data:image/png;base64,${PNG.toString('base64')}`;
const feedback = (description: string) => ({
  category: 'bad_reply',
  description,
  images: [{ type: 'image/png', dataUrl: PNG_URL, width: 40, height: 30 }],
  context: {
    conversationId: 'conv-1',
    messageId: 'msg-1',
    intent: 'ship_urge',
    intentLabel: '催发货',
    confidence: 0.8,
    why: ['发货'],
    buyerText: '什么时候发货',
    replies: ['亲，48小时内发货'],
    node: 'awaiting_shipment',
  },
});
const post = (description: string, key: string) =>
  shop.call(wang, 'POST', '/api/feedback', feedback(description), { 'idempotency-key': key });
const setWebhook = (webhookUrl: string, who: Member = shop.admin) =>
  shop.call(who, 'PUT', '/api/shop/webhook', { webhookUrl });
const inboxForward = async () => (await shop.call(shop.admin, 'GET', '/api/feedback')).json[0].forward;

describe('forwarding feedback to the shop’s webhook', () => {
  it('sends each item once, with its key, its images and who sent it; a retried post sends nothing more', async () => {
    expect((await setWebhook(receiver.url)).status).toBe(200);
    const stored = await post('回复太生硬，电话13812345678', 'queue-item-0001');
    await shop.forwarder.drain();
    await post('回复太生硬，电话13812345678', 'queue-item-0001');
    clock += HOUR;
    await shop.forwarder.drain();

    expect(receiver.received).toHaveLength(1);
    const [{ key, body }] = receiver.received;
    expect(key).toBe(`huashu-feedback-${stored.json.id}`);
    expect(body.id).toBe(key);
    expect(body.description).not.toContain('13812345678');
    expect(body.category).toBe('bad_reply');
    expect(body.context.intent).toBe('ship_urge');
    expect(body.images).toEqual([{ type: 'image/png', width: 40, height: 30, dataUrl: PNG_URL }]);
    expect(body.agent).toEqual({ id: wang.id, name: '小王' });
    expect(await inboxForward()).toMatchObject({ state: 'sent', attempts: 1, error: null });
    // The state is the admin's: an agent's own inbox does not carry it.
    expect((await shop.call(wang, 'GET', '/api/feedback')).json[0]).not.toHaveProperty('forward');
  });

  it('sends nothing while no webhook is set, and the inbox says the item is not forwarded', async () => {
    await post('没有 webhook', 'queue-item-0002');
    await shop.forwarder.drain();
    expect(receiver.received).toHaveLength(0);
    expect(await inboxForward()).toBeNull();
  });

  it('delivers an item exactly once after the receiver was down, once its retry is due', async () => {
    await setWebhook(receiver.url);
    await receiver.down();
    await post('接收端宕机时发的', 'queue-item-0003');
    await shop.forwarder.drain();
    expect(await inboxForward()).toMatchObject({ state: 'pending', attempts: 1, error: 'network' });

    await receiver.up();
    // Not due yet: nothing is sent before the backoff has passed.
    await shop.forwarder.drain();
    expect(receiver.received).toHaveLength(0);
    clock += HOUR;
    await shop.forwarder.drain();
    clock += HOUR;
    await shop.forwarder.drain();
    expect(receiver.received.map((item) => item.body.description)).toEqual(['接收端宕机时发的']);
    expect(await inboxForward()).toMatchObject({ state: 'sent', attempts: 2, error: null });
  });

  it('delivers what was pending when the server stopped, from the database, once', async () => {
    await setWebhook(receiver.url);
    await receiver.down();
    await post('重启前未送达', 'queue-item-0004');
    await shop.forwarder.drain();
    await shop.app.close();
    await receiver.up();

    clock += HOUR;
    const restarted = await buildApp({ db: shops.db, allowedOrigins: [], forward: forwardOptions() });
    try {
      await restarted.forwarder.drain();
      clock += HOUR;
      await restarted.forwarder.drain();
    } finally {
      await restarted.app.close();
    }
    expect(receiver.received.map((item) => item.body.description)).toEqual(['重启前未送达']);
  });

  it('sends again, with the same key, an item whose send the server stopped in the middle of', async () => {
    await setWebhook(receiver.url);
    const arrived = new Promise<string | undefined>((resolve) => {
      receiver.hang = resolve;
    });
    const stored = await post('发送途中服务器停止', 'queue-item-0006');
    const heldKey = await arrived;
    // Stopping aborts the request in flight; nothing is recorded, and the claim's lease keeps it for a while.
    await shop.app.close();
    receiver.hang = null;

    clock += HOUR;
    const restarted = await buildApp({ db: shops.db, allowedOrigins: [], forward: forwardOptions() });
    try {
      await restarted.forwarder.drain();
    } finally {
      await restarted.app.close();
    }
    expect(receiver.received.map((item) => item.key)).toEqual([heldKey]);
    expect(heldKey).toBe(`huashu-feedback-${stored.json.id}`);
  });

  it('gives up after the last try and says so; saving the webhook again retries it', async () => {
    await setWebhook(receiver.url);
    receiver.status = 503;
    await post('一直失败', 'queue-item-0005');
    for (let attempt = 0; attempt < 5; attempt++) {
      await shop.forwarder.drain();
      clock += HOUR;
    }
    expect(await inboxForward()).toMatchObject({ state: 'failed', attempts: 3, error: 'http503' });

    receiver.status = 200;
    expect((await setWebhook(receiver.url)).json).toEqual({ webhookUrl: receiver.url, retried: 1 });
    await shop.forwarder.drain();
    expect(receiver.received).toHaveLength(1);
    expect(await inboxForward()).toMatchObject({ state: 'sent', attempts: 1 });
  });
});

describe('the shop’s webhook setting', () => {
  it('is read and set by the admin only', async () => {
    expect((await setWebhook('https://hooks.example.com/huashu')).status).toBe(200);
    expect((await shop.call(shop.admin, 'GET', '/api/shop/webhook')).json).toEqual({
      webhookUrl: 'https://hooks.example.com/huashu',
    });
    const refused = await setWebhook('https://evil.example/hook', wang);
    expect(refused.status).toBe(403);
    expect((await shop.call(wang, 'GET', '/api/shop/webhook')).status).toBe(403);
    expect((await shop.call(shop.admin, 'GET', '/api/shop/webhook')).json.webhookUrl).toBe(
      'https://hooks.example.com/huashu',
    );
  });

  it('refuses plain http to another machine, other schemes and oversized values, and keeps the saved URL', async () => {
    await setWebhook('https://hooks.example.com/huashu');
    for (const bad of ['http://hooks.example.com/huashu', 'ftp://hooks.example.com/', 'not a url']) {
      const answer = await setWebhook(bad);
      expect({ bad, status: answer.status, error: answer.json.error }).toEqual({
        bad,
        status: 400,
        error: { code: 'invalidField', params: { field: 'webhookUrl' } },
      });
    }
    expect((await setWebhook(`https://hooks.example.com/${'a'.repeat(2000)}`)).status).toBe(400);
    expect((await setWebhook(`https://hooks.example.com/${'a'.repeat(5000)}`)).status).toBe(413);
    expect((await shop.call(shop.admin, 'GET', '/api/shop/webhook')).json.webhookUrl).toBe(
      'https://hooks.example.com/huashu',
    );
    // Empty turns forwarding off.
    expect((await setWebhook('')).json).toEqual({ webhookUrl: '', retried: 0 });
  });
});
