/** A shop server on an embedded database, and the people of a test shop, for the server tests. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { buildApp } from '@/server/app';
import { issueSetupCode } from '@/server/auth';
import { type Db, openPglite } from '@/server/db';
import type { Forwarder, ForwardOptions } from '@/server/forward';
import { migrate } from '@/server/migrate';

/** A fresh copy of the template database: no tables yet. */
export async function openTestDb(): Promise<Db> {
  const dir = join(mkdtempSync(join(tmpdir(), 'huashu-test-')), 'db');
  cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  return openPglite(dir);
}

/** Empties the database and applies the migrations, so each test starts from nothing. */
async function resetDb(db: Db): Promise<void> {
  await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await migrate(db);
}

export const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

export interface Member {
  token: string;
  id: number;
  name: string;
}

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: each test reads the fields of the answer it expects.
  json: any;
  headers: Record<string, unknown>;
}

export interface TestShop {
  app: FastifyInstance;
  forwarder: Forwarder;
  admin: Member;
  /** Invites and joins an agent (or a second admin). */
  join(name: string, role?: 'agent' | 'admin'): Promise<Member>;
  call(
    member: Member | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
}

interface ShopLimits {
  loginPerMinute: number;
  writesPerMinute: number;
}

async function openShop(
  db: Db,
  limits: ShopLimits = { loginPerMinute: 1000, writesPerMinute: 1000 },
  forward?: ForwardOptions,
): Promise<TestShop> {
  await resetDb(db);
  const { app, forwarder } = await buildApp({ db, allowedOrigins: [EXTENSION_ORIGIN], limits, forward });
  const call: TestShop['call'] = async (member, method, url, body, headers = {}) => {
    const response = await app.inject({
      method,
      url,
      headers: { ...(member ? { authorization: `Bearer ${member.token}` } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return { status: response.statusCode, json: isJson ? response.json() : response.body, headers: response.headers };
  };
  const code = await issueSetupCode(db);
  const setup = await call(null, 'POST', '/api/setup', { code, shopName: '小店', adminName: '店长' });
  if (setup.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setup.json)}`);
  const admin = { token: setup.json.token, id: setup.json.user.id, name: '店长' };
  const join = async (name: string, role: 'agent' | 'admin' = 'agent') => {
    const invite = await call(admin, 'POST', '/api/invites', { name, role });
    const joined = await call(null, 'POST', '/api/join', { code: invite.json.code });
    if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.json)}`);
    return { token: joined.json.token, id: joined.json.user.id, name };
  };
  return { app, forwarder, admin, join, call };
}

/**
 * The lifecycle every server test file shares: one copy of the template database for the file, and each shop a
 * test opens (with `openShop`, from nothing) closed after that test.
 */
export function shopsPerTest(): {
  readonly db: Db;
  openShop(limits?: ShopLimits, forward?: ForwardOptions): Promise<TestShop>;
} {
  let db: Db | undefined;
  const opened: FastifyInstance[] = [];
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterEach(async () => {
    for (const app of opened.splice(0)) await app.close();
  });
  afterAll(async () => {
    await db?.close();
  });
  const database = () => {
    if (!db) throw new Error('the test database opens in beforeAll');
    return db;
  };
  return {
    get db() {
      return database();
    },
    async openShop(limits, forward) {
      const shop = await openShop(database(), limits, forward);
      opened.push(shop.app);
      return shop;
    },
  };
}

/** A pack as the extension exports it, with these keyword rules and official-reply texts. */
export function pack(parts: {
  rules?: { id: string; keywords: string[]; reply: string }[];
  replies?: Record<string, string>;
}) {
  return {
    format: 'huashu-reply-pack',
    version: 1,
    rules: parts.rules ?? [],
    slots: parts.replies ? [{ intent: SLOT.intent, situation: SLOT.situation, overrides: parts.replies }] : [],
  };
}

/** One official slot of the catalogue and two of its reply ids, for edits of official replies. */
export const SLOT = {
  intent: 'ship_urge',
  situation: 'none',
  first: 'ship_urge.none.1',
  second: 'ship_urge.none.2',
} as const;
