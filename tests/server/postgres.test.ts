/**
 * Two server processes on one real PostgreSQL server: an edit saved through one reaches an agent connected
 * to the other (LISTEN/NOTIFY), revoking through one closes the agent's stream on the other, and feedback
 * posted through both is forwarded to the shop's webhook once per item (rows claimed with SKIP LOCKED).
 * Needs Debian's postgresql package (.ci/run installs it); without it this test says so and is skipped.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, findPostgresBin, type ServerProcess, startCluster, startServerProcess } from './pg-cluster';
import { openLive, revisionOf } from './sse';

const bin = findPostgresBin();
if (!bin)
  console.log('Skipping the PostgreSQL test: no initdb under /usr/lib/postgresql/*/bin (apt-get install postgresql)');

let cluster: Cluster;
const nodes: ServerProcess[] = [];
let adminToken = '';

async function call(node: ServerProcess, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${node.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: response.status === 204 ? null : await response.json() };
}

const CONTEXT = {
  conversationId: 'c1',
  messageId: 'm1',
  intent: 'ship_urge',
  intentLabel: '催发货',
  confidence: 0.9,
  why: [],
  buyerText: '什么时候发货',
  replies: [],
  node: null,
};

describe.skipIf(!bin)('two server processes on PostgreSQL', () => {
  beforeAll(async () => {
    cluster = await startCluster(bin as string);
    // Started together: the migrations' advisory lock lets one apply them and the other wait.
    nodes.push(...(await Promise.all([0, 1].map(() => startServerProcess({ DATABASE_URL: cluster.url })))));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    cluster?.stop();
  });

  it('delivers an edit saved through node A to an agent connected to node B', async () => {
    const [a, b] = nodes;
    const code = /Setup code[^:]*: (\S+)/.exec(a.output())?.[1];
    const setup = await call(a, 'POST', '/api/setup', undefined, { code, shopName: '小店', adminName: '店长' });
    expect(setup.status).toBe(201);
    const admin = setup.json.token;
    adminToken = admin;
    const invite = await call(a, 'POST', '/api/invites', admin, { name: '小王', role: 'agent' });
    const joined = await call(b, 'POST', '/api/join', undefined, { code: invite.json.code });
    const agent = joined.json.token;

    const live = await openLive(b.url, agent);
    expect(revisionOf(await live.next((event) => event.event === 'library'))).toBe(0);
    const library = {
      format: 'huashu-reply-pack',
      version: 1,
      rules: [{ id: 'rule.invoice', keywords: ['发票'], reply: '亲，发票随包裹寄出哦' }],
    };
    expect((await call(a, 'PUT', '/api/library', admin, { baseRevision: 0, library })).status).toBe(200);
    const edit = await live.next((event) => event.event === 'library' && revisionOf(event) === 1);
    expect(JSON.parse(edit.data).library.rules[0].reply).toBe('亲，发票随包裹寄出哦');

    const device = (await call(b, 'GET', '/api/me', agent)).json.device.id;
    expect((await call(a, 'POST', `/api/devices/${device}/revoke`, admin)).status).toBe(204);
    await live.ended;
    expect(live.events.at(-1)?.event).toBe('revoked');
    expect((await call(b, 'GET', '/api/library', agent)).status).toBe(401);
  });

  it('forwards feedback posted through both nodes to the webhook once per item', async () => {
    const [a, b] = nodes;
    const keys: string[] = [];
    const receiver = createServer(async (request, response) => {
      for await (const _chunk of request) {
      }
      keys.push(String(request.headers['idempotency-key']));
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      // The shop and admin of the test above.
      const admin = adminToken;
      const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      expect((await call(b, 'PUT', '/api/shop/webhook', admin, { webhookUrl: hook })).status).toBe(200);
      const invite = await call(a, 'POST', '/api/invites', admin, { name: '小李', role: 'agent' });
      const agent = (await call(b, 'POST', '/api/join', undefined, { code: invite.json.code })).json.token;
      const posts = Array.from({ length: 20 }, async (_, index) => {
        const response = await fetch(`${(index % 2 ? a : b).url}/api/feedback`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${agent}`,
            'content-type': 'application/json',
            'idempotency-key': `two-nodes-${String(index).padStart(4, '0')}`,
          },
          body: JSON.stringify({ category: 'other', description: `第 ${index} 条`, images: [], context: CONTEXT }),
        });
        return response.status;
      });
      expect(new Set(await Promise.all(posts))).toEqual(new Set([201]));
      const forwarded = async () =>
        (await call(a, 'GET', '/api/feedback?limit=50', admin)).json.filter(
          (item: { forward: { state: string } | null }) => item.forward?.state === 'sent',
        ).length;
      await expect.poll(forwarded, { timeout: 20_000 }).toBe(20);
      expect(keys).toHaveLength(20);
      expect(new Set(keys).size).toBe(20);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
