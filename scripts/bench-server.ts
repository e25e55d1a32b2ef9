/**
 * npm run bench:server: the shop server under a shop's load, as separate server processes.
 *   - 500 agents hold live streams; the admin saves edits; how long until each agent, and every agent, has it;
 *   - the server's memory per open stream (its resident set before and after they connect);
 *   - feedback posts per second, each with one 200 KB image;
 * first one node on the embedded database, then two nodes on a real PostgreSQL (agents split between them,
 * edits saved through the first). Figures, not a test: nothing here passes or fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin, type ServerProcess, startCluster, startServerProcess } from '../tests/server/pg-cluster';
import { type LiveClient, openLive, revisionOf } from '../tests/server/sse';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 500);
const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const FEEDBACK_POSTS = Number(process.env.BENCH_FEEDBACK ?? 200);
const FEEDBACK_CONCURRENCY = 8;
const IMAGE_BYTES = 200 * 1024;
const LIMITS = { HUASHU_LOGIN_PER_MINUTE: '1000000', HUASHU_WRITES_PER_MINUTE: '1000000' };

async function call(url: string, method: string, path: string, token?: string, body?: unknown, headers = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

const residentKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function inBatches<T>(count: number, size: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += size) {
    results.push(
      ...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, i) => make(start + i)))),
    );
  }
  return results;
}

interface Row {
  setup: string;
  agents: number;
  deliveryP50: number;
  deliveryP99: number;
  allP50: number;
  allP99: number;
  kbPerStream: number;
  feedbackPerSecond: number;
  feedbackMbPerSecond: number;
}

async function measure(setup: string, nodes: ServerProcess[]): Promise<Row> {
  const [first] = nodes;
  const code = /Setup code[^:]*: (\S+)/.exec(first.output())?.[1];
  const admin = (
    await call(first.url, 'POST', '/api/setup', undefined, { code, shopName: '压测店', adminName: '店长' })
  ).token;
  const tokens = await inBatches(AGENTS, 8, async (index) => {
    const invite = await call(first.url, 'POST', '/api/invites', admin, { name: `客服${index}`, role: 'agent' });
    const node = nodes[index % nodes.length];
    return {
      node,
      token: (await call(node.url, 'POST', '/api/join', undefined, { code: invite.code })).token as string,
    };
  });

  const before = nodes.map((node) => residentKb(node.pid));
  const streams: LiveClient[] = await inBatches(tokens.length, 50, async (index) => {
    const { node, token } = tokens[index];
    const live = await openLive(node.url, token);
    await live.next((event) => event.event === 'library');
    return live;
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = nodes.map((node) => residentKb(node.pid));
  const kbPerStream = after.reduce((sum, kb, i) => sum + kb - before[i], 0) / streams.length;

  const delivery: number[] = [];
  const everyone: number[] = [];
  for (let revision = 1; revision <= EDITS; revision++) {
    const library = {
      format: 'huashu-reply-pack',
      version: 1,
      rules: [{ id: 'rule.invoice', keywords: ['发票'], reply: `亲，发票随包裹寄出哦（第${revision}版）` }],
    };
    const arrived = streams.map((live) =>
      live
        .next((event) => event.event === 'library' && revisionOf(event) === revision, 30_000)
        .then(() => performance.now()),
    );
    const saved = performance.now();
    await call(first.url, 'PUT', '/api/library', admin, { baseRevision: revision - 1, library });
    const times = (await Promise.all(arrived)).map((at) => at - saved);
    delivery.push(...times);
    everyone.push(Math.max(...times));
  }
  for (const live of streams) live.close();

  const image = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(IMAGE_BYTES - 8),
  ]);
  const body = {
    category: 'bad_reply',
    description: '推荐的回复不对',
    images: [
      { type: 'image/png', dataUrl: `data:image/png;base64,${image.toString('base64')}`, width: 1200, height: 900 },
    ],
    context: {
      conversationId: 'c',
      messageId: 'm',
      intent: 'ship_urge',
      intentLabel: '催发货',
      confidence: 0.8,
      why: [],
      buyerText: '什么时候发货',
      replies: [],
    },
  };
  const started = performance.now();
  await inBatches(FEEDBACK_POSTS, FEEDBACK_CONCURRENCY, async (index) => {
    const { node, token } = tokens[index % tokens.length];
    await call(node.url, 'POST', '/api/feedback', token, body, {
      'idempotency-key': `bench-${nodes.length}-nodes-${index}`,
    });
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    setup,
    agents: streams.length,
    deliveryP50: percentile(delivery, 50),
    deliveryP99: percentile(delivery, 99),
    allP50: percentile(everyone, 50),
    allP99: percentile(everyone, 99),
    kbPerStream,
    feedbackPerSecond: FEEDBACK_POSTS / seconds,
    feedbackMbPerSecond: (FEEDBACK_POSTS * IMAGE_BYTES) / seconds / 1024 / 1024,
  };
}

const rows: Row[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'huashu-bench-'));
try {
  const node = await startServerProcess({ ...LIMITS, HUASHU_DATA_DIR: join(dataDir, 'db') });
  try {
    rows.push(await measure('1 node, embedded PGlite', [node]));
  } finally {
    await node.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const bin = findPostgresBin();
if (bin) {
  const cluster = await startCluster(bin);
  try {
    const nodes = await Promise.all([0, 1].map(() => startServerProcess({ ...LIMITS, DATABASE_URL: cluster.url })));
    try {
      rows.push(await measure('2 nodes, PostgreSQL', nodes));
    } finally {
      await Promise.all(nodes.map((node) => node.stop()));
    }
  } finally {
    cluster.stop();
  }
} else {
  console.log(
    'No PostgreSQL under /usr/lib/postgresql/*/bin: the two-node run is left out (apt-get install postgresql)',
  );
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log(
  `\n${EDITS} edits, ${FEEDBACK_POSTS} feedback posts with one ${IMAGE_BYTES / 1024} KB image (${FEEDBACK_CONCURRENCY} at a time)\n`,
);
console.table(
  rows.map((row) => ({
    setup: row.setup,
    'live agents': row.agents,
    'edit → one agent p50': ms(row.deliveryP50),
    p99: ms(row.deliveryP99),
    'edit → every agent p50': ms(row.allP50),
    'p99 ': ms(row.allP99),
    'memory per stream': `${row.kbPerStream.toFixed(1)} KB`,
    'feedback posts/s': row.feedbackPerSecond.toFixed(1),
    'image MB/s': row.feedbackMbPerSecond.toFixed(1),
  })),
);
