/** The feedback inbox (exactly once, masked, images) and the shop's statistics. */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '@/server/app';
import { type Member, shopsPerTest, type TestShop } from './harness';

const shops = shopsPerTest();
let shop: TestShop;
let wang: Member;
let li: Member;

beforeEach(async () => {
  shop = await shops.openShop();
  wang = await shop.join('小王');
  li = await shop.join('小李');
});

const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const image = (bytes: Buffer = PNG_BYTES) => ({
  type: 'image/png',
  dataUrl: `data:image/png;base64,${bytes.toString('base64')}`,
  width: 40,
  height: 30,
});
const feedback = (description: string, images = [image()]) => ({
  category: 'bad_reply',
  description,
  images,
  context: {
    conversationId: 'conv-1',
    messageId: 'msg-1',
    intent: 'ship_urge',
    intentLabel: '催发货',
    confidence: 0.8,
    why: ['发货'],
    buyerText: '我电话13812345678，什么时候发货',
    replies: ['亲，48小时内发货'],
    node: 'awaiting_shipment',
  },
});
const post = (member: Member, body: unknown, key: string) =>
  shop.call(member, 'POST', '/api/feedback', body, { 'idempotency-key': key });

describe('feedback inbox', () => {
  it('stores a retried post once: the same key answers with the first item', async () => {
    const first = await post(wang, feedback('回复太慢'), 'queue-item-0001');
    const retry = await post(wang, feedback('回复太慢'), 'queue-item-0001');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual({ id: first.json.id, duplicate: true });
    expect((await shop.call(shop.admin, 'GET', '/api/feedback')).json).toHaveLength(1);
    // The same key from another agent is another item.
    expect((await post(li, feedback('回复太慢'), 'queue-item-0001')).status).toBe(201);
  });

  it('stores a post retried after a server restart once', async () => {
    const first = await post(wang, feedback('重启前发的'), 'queue-item-0009');
    await shop.app.close();
    const { app } = await buildApp({ db: shops.db, allowedOrigins: [] });
    const retry = await app.inject({
      method: 'POST',
      url: '/api/feedback',
      headers: { authorization: `Bearer ${wang.token}`, 'idempotency-key': 'queue-item-0009' },
      payload: feedback('重启前发的'),
    });
    await app.close();
    expect(retry.json()).toEqual({ id: first.json.id, duplicate: true });
    expect(await shops.db.query('SELECT id FROM feedback')).toHaveLength(1);
  });

  it('refuses a reused key with other content, and a post without a key', async () => {
    await post(wang, feedback('一'), 'queue-item-0002');
    const reused = await post(wang, feedback('二'), 'queue-item-0002');
    expect(reused.status).toBe(409);
    expect(reused.json.error.code).toBe('idempotencyKeyReused');
    const keyless = await shop.call(wang, 'POST', '/api/feedback', feedback('三'));
    expect(keyless.json.error.code).toBe('idempotencyKeyMissing');
  });

  it('masks the buyer’s phone number again on the server', async () => {
    await post(wang, feedback('买家电话13812345678打不通'), 'queue-item-0003');
    const [item] = (await shop.call(shop.admin, 'GET', '/api/feedback')).json;
    expect(item.description).toBe('买家电话138****5678打不通');
    expect(item.context.buyerText).toBe('我电话138****5678，什么时候发货');
    expect(JSON.stringify(await shops.db.query('SELECT * FROM feedback'))).not.toContain('13812345678');
  });

  it('keeps images as sent and gives them to the admin and the sender only', async () => {
    await post(wang, feedback('看图'), 'queue-item-0004');
    const [item] = (await shop.call(shop.admin, 'GET', '/api/feedback')).json;
    expect(item.images).toEqual([
      { url: `/api/feedback/${item.id}/images/0`, type: 'image/png', width: 40, height: 30, bytes: PNG_BYTES.length },
    ]);
    const forAdmin = await shop.app.inject({
      url: item.images[0].url,
      headers: { authorization: `Bearer ${shop.admin.token}` },
    });
    expect(forAdmin.headers['content-type']).toBe('image/png');
    expect(forAdmin.rawPayload.equals(PNG_BYTES)).toBe(true);
    expect((await shop.call(wang, 'GET', item.images[0].url)).status).toBe(200);
    expect((await shop.call(li, 'GET', item.images[0].url)).status).toBe(403);
  });

  it('refuses an image that is not what its type says, and too many images, storing nothing', async () => {
    const fake = await post(wang, feedback('假图', [image(Buffer.from('<svg onload=alert(1)>'))]), 'queue-item-0005');
    expect(fake.status).toBe(400);
    expect(fake.json.error.code).toBe('imageInvalid');
    const many = await post(wang, feedback('四张', [image(), image(), image(), image()]), 'queue-item-0006');
    expect(many.json.error.code).toBe('feedbackTooManyImages');
    expect((await shop.call(shop.admin, 'GET', '/api/feedback')).json).toEqual([]);
  });

  it('lets the admin filter by agent and mark an item resolved', async () => {
    await post(wang, feedback('王一'), 'queue-item-0007');
    await post(li, feedback('李一'), 'queue-item-0008');
    const wangs = await shop.call(shop.admin, 'GET', `/api/feedback?agent=${wang.id}`);
    expect(wangs.json.map((item: { description: string }) => item.description)).toEqual(['王一']);
    await shop.call(shop.admin, 'PATCH', `/api/feedback/${wangs.json[0].id}`, { resolved: true });
    expect((await shop.call(wang, 'GET', '/api/feedback')).json[0].resolved).toBe(true);
  });
});

const counts = {
  shown: 0,
  copied: 0,
  sent: 0,
  actions: 0,
  dismissed: 0,
  feedback: 0,
  buyerMessages: 0,
  answered: 0,
  answeredIn3m: 0,
  replySeconds: 0,
};
const hours = (busy: Record<number, number>) => Array.from({ length: 24 }, (_, hour) => busy[hour] ?? 0);
const buyerRow = (day: string, buyerMessages: number, answeredIn3m: number, busy: Record<number, number>) => ({
  ...counts,
  day,
  intent: '',
  buyerMessages,
  answered: answeredIn3m,
  answeredIn3m,
  replySeconds: answeredIn3m * 60,
  hours: hours(busy),
});
const intentRow = (day: string, intent: string, shown: number, sent: number) => ({
  ...counts,
  day,
  intent,
  shown,
  sent,
  hours: hours({}),
});

describe('statistics', () => {
  it('sums every agent: 3-minute reply rate per agent and overall, shown vs used per intent, busiest hours', async () => {
    await shop.call(wang, 'PUT', '/api/stats', {
      rows: [buyerRow('2026-11-28', 10, 9, { 10: 6, 14: 4 }), intentRow('2026-11-28', 'ship_urge', 8, 5)],
    });
    await shop.call(li, 'PUT', '/api/stats', {
      rows: [buyerRow('2026-11-28', 10, 5, { 10: 10 }), intentRow('2026-11-28', 'ship_urge', 4, 1)],
    });
    const figures = (await shop.call(shop.admin, 'GET', '/api/stats')).json;
    expect(figures.overall).toMatchObject({ buyerMessages: 20, answeredIn3m: 14, replyRate3m: 0.7 });
    expect(
      figures.agents.map((agent: { name: string; replyRate3m: number }) => [agent.name, agent.replyRate3m]).sort(),
    ).toEqual([
      ['小李', 0.5],
      ['小王', 0.9],
    ]);
    expect(figures.intents).toEqual([expect.objectContaining({ intent: 'ship_urge', shown: 12, used: 6 })]);
    expect(figures.hours[10]).toBe(16);
    expect(figures.hours[14]).toBe(4);
  });

  it('sums the browsers of one agent under that agent, each browser’s push kept apart', async () => {
    const invite = await shop.call(shop.admin, 'POST', `/api/users/${wang.id}/invites`);
    const laptop = await shop.call(null, 'POST', '/api/join', { code: invite.json.code, label: '笔记本' });
    expect(laptop.json.user).toEqual({ id: wang.id, name: '小王', role: 'agent' });
    const secondBrowser = { token: laptop.json.token, id: wang.id, name: '小王' };
    await shop.call(wang, 'PUT', '/api/stats', { rows: [buyerRow('2026-11-28', 10, 9, {})] });
    await shop.call(secondBrowser, 'PUT', '/api/stats', { rows: [buyerRow('2026-11-28', 6, 3, {})] });
    const figures = (await shop.call(shop.admin, 'GET', '/api/stats')).json;
    expect(figures.agents).toEqual([expect.objectContaining({ name: '小王', buyerMessages: 16, answeredIn3m: 12 })]);
    const people = (await shop.call(shop.admin, 'GET', '/api/users')).json;
    expect(people.find((person: { id: number }) => person.id === wang.id).devices).toHaveLength(2);
  });

  it('replaces a day pushed again rather than counting it twice', async () => {
    await shop.call(wang, 'PUT', '/api/stats', { rows: [buyerRow('2026-11-28', 10, 9, {})] });
    await shop.call(wang, 'PUT', '/api/stats', { rows: [buyerRow('2026-11-28', 10, 9, {})] });
    await shop.call(wang, 'PUT', '/api/stats', { rows: [buyerRow('2026-11-28', 12, 10, {})] });
    expect((await shop.call(shop.admin, 'GET', '/api/stats')).json.overall.buyerMessages).toBe(12);
  });

  it('gives an agent its own figures only, and filters the admin’s by day', async () => {
    await shop.call(wang, 'PUT', '/api/stats', {
      rows: [buyerRow('2026-11-27', 4, 4, {}), buyerRow('2026-11-28', 10, 9, {})],
    });
    await shop.call(li, 'PUT', '/api/stats', { rows: [buyerRow('2026-11-28', 10, 5, {})] });
    const own = (await shop.call(wang, 'GET', '/api/stats')).json;
    expect(own.agents.map((agent: { name: string }) => agent.name)).toEqual(['小王']);
    expect(own.overall.buyerMessages).toBe(14);
    const oneDay = (await shop.call(shop.admin, 'GET', '/api/stats?from=2026-11-28&to=2026-11-28')).json;
    expect(oneDay.overall.buyerMessages).toBe(20);
  });

  it('refuses a malformed row and stores none of the push', async () => {
    const refused = await shop.call(wang, 'PUT', '/api/stats', {
      rows: [buyerRow('2026-11-28', 10, 9, {}), { ...buyerRow('2026-11-29', 1, 1, {}), hours: [1, 2] }],
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toEqual({ code: 'invalidField', params: { field: 'statsEvents' } });
    expect((await shop.call(shop.admin, 'GET', '/api/stats')).json.overall.buyerMessages).toBe(0);
  });
});
