/** Accounts and roles: setup, invitations, tokens, revocation, and every call an agent must not make. */
import { beforeEach, describe, expect, it } from 'vitest';
import { issueSetupCode } from '@/server/auth';
import { EXTENSION_ORIGIN, type Member, pack, shopsPerTest, type TestShop } from './harness';

const shops = shopsPerTest();
let shop: TestShop;
let agent: Member;
let otherAgent: Member;

beforeEach(async () => {
  shop = await shops.openShop();
  agent = await shop.join('小王');
  otherAgent = await shop.join('小李');
});

const PNG = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64')}`;
const feedback = {
  category: 'bad_reply',
  description: '回复不对',
  images: [{ type: 'image/png', dataUrl: PNG, width: 10, height: 10 }],
  context: {
    conversationId: 'c1',
    messageId: 'm1',
    intent: 'ship_urge',
    intentLabel: '催发货',
    confidence: 0.9,
    why: [],
    buyerText: '什么时候发货',
    replies: [],
    node: null,
  },
};

describe('setup and joining', () => {
  it('creates the shop once: the setup code works one time, and no new code is issued after', async () => {
    const again = await shop.call(null, 'POST', '/api/setup', {
      code: 'AAAAA-BBBBB-CCCCC-DDDDD',
      shopName: 'x',
      adminName: 'y',
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('shopExists');
    expect(await issueSetupCode(shops.db)).toBeNull();
  });

  it('refuses a wrong, reused or malformed invitation code and says which request field is wrong', async () => {
    const invite = await shop.call(shop.admin, 'POST', '/api/invites', { name: '小张', role: 'agent' });
    const [id] = invite.json.code.split('-');
    const wrong = await shop.call(null, 'POST', '/api/join', { code: `${id}-00000-00000-00000` });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.code).toBe('codeInvalid');
    // Typed in lower case without dashes still works, once.
    const typed = invite.json.code.toLowerCase().replaceAll('-', ' ');
    expect((await shop.call(null, 'POST', '/api/join', { code: typed })).status).toBe(201);
    expect((await shop.call(null, 'POST', '/api/join', { code: invite.json.code })).json.error.code).toBe(
      'codeInvalid',
    );
    const malformed = await shop.call(null, 'POST', '/api/join', { code: 42 });
    expect(malformed.status).toBe(400);
    expect(malformed.json.message).toContain('code');
  });

  it('keeps only hashes: no token or code is in the database in clear', async () => {
    const invite = await shop.call(shop.admin, 'POST', '/api/invites', { name: '小张', role: 'agent' });
    const rows = JSON.stringify([
      ...(await shops.db.query('SELECT * FROM devices')),
      ...(await shops.db.query('SELECT * FROM codes')),
    ]);
    // The secret parts: a token's after its id (`<id>.<secret>`, base64url, so it may hold '-'), and a code's
    // groups after the first (`ABCDE-FGHJK-…`).
    const secrets = [
      ...[shop.admin.token, agent.token].map((token: string) => token.slice(token.indexOf('.') + 1)),
      ...(invite.json.code as string).split('-').slice(1),
    ];
    for (const secret of secrets) expect(rows).not.toContain(secret);
  });

  it('refuses a request without a token, with a made-up one, and with a changed secret', async () => {
    expect((await shop.call(null, 'GET', '/api/library')).status).toBe(401);
    const forged = { ...agent, token: `${agent.token.split('.')[0]}.${'A'.repeat(43)}` };
    expect((await shop.call(forged, 'GET', '/api/library')).status).toBe(401);
  });

  it('refuses a revoked browser at once, while the same person’s other calls before it worked', async () => {
    expect((await shop.call(agent, 'GET', '/api/library')).status).toBe(200);
    const me = await shop.call(agent, 'GET', '/api/me');
    expect((await shop.call(shop.admin, 'POST', `/api/devices/${me.json.device.id}/revoke`)).status).toBe(204);
    const refused = await shop.call(agent, 'GET', '/api/library');
    expect(refused.status).toBe(401);
    expect(refused.json.error.code).toBe('revoked');
    expect((await shop.call(otherAgent, 'GET', '/api/library')).status).toBe(200);
  });

  it('answers the extension’s origin with CORS headers and no other origin', async () => {
    const ours = await shop.call(agent, 'GET', '/api/library', undefined, { origin: EXTENSION_ORIGIN });
    expect(ours.headers['access-control-allow-origin']).toBe(EXTENSION_ORIGIN);
    const theirs = await shop.call(agent, 'GET', '/api/library', undefined, { origin: 'https://evil.example' });
    expect(theirs.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await shop.app.inject({
      method: 'OPTIONS',
      url: '/api/feedback',
      headers: {
        origin: EXTENSION_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('Idempotency-Key');
  });
});

describe('what an agent may not do', () => {
  it('gets 403 for every admin call and every read of another agent', async () => {
    await shop.call(otherAgent, 'POST', '/api/feedback', feedback, { 'idempotency-key': 'other-agent-1' });
    const [othersFeedback] = (await shop.call(shop.admin, 'GET', '/api/feedback')).json;
    const adminDevice = (await shop.call(shop.admin, 'GET', '/api/me')).json.device.id;
    await shop.call(shop.admin, 'PUT', '/api/library', {
      baseRevision: 0,
      library: pack({ rules: [{ id: 'r1', keywords: ['发票'], reply: '亲，发票随包裹寄出哦' }] }),
    });

    const forbidden: [string, 'GET' | 'POST' | 'PUT' | 'PATCH', string, unknown?][] = [
      ['edit the library', 'PUT', '/api/library', { baseRevision: 1, library: pack({}) }],
      ['read the history', 'GET', '/api/library/changes'],
      ['roll a change back', 'POST', '/api/library/changes/1/rollback'],
      ['invite', 'POST', '/api/invites', { name: '坏人', role: 'admin' }],
      ['invite a browser as the admin', 'POST', `/api/users/${shop.admin.id}/invites`],
      ['list people', 'GET', '/api/users'],
      ['revoke the admin', 'POST', `/api/devices/${adminDevice}/revoke`],
      ["list another agent's feedback", 'GET', `/api/feedback?agent=${otherAgent.id}`],
      ["see another agent's image", 'GET', `/api/feedback/${othersFeedback.id}/images/0`],
      ['resolve feedback', 'PATCH', `/api/feedback/${othersFeedback.id}`, { resolved: true }],
      ["read another agent's statistics", 'GET', `/api/stats?agent=${otherAgent.id}`],
      ["read the shop's webhook", 'GET', '/api/shop/webhook'],
      ["set the shop's webhook", 'PUT', '/api/shop/webhook', { webhookUrl: 'https://evil.example/hook' }],
    ];
    for (const [what, method, url, body] of forbidden) {
      const answer = await shop.call(agent, method, url, body);
      expect({ what, status: answer.status, code: answer.json.error?.code }).toEqual({
        what,
        status: 403,
        code: 'forbidden',
      });
    }
    // Nothing changed: the library is still at revision 1 and the admin still connected.
    expect((await shop.call(shop.admin, 'GET', '/api/library')).json.revision).toBe(1);
    expect((await shop.call(shop.admin, 'GET', '/api/me')).status).toBe(200);
  });

  it('may read the library and write its own feedback and statistics, and sees only its own', async () => {
    expect((await shop.call(agent, 'GET', '/api/library')).status).toBe(200);
    const posted = await shop.call(agent, 'POST', '/api/feedback', feedback, { 'idempotency-key': 'feedback-agent-1' });
    expect(posted.json).toEqual({ id: expect.any(Number), duplicate: false });
    await shop.call(otherAgent, 'POST', '/api/feedback', feedback, { 'idempotency-key': 'feedback-other-1' });
    const own = await shop.call(agent, 'GET', '/api/feedback');
    expect(own.json.map((item: { agent: { name: string } }) => item.agent.name)).toEqual(['小王']);
    const all = await shop.call(shop.admin, 'GET', '/api/feedback');
    expect(all.json.map((item: { agent: { name: string } }) => item.agent.name).sort()).toEqual(['小李', '小王']);
  });

  it('a second admin may edit the library and invite', async () => {
    const deputy = await shop.join('副店长', 'admin');
    const saved = await shop.call(deputy, 'PUT', '/api/library', { baseRevision: 0, library: pack({}) });
    expect(saved.status).toBe(200);
    expect((await shop.call(deputy, 'POST', '/api/invites', { name: '小赵', role: 'agent' })).status).toBe(201);
  });
});

describe('rate limits', () => {
  it('slows down someone guessing codes, even one who forges X-Forwarded-For', async () => {
    await shop.app.close();
    shop = await shops.openShop({ loginPerMinute: 3, writesPerMinute: 1000 });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const forged = { 'x-forwarded-for': `10.0.0.${attempt}` };
      statuses.push((await shop.call(null, 'POST', '/api/join', { code: 'AAAAA-BBBBB-CCCCC-DDDDD' }, forged)).status);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });
});
