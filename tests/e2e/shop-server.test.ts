/**
 * One shop, two browsers: the real shop server (in this process, embedded PostgreSQL) and two Chromium profiles with
 * the built extension, an admin's and an agent's. Each connects from its options page, as a person would.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension } from '@/demo/browser.mjs';
import { startWorkbench } from '@/demo/server.mjs';
import { buildApp } from '@/server/app';
import { issueSetupCode } from '@/server/auth';
import { type Db, openPglite } from '@/server/db';
import { migrate } from '@/server/migrate';
import { demo, popup } from '@/tests/e2e/workbench';

/** The unpacked build's fixed ID (wxt.config.ts); the server's CORS allows its origin, as server/main.ts does by default. */
const EXTENSION_ORIGIN = 'chrome-extension://agipblkcpilibbmifecdajegbgphhnfh';
/** The order c01's buyer confirmed in the fixture: 待发货. */
const ORDER_ID = '6921847302918374651';

const dataDir = join(mkdtempSync(join(tmpdir(), 'huashu-e2e-server-')), 'db');
let db: Db;
let server: Awaited<ReturnType<typeof buildApp>>['app'];
let port = 0;
let serverUrl: string;

async function startServer() {
  db = await openPglite(dataDir);
  await migrate(db);
  ({ app: server } = await buildApp({ db, allowedOrigins: [EXTENSION_ORIGIN] }));
  // The same port after a restart: the extension keeps the address it joined.
  await server.listen({ host: '127.0.0.1', port });
  port = (server.server.address() as AddressInfo).port;
  serverUrl = `http://127.0.0.1:${port}`;
}

async function stopServer() {
  await server.close();
  await db.close();
}

/** The extension API as the options page and the worker see it (tests run these in the browser). */
interface Extension {
  chrome: {
    permissions: { request(query: { origins: string[] }): Promise<boolean> };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  };
}
interface Browser {
  context: BrowserContext;
  options: Page;
  extensionId: string;
}

async function openBrowser(): Promise<Browser> {
  const { context, extensionId } = await launchWithExtension();
  const options = await context.newPage();
  options.on('dialog', (dialog) => void dialog.accept());
  await options.goto(`chrome-extension://${extensionId}/options.html#server`);
  return { context, options, extensionId };
}

/** The state line of the 店铺服务器 page. */
const stateLine = (page: Page) => page.locator('.server-state').innerText();

/** Fills the join form and clicks 连接, which asks the browser for the server's origin first; records what was asked. */
async function connect(page: Page, code: string, setup?: { shopName: string; adminName: string }) {
  await page.evaluate(() => {
    const permissions = (globalThis as unknown as Extension).chrome.permissions;
    const request = permissions.request.bind(permissions);
    permissions.request = (query) => {
      (globalThis as unknown as { asked: unknown }).asked = query;
      return request(query);
    };
  });
  await page.locator('input[name="serverUrl"]').fill(serverUrl);
  if (setup) await page.locator('input[name="setup"]').check();
  await page.locator('input[name="code"]').fill(code);
  if (setup) {
    await page.locator('input[name="shopName"]').fill(setup.shopName);
    await page.locator('input[name="adminName"]').fill(setup.adminName);
  }
  await page.getByRole('button', { name: '连接', exact: true }).click();
  await expect.poll(() => stateLine(page)).toContain('已连接 · 小店');
  return page.evaluate(() => (globalThis as unknown as { asked: unknown }).asked);
}

let admin: Browser;
let agent: Browser;
let workbench: Awaited<ReturnType<typeof startWorkbench>>;
let chat: Page;

async function buyerAsks(text: string): Promise<string[]> {
  await demo.buyerSays(chat, await demo.currentId(chat), text);
  // The popup of the question before may still show: wait for the one that answers this question.
  await expect.poll(() => popup(chat).locator('.hs-quote').textContent()).toContain(text);
  return popup(chat).locator('.hs-reply-text').allTextContents();
}

beforeAll(async () => {
  await startServer();
  workbench = await startWorkbench({ port: 0 });
  [admin, agent] = await Promise.all([openBrowser(), openBrowser()]);
  chat = await agent.context.newPage();
});

afterAll(async () => {
  await admin?.context.close();
  await agent?.context.close();
  await workbench?.close();
  await stopServer().catch(() => {});
});

describe('a shop with an admin and an agent', () => {
  test('the admin creates the shop and invites the agent; each browser asked for the server origin only', async () => {
    const setupCode = await issueSetupCode(db);
    expect(setupCode).toBeTruthy();
    const askedByAdmin = await connect(admin.options, setupCode as string, { shopName: '小店', adminName: '店长' });
    expect(askedByAdmin).toEqual({ origins: [`${serverUrl}/*`] });
    await expect.poll(() => stateLine(admin.options)).toContain('已连接 · 小店 · 修订号 0');

    await admin.options.locator('input[name="inviteName"]').fill('小王');
    await admin.options.getByRole('button', { name: '生成邀请码' }).click();
    const code = await admin.options.locator('.server-invite-code').innerText();

    const askedByAgent = await connect(agent.options, code);
    expect(askedByAgent).toEqual({ origins: [`${serverUrl}/*`] });
    expect(await stateLine(agent.options)).toContain('小王（客服）');
    // The agent's library pages say they are the admin's to edit.
    await agent.options.getByRole('button', { name: '话术库' }).click();
    await expect.poll(() => agent.options.locator('.server-banner').innerText()).toContain('此处只能查看');
  });

  test("the admin edits a reply; the agent's open popup shows it within a second", async () => {
    await chat.goto(workbench.url);
    await chat.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
    const before = await buyerAsks('什么时候发货');
    expect(before[0]).not.toContain('已为您优先安排');

    await admin.options.getByRole('button', { name: '话术库' }).click();
    const first = admin.options.locator('.reply-card').first();
    await first.getByRole('button', { name: '编辑' }).click();
    await admin.options.locator('.editor-text').fill('亲，订单{订单号}已为您优先安排，今天发出~');
    const savedAt = Date.now();
    await admin.options.getByRole('button', { name: '保存', exact: true }).click();
    await expect
      .poll(() => popup(chat).locator('.hs-reply-text').first().textContent(), { interval: 20 })
      .toBe(`亲，订单${ORDER_ID}已为您优先安排，今天发出~`);
    const elapsed = Date.now() - savedAt;
    console.log(`admin's save → agent's open popup: ${elapsed} ms`);
    await expect.poll(() => first.locator('.badge').textContent()).toBe('已修改');

    // The agent's own browser refuses to change the shop's library.
    const refused = await agent.options.evaluate(() =>
      (globalThis as unknown as Extension).chrome.runtime.sendMessage({
        huashu: 1,
        type: 'saveRule',
        payload: { keywords: ['包邮'], reply: '亲，包邮哦', enabled: true },
      }),
    );
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('客服账号不能在此修改') });
  });

  test('with the server stopped the agent still gets suggestions from its copy; after the restart it catches up', async () => {
    await stopServer();
    await agent.options.getByRole('button', { name: '店铺服务器' }).click();
    await expect.poll(() => stateLine(agent.options), { timeout: 10_000 }).toContain('离线，使用本地副本');

    await chat.reload();
    await chat.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
    const offline = await buyerAsks('什么时候发货');
    expect(offline[0]).toBe(`亲，订单${ORDER_ID}已为您优先安排，今天发出~`);

    // While the agent is away, the admin's next edit is committed (revision 2) before the server listens again.
    const adminToken = await admin.context.serviceWorkers()[0].evaluate(async () => {
      const stored = await (globalThis as unknown as Extension).chrome.storage.local.get('shopServer');
      return (stored.shopServer as { token: string }).token;
    });
    db = await openPglite(dataDir);
    const offlineEdit = await buildApp({ db, allowedOrigins: [EXTENSION_ORIGIN] });
    const library = (
      await offlineEdit.app.inject({
        method: 'GET',
        url: '/api/library',
        headers: { authorization: `Bearer ${adminToken}` },
      })
    ).json();
    library.library.rules = [{ id: 'rule.invoice', keywords: ['发票'], reply: '亲，发票随包裹寄出哦', enabled: true }];
    const saved = await offlineEdit.app.inject({
      method: 'PUT',
      url: '/api/library',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { baseRevision: library.revision, library: library.library },
    });
    expect(saved.json().revision).toBe(2);
    await offlineEdit.app.close();
    await db.close();

    await startServer();
    await expect.poll(() => stateLine(agent.options), { timeout: 30_000 }).toContain('已连接 · 小店 · 修订号 2');
    // The shop's keyword rule follows the built-in replies, in the popup's last place.
    const caughtUp = await buyerAsks('可以开发票吗');
    expect(caughtUp.at(-1)).toBe('亲，发票随包裹寄出哦');
  });

  test("a pack imported into the admin's browser is published to the shop after a confirmation", async () => {
    const pack = {
      format: 'huashu-reply-pack',
      version: 1,
      slots: [],
      disabledIntents: [],
      rules: [
        { id: 'rule.invoice', keywords: ['发票'], reply: '亲，发票随包裹寄出哦', enabled: true },
        { id: 'rule.shipping', keywords: ['包邮'], reply: '亲，全场包邮哦', enabled: true },
      ],
      settings: {},
    };
    await admin.options.getByRole('button', { name: '导入导出' }).click();
    await admin.options.locator('input[type="file"]').setInputFiles({
      name: 'pack.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
    const dialogs: string[] = [];
    admin.options.on('dialog', (dialog) => dialogs.push(dialog.message()));
    await admin.options.getByRole('button', { name: '导入并发布到店铺「小店」' }).click();
    await expect.poll(() => stateLine(agent.options)).toContain('修订号 3');
    expect(dialogs).toEqual([expect.stringContaining('发布到店铺「小店」')]);
    const replies = await buyerAsks('包邮吗');
    expect(replies.at(-1)).toBe('亲，全场包邮哦');
  });

  test('a restarted service worker opens the stream again and follows the edits', async () => {
    // A mark in the worker's global scope: gone once Chrome has stopped the worker and started a new one.
    const marked = () =>
      agent.context.serviceWorkers()[0].evaluate(() => (globalThis as { testMark?: number }).testMark ?? null);
    await agent.context.serviceWorkers()[0].evaluate(() => {
      (globalThis as { testMark?: number }).testMark = 1;
    });
    const cdp = await agent.context.newCDPSession(agent.options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The options page's next status request (every 2 s) starts a new worker.
    await expect.poll(marked, { timeout: 10_000 }).toBeNull();

    const saved = await admin.options.evaluate(() =>
      (globalThis as unknown as Extension).chrome.runtime.sendMessage({
        huashu: 1,
        type: 'saveRule',
        payload: { keywords: ['退货'], reply: '亲，七天无理由退货哦', enabled: true },
      }),
    );
    expect(saved).toMatchObject({ ok: true });
    await expect.poll(() => stateLine(agent.options), { timeout: 10_000 }).toContain('已连接 · 小店 · 修订号 4');
    expect(await buyerAsks('可以退货吗')).toContain('亲，七天无理由退货哦');
  });

  test('a revoked agent is refused at once, and its popup and options page say so in plain words', async () => {
    await admin.options.getByRole('button', { name: '店铺服务器' }).click();
    const agentDevice = admin.options.locator('.server-member', { hasText: '小王' }).locator('.server-device');
    await agentDevice.getByRole('button', { name: '移出' }).click();
    await expect.poll(() => agentDevice.innerText()).toContain('已移出');

    const plainWords = '管理员已将本浏览器移出店铺';
    await expect.poll(() => stateLine(agent.options), { timeout: 5_000 }).toContain(plainWords);
    // The open popup asks again and says why; the suggestion still comes, from the last copy.
    await expect
      .poll(() => popup(chat).locator('.hs-notice').allTextContents())
      .toContainEqual(expect.stringContaining(plainWords));
    expect(await popup(chat).locator('.hs-reply-text').allTextContents()).toContain('亲，七天无理由退货哦');
  });
});
