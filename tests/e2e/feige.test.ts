import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension } from '@/demo/browser.mjs';

/**
 * The saved 飞鸽 pages served as a site on 127.0.0.1 under 飞鸽's own path, with Huashu loaded in
 * Chromium. On the local host adapterFor() recognises the page by its DOM and picks the 飞鸽 adapter,
 * so this drives the real adapter (textarea, send div, order panel) end to end.
 */

const WORKSPACE = '/pc_seller_v2/main/workspace';
const FIXTURES: Record<string, string> = {
  workspace: readFileSync(resolve(import.meta.dirname, '../fixtures/feige-workspace.html'), 'utf8'),
  fallback: readFileSync(resolve(import.meta.dirname, '../fixtures/feige-fallback.html'), 'utf8'),
};
/** Long enough for something that was going to happen (a suggestion, a send) to have happened. */
const QUIET_MS = 800;
/** The background's first answer after Chromium starts includes opening the shop store (seconds on CI). */
const SUGGESTION_MS = 10_000;

interface FixturePage {
  buyerSays(text: string): string;
  draft(): string;
  agentTexts(): string[];
}

let server: Server;
let origin: string;
let context: BrowserContext;
let page: Page;

function serve(): Promise<Server> {
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const html = url.pathname === WORKSPACE ? FIXTURES[url.searchParams.get('fixture') ?? 'workspace'] : undefined;
    if (!html) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  return new Promise((done) => http.listen(0, '127.0.0.1', () => done(http)));
}

beforeAll(async () => {
  server = await serve();
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ context } = await launchWithExtension());
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await new Promise((done) => server?.close(done));
});

/** Loads a fixture anew and waits until Huashu watches it; returns the adapter the content script picked. */
async function open(fixture: 'workspace' | 'fallback' = 'workspace'): Promise<string | null> {
  await page.goto(`${origin}${WORKSPACE}?fixture=${fixture}`);
  const host = await page.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
  return host.getAttribute('data-ready');
}

const popup = () => page.locator('huashu-assistant .hs-popup');
const textarea = () => page.locator('textarea');
const fixture = {
  buyerSays: (text: string) =>
    page.evaluate(
      (message) => (window as unknown as { feigeFixture: FixturePage }).feigeFixture.buyerSays(message),
      text,
    ),
  draft: () => page.evaluate(() => (window as unknown as { feigeFixture: FixturePage }).feigeFixture.draft()),
  agentTexts: () => page.evaluate(() => (window as unknown as { feigeFixture: FixturePage }).feigeFixture.agentTexts()),
};

async function firstReply() {
  await expect.poll(() => popup().isVisible(), { timeout: SUGGESTION_MS }).toBe(true);
  const reply = popup().locator('.hs-reply').first();
  const text = (await reply.locator('.hs-reply-text').textContent())?.trim() ?? '';
  expect(text).not.toBe('');
  return { reply, text };
}

describe('飞鸽 workspace (saved page, current selectors)', () => {
  test('the content script picks the 飞鸽 adapter for the page served under 飞鸽’s path', async () => {
    await expect(open()).resolves.toBe('feige');
  });

  test('loaded history raises nothing; a new 什么时候发货 raises a popup with the order read from the panel', async () => {
    await open();
    await page.waitForTimeout(QUIET_MS);
    await expect(popup().count()).resolves.toBe(0);

    await fixture.buyerSays('亲，什么时候发货呀');

    await expect.poll(() => popup().isVisible(), { timeout: SUGGESTION_MS }).toBe(true);
    await expect(popup().locator('.hs-quote').textContent()).resolves.toContain('什么时候发货');
    const replies = await popup().locator('.hs-reply-text').allTextContents();
    expect(replies.length).toBeGreaterThanOrEqual(1);
    for (const reply of replies) expect(reply).not.toMatch(/[{}]|undefined/);
    await expect(popup().locator('.hs-order-id').textContent()).resolves.toBe('6921847302918374651');
    await expect(popup().locator('.hs-order-product').textContent()).resolves.toBe('小鹿优选 纯棉短袖T恤 白色 L');
    // The thread makes room: the buyer's new message stays visible above the popup.
    const bottomOfLastMessage = () =>
      page
        .locator('[data-qa-id="qa-message-warpper"]')
        .last()
        .evaluate((el) => el.getBoundingClientRect().bottom);
    const topOfPopup = await popup().evaluate((el) => el.getBoundingClientRect().top);
    await expect.poll(bottomOfLastMessage).toBeLessThanOrEqual(topOfPopup);
  });

  test('复制 puts the reply into the textarea, the page’s own state sees it, and nothing is sent', async () => {
    await open();
    await fixture.buyerSays('几天能发货啊');
    const { reply, text } = await firstReply();
    const sentBefore = await fixture.agentTexts();

    await reply.getByRole('button', { name: '复制' }).click();

    await expect.poll(() => textarea().inputValue()).toBe(text);
    await expect.poll(() => fixture.draft()).toBe(text);
    await page.waitForTimeout(QUIET_MS);
    expect(await fixture.agentTexts()).toEqual(sentBefore);
    // The page sends what its state holds: Enter delivers exactly the copied reply.
    await textarea().press('Enter');
    await expect.poll(async () => (await fixture.agentTexts()).at(-1)).toBe(text);
  });

  test('发送 sends the reply through the textarea and the send div, confirmed by the new bubble', async () => {
    await open();
    await fixture.buyerSays('怎么还不发货');
    const { reply, text } = await firstReply();
    const sentBefore = (await fixture.agentTexts()).length;

    await reply.getByRole('button', { name: '发送' }).click();

    await expect.poll(async () => (await fixture.agentTexts()).at(-1)).toBe(text);
    expect((await fixture.agentTexts()).length).toBe(sentBefore + 1);
    await expect(textarea().inputValue()).resolves.toBe('');
    await expect.poll(() => popup().locator('.hs-status').textContent()).toBe('已发送');
  });

  test('发送 keeps what the agent was typing', async () => {
    await open();
    await textarea().click();
    await page.keyboard.type('稍等，我查一下');
    await fixture.buyerSays('还没发货吗');
    const { reply, text } = await firstReply();

    await reply.getByRole('button', { name: '发送' }).click();

    await expect.poll(async () => (await fixture.agentTexts()).at(-1)).toBe(text);
    await expect.poll(() => textarea().inputValue()).toBe('稍等，我查一下');
    await expect.poll(() => fixture.draft()).toBe('稍等，我查一下');
  });
});

describe('飞鸽 workspace after a redesign (fallback selectors only, order panel unreadable)', () => {
  test('the popup still gives intent-level replies, without an order, and 发送 goes out with Enter', async () => {
    await expect(open('fallback')).resolves.toBe('feige');
    await fixture.buyerSays('什么时候发货');
    const { reply, text } = await firstReply();
    await expect(popup().locator('.hs-order-id').count()).resolves.toBe(0);

    await reply.getByRole('button', { name: '发送' }).click();

    await expect.poll(async () => (await fixture.agentTexts()).at(-1)).toBe(text);
    await expect.poll(() => popup().locator('.hs-status').textContent()).toBe('已发送');
  });
});
