/**
 * A real shop server for the e2e tests: the app of server/ on an embedded database in a temp folder, on a port of
 * this machine, that a test can stop and start again on the same database and port (a server restart).
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '@/demo/browser.mjs';
import { buildApp } from '@/server/app';
import { issueSetupCode } from '@/server/auth';
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

/** One browser of the shop: a Chromium profile with the built extension, its chat tab and its options page. */
export interface ShopProfile {
  context: BrowserContext;
  extensionId: string;
  /** The chat workbench. */
  page: Page;
  /** The extension's options page. */
  options: Page;
  /** The confirmations the options page asked, each accepted. */
  confirmed: string[];
}

export async function openShopProfile(): Promise<ShopProfile> {
  const { context, extensionId } = await launchWithExtension({
    userDataDir: mkdtempSync(join(tmpdir(), 'huashu-shop-')),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const options = await context.newPage();
  const confirmed: string[] = [];
  options.on('dialog', (dialog) => {
    confirmed.push(dialog.message());
    void dialog.accept();
  });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  return { context, extensionId, page, options, confirmed };
}

/**
 * The shop 小店 with its admin 店长, made as the README shows, and one-time codes for two browsers to join with:
 * the admin's own and the agent 小王's.
 */
export async function openShop(server: ShopServer) {
  const setup = await server.call(null, 'POST', '/api/setup', {
    code: await issueSetupCode(server.db),
    shopName: '小店',
    adminName: '店长',
  });
  const adminCode: string = (await server.call(setup.token, 'POST', `/api/users/${setup.user.id}/invites`)).code;
  const agentCode: string = (await server.call(setup.token, 'POST', '/api/invites', { name: '小王', role: 'agent' }))
    .code;
  return { adminCode, agentCode };
}

/** Joins the shop with a one-time code on the options page's 店铺服务器 tab, as a person does. */
export async function joinShop({ options }: ShopProfile, server: ShopServer, code: string) {
  await options.getByRole('button', { name: '店铺服务器', exact: true }).click();
  await options.locator('input[name="serverUrl"]').fill(server.url);
  await options.locator('input[name="code"]').fill(code);
  await options.getByRole('button', { name: '连接', exact: true }).click();
  await options.locator('.server-state', { hasText: '已连接 · 小店' }).waitFor();
}
