/**
 * Two server processes on one real PostgreSQL server: an edit saved through one reaches an agent connected
 * to the other (LISTEN/NOTIFY), and revoking through one closes the agent's stream on the other.
 * Needs Debian's postgresql package (.ci/run installs it); without it this test says so and is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, findPostgresBin, type ServerProcess, startCluster, startServerProcess } from './pg-cluster';
import { openLive, revisionOf } from './sse';

const bin = findPostgresBin();
if (!bin)
  console.log('Skipping the PostgreSQL test: no initdb under /usr/lib/postgresql/*/bin (apt-get install postgresql)');

let cluster: Cluster;
const nodes: ServerProcess[] = [];

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
});
