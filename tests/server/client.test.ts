/** The extension's client (lib/shop-server/client.ts) against the real server over a socket: its answers and refusals. */
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { CodedError } from '@/lib/messages/errors';
import { LibraryConflictError, type ServerAuth, serverOrigin, shopServer } from '@/lib/shop-server/client';
import { pack, SLOT, shopsPerTest, type TestShop } from './harness';

const shops = shopsPerTest();
let shop: TestShop;
let serverUrl: string;

beforeEach(async () => {
  shop = await shops.openShop();
  await shop.app.listen({ host: '127.0.0.1', port: 0 });
  serverUrl = `http://127.0.0.1:${(shop.app.server.address() as AddressInfo).port}`;
});

const invite = async (name: string, role: 'agent' | 'admin' = 'agent') =>
  (await shop.call(shop.admin, 'POST', '/api/invites', { name, role })).json.code as string;

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof CodedError ? error.code : String(error)),
  );

describe('the shop server client', () => {
  it('joins with an invitation code and is known by its token', async () => {
    const joined = await shopServer.join(serverUrl, await invite('小王'));
    expect(joined.user).toMatchObject({ name: '小王', role: 'agent' });
    const me = await shopServer.me({ serverUrl, token: joined.token });
    expect(me.shop.name).toBe('小店');
    expect(me.device.id).toBe(joined.token.split('.')[0]);
  });

  it('words a used code, a revoked token and a stopped server', async () => {
    const code = await invite('小王');
    const joined = await shopServer.join(serverUrl, code);
    expect(await refusal(shopServer.join(serverUrl, code))).toBe('serverCodeInvalid');

    const auth: ServerAuth = { serverUrl, token: joined.token };
    const me = await shopServer.me(auth);
    await shopServer.revokeDevice({ serverUrl, token: shop.admin.token }, me.device.id);
    expect(await refusal(shopServer.library(auth))).toBe('serverRevoked');

    await shop.app.close();
    expect(await refusal(shopServer.me({ serverUrl, token: shop.admin.token }))).toBe('serverDown');
  });

  it("refuses an agent's save as the admin's to make", async () => {
    const joined = await shopServer.join(serverUrl, await invite('小王'));
    const save = shopServer.saveLibrary({ serverUrl, token: joined.token }, 0, pack({}) as never);
    expect(await refusal(save)).toBe('serverForbidden');
  });

  it('brings both texts back when two admins change the same reply', async () => {
    const admin: ServerAuth = { serverUrl, token: shop.admin.token };
    const other: ServerAuth = {
      serverUrl,
      token: (await shopServer.join(serverUrl, await invite('老板', 'admin'))).token,
    };
    await shopServer.saveLibrary(admin, 0, pack({ replies: { [SLOT.first]: '亲，今天发货' } }) as never);
    const stale = await shopServer
      .saveLibrary(other, 0, pack({ replies: { [SLOT.first]: '亲，明天发货' } }) as never)
      .catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(LibraryConflictError);
    const conflict = stale as LibraryConflictError;
    expect(conflict.params).toMatchObject({ count: 1, theirs: '亲，今天发货', yours: '亲，明天发货' });
    expect(conflict.current.revision).toBe(1);
  });

  it('takes a typed address down to its origin and refuses what is not http(s)', () => {
    expect(serverOrigin(' http://127.0.0.1:8787/admin ')).toBe('http://127.0.0.1:8787');
    expect(() => serverOrigin('ftp://shop')).toThrow(CodedError);
    expect(() => serverOrigin('shop.example')).toThrow(CodedError);
  });
});
