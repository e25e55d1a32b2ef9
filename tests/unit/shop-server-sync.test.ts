/**
 * The background's shop-server services against the real server (embedded database, a real socket): joining from
 * enterprise policy, an admin's edit published, a clash with another admin's edit, and a revoked browser.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startShopServer } from '@/entrypoints/background/shop-server';
import { createLibrarySync } from '@/entrypoints/background/shop-server-sync';
import { CodedError } from '@/lib/messages/errors';
import { callServer, type LibraryState, shopServer } from '@/lib/shop-server/client';
import { buildApp } from '@/server/app';
import { issueSetupCode } from '@/server/auth';
import { type Db, openPglite } from '@/server/db';
import { migrate } from '@/server/migrate';
import { freshStore } from './store-helpers';

const SLOT = { intent: 'ship_urge', situation: 'none', reply: 'ship_urge.none.1' } as const;

let db: Db;
let app: Awaited<ReturnType<typeof buildApp>>['app'];
let serverUrl: string;
let owner: { serverUrl: string; token: string };

beforeAll(async () => {
  db = await openPglite(join(mkdtempSync(join(tmpdir(), 'huashu-sync-')), 'db'));
  await migrate(db);
  ({ app } = await buildApp({ db, allowedOrigins: [] }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  serverUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const setup = await shopServer.setup(serverUrl, {
    code: (await issueSetupCode(db)) as string,
    shopName: '小店',
    adminName: '店长',
  });
  owner = { serverUrl, token: setup.token };
}, 60_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
});

afterEach(() => {
  fakeBrowser.reset();
});

const invite = async (name: string, role: 'admin' | 'agent') =>
  (await callServer<{ code: string }>(owner, '/api/invites', { method: 'POST', body: { name, role } })).code;

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof CodedError ? error.code : String(error)),
  );

describe('the shop server in the background', () => {
  test('a managed browser joins the shop its policy names, and a used code is not sent again', async () => {
    const policy = { serverUrl: `${serverUrl}/`, code: await invite('小李', 'agent') };
    const server = startShopServer({ readPolicy: async () => policy });
    await server.joinFromPolicy();
    expect(await server.link.status()).toMatchObject({ state: 'connected', shopName: '小店', userName: '小李' });

    await server.handlers.disconnectServer();
    await server.joinFromPolicy();
    expect(await server.link.status()).toEqual({ state: 'none' });
  });

  test("an admin's edit is published; a clash with another admin's comes back with both texts, and the copy is the shop's", async () => {
    const policyCode = await invite('小张', 'admin');
    const server = startShopServer({ readPolicy: async () => ({ serverUrl, code: policyCode }) });
    await server.joinFromPolicy();
    const { store } = await freshStore();
    const sync = createLibrarySync({ link: server.link, changed: async () => {} });
    // The empty shop at revision 0 is what this empty store holds; the stream is not followed here, so the copy
    // stays at the revision this test gives it.
    await server.link.setRevision(0);

    const edit = (text: string, base?: string) =>
      sync.libraryWrite(store, () => store.setOverride(SLOT.intent, SLOT.situation, SLOT.reply, text, base), true);
    await edit('亲，今天发货');
    const published = await callServer<LibraryState>(owner, '/api/library');
    expect(published.revision).toBe(1);
    expect(published.library.slots[0].overrides[SLOT.reply]).toBe('亲，今天发货');

    // The other admin saves the same reply from revision 1; this browser has not heard of it.
    const theirs = structuredClone(published.library);
    theirs.slots[0].overrides[SLOT.reply] = '亲，明天发货';
    await callServer(owner, '/api/library', { method: 'PUT', body: { baseRevision: 1, library: theirs } });

    const clash = await edit('亲，马上发货', '亲，今天发货').catch((error: unknown) => error);
    expect(clash).toMatchObject({ code: 'replyConflict', params: { theirs: '亲，明天发货', yours: '亲，马上发货' } });
    expect(store.snapshot().local.slots[0].overrides[SLOT.reply]).toBe('亲，明天发货');
    expect((await server.link.connection())?.revision).toBe(2);

    // Keeping mine after seeing theirs goes through, from the revision the copy now holds.
    await edit('亲，马上发货', '亲，明天发货');
    expect((await callServer<LibraryState>(owner, '/api/library')).library.slots[0].overrides[SLOT.reply]).toBe(
      '亲，马上发货',
    );
    store.close();
  });

  test("an agent's browser may not change the library, and is refused at once when revoked", async () => {
    const agentCode = await invite('小王', 'agent');
    const server = startShopServer({ readPolicy: async () => ({ serverUrl, code: agentCode }) });
    await server.joinFromPolicy();
    const { store } = await freshStore();
    const sync = createLibrarySync({ link: server.link, changed: async () => {} });
    const save = sync.libraryWrite(
      store,
      () => store.saveRule({ keywords: ['包邮'], reply: '亲，包邮哦', enabled: true }),
      true,
    );
    expect(await codeOf(save)).toBe('libraryReadOnly');
    expect(store.snapshot().local.rules).toEqual([]);

    const connection = await server.link.connection();
    await callServer(owner, `/api/devices/${connection?.deviceId}/revoke`, { method: 'POST', body: {} });
    expect(await codeOf(server.link.call('/api/library'))).toBe('serverRevoked');
    expect(await server.link.status()).toMatchObject({ state: 'refused', reason: { code: 'serverRevoked' } });
    expect(await server.link.auth()).toBeNull();
    store.close();
  });
});
