/** Live updates over a real socket: an admin's edit reaches a connected agent; reconnects catch up. */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Member, pack, shopsPerTest, type TestShop } from './harness';
import { type LiveClient, openLive, revisionOf } from './sse';

const shops = shopsPerTest();
let shop: TestShop;
let agent: Member;
let baseUrl: string;
const clients: LiveClient[] = [];

// Registered after shopsPerTest's, so it runs first: the streams close before their server does.
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});
beforeEach(async () => {
  shop = await shops.openShop();
  agent = await shop.join('小王');
  await shop.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(shop.app.server.address() as AddressInfo).port}`;
});

const connect = async (member: Member, revision?: number) => {
  const client = await openLive(baseUrl, member.token, revision);
  clients.push(client);
  return client;
};
const rule = (reply: string) => pack({ rules: [{ id: 'rule.invoice', keywords: ['发票'], reply }] });

describe('live updates', () => {
  it('sends the library on connect and each edit as it is saved', async () => {
    const live = await connect(agent);
    expect(revisionOf(await live.next((event) => event.event === 'library'))).toBe(0);
    await shop.call(shop.admin, 'PUT', '/api/library', { baseRevision: 0, library: rule('亲，发票随包裹寄出哦') });
    const edit = await live.next((event) => event.event === 'library' && revisionOf(event) === 1);
    expect(edit.id).toBe('1');
    expect(JSON.parse(edit.data).library.rules[0].reply).toBe('亲，发票随包裹寄出哦');
  });

  it('catches a reconnecting agent up from its revision, and sends nothing when it is current', async () => {
    await shop.call(shop.admin, 'PUT', '/api/library', { baseRevision: 0, library: rule('亲，一') });
    await shop.call(shop.admin, 'PUT', '/api/library', { baseRevision: 1, library: rule('亲，二') });
    const behind = await connect(agent, 1);
    const caughtUp = await behind.next((event) => event.event === 'library');
    expect(JSON.parse(caughtUp.data)).toMatchObject({ revision: 2, library: { rules: [{ reply: '亲，二' }] } });
    const current = await connect(agent, 2);
    await shop.call(shop.admin, 'PUT', '/api/library', { baseRevision: 2, library: rule('亲，三') });
    const next = await current.next((event) => event.event === 'library');
    expect(revisionOf(next)).toBe(3);
    expect(current.events.filter((event) => event.event === 'library')).toHaveLength(1);
  });

  it('tells admins of new feedback, not agents', async () => {
    const adminLive = await connect(shop.admin);
    const agentLive = await connect(agent);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]).toString('base64');
    const posted = await shop.call(
      agent,
      'POST',
      '/api/feedback',
      {
        category: 'other',
        description: '建议',
        images: [{ type: 'image/png', dataUrl: `data:image/png;base64,${png}`, width: 1, height: 1 }],
        context: {
          conversationId: 'c',
          messageId: 'm',
          intent: 'ship_urge',
          intentLabel: '催发货',
          confidence: 1,
          why: [],
          buyerText: '',
          replies: [],
        },
      },
      { 'idempotency-key': 'live-feedback-1' },
    );
    const told = await adminLive.next((event) => event.event === 'feedback');
    expect(JSON.parse(told.data)).toEqual({ id: posted.json.id, agent: agent.id });
    expect(agentLive.events.some((event) => event.event === 'feedback')).toBe(false);
  });

  it('closes a revoked browser’s stream and refuses it a new one', async () => {
    const live = await connect(agent);
    await live.next((event) => event.event === 'library');
    const device = (await shop.call(agent, 'GET', '/api/me')).json.device.id;
    await shop.call(shop.admin, 'POST', `/api/devices/${device}/revoke`);
    await live.ended;
    expect(live.events.at(-1)?.event).toBe('revoked');
    await expect(openLive(baseUrl, agent.token)).rejects.toThrow('401');
  });
});
