/**
 * A real shop server for the e2e tests: the app of server/ on an embedded database in a temp folder, on a port of
 * this machine, that a test can stop and start again on the same database and port (a server restart).
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@/server/app';
import { type Db, openPglite } from '@/server/db';
import { migrate } from '@/server/migrate';

/** The built extension's ID (its manifest key): the only origin the server answers with CORS. */
const EXTENSION_ORIGIN = 'chrome-extension://agipblkcpilibbmifecdajegbgphhnfh';

export async function startShopServer() {
  const db: Db = await openPglite(join(mkdtempSync(join(tmpdir(), 'huashu-e2e-server-')), 'db'));
  await migrate(db);
  let app: FastifyInstance | null = null;
  let port = 0;

  async function listen() {
    ({ app } = await buildApp({
      db,
      allowedOrigins: [EXTENSION_ORIGIN],
      limits: { loginPerMinute: 1000, writesPerMinute: 1000 },
    }));
    await app.listen({ host: '127.0.0.1', port });
    port = (app.server.address() as AddressInfo).port;
  }
  await listen();

  /** A JSON call as a browser with this token would make it. */
  async function call(token: string | null, method: string, path: string, body?: unknown) {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  return {
    db,
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    call,
    /** Stops answering: open connections are cut, the database stays. */
    async stop() {
      await app?.close();
      app = null;
    },
    /** Starts again on the same database and port. */
    start: listen,
    async close() {
      await app?.close();
      await db.close();
    },
  };
}

export type ShopServer = Awaited<ReturnType<typeof startShopServer>>;
