import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension } from '@/demo/browser.mjs';

/**
 * The saved 拼多多 chat page served on 127.0.0.1 under 拼多多's path, with Huashu loaded in Chromium. On the local
 * host adapterFor() recognises the page by its definition's detect part, so this drives the generic adapter reading
 * the 拼多多 definition (rows by side marker, ids by index, the textarea and its send button) end to end.
 */

const CHAT = '/chat-merchant/';
const HTML = readFileSync(resolve(import.meta.dirname, '../fixtures/pinduoduo-chat.html'), 'utf8');
/** The background's first answer after Chromium starts includes opening the shop store (seconds on CI). */
const SUGGESTION_MS = 10_000;

interface FixturePage {
  buyerSays(text: string): string;
  draft(): string;
}

let server: Server;
let origin: string;
let context: BrowserContext;
let page: Page;

function serve(): Promise<Server> {
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== CHAT) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(HTML);
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

async function open(): Promise<string | null> {
  await page.goto(`${origin}${CHAT}`);
  const host = await page.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
  return host.getAttribute('data-ready');
}

const popup = () => page.locator('huashu-assistant .hs-popup');
const buyerSays = (text: string) =>
  page.evaluate((message) => (window as unknown as { pddFixture: FixturePage }).pddFixture.buyerSays(message), text);
const draft = () => page.evaluate(() => (window as unknown as { pddFixture: FixturePage }).pddFixture.draft());
const agentTexts = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('#msgListContainer .seller-item .msg-content-box')].map(
      (box) => box.textContent?.trim() ?? '',
    ),
  );

async function firstReply() {
  await expect.poll(() => popup().isVisible(), { timeout: SUGGESTION_MS }).toBe(true);
  const reply = popup().locator('.hs-reply').first();
  const text = (await reply.locator('.hs-reply-text').textContent())?.trim() ?? '';
  expect(text).not.toBe('');
  return { reply, text };
}

describe('拼多多 chat (saved page, its page definition)', () => {
  test('a new buyer message raises a popup; 复制 reaches the page’s own draft, 发送 goes out once', async () => {
    await expect(open()).resolves.toBe('pinduoduo');
    await buyerSays('什么时候发货呀');
    const { reply, text } = await firstReply();
    await expect(popup().locator('.hs-quote').textContent()).resolves.toContain('什么时候发货');

    await reply.getByRole('button', { name: '复制' }).click();
    await expect.poll(draft).toBe(text);
    await page.locator('#replyTextarea').fill('');

    const sentBefore = (await agentTexts()).length;
    await reply.getByRole('button', { name: '发送' }).click();
    await expect.poll(async () => (await agentTexts()).at(-1)).toBe(text);
    expect((await agentTexts()).length).toBe(sentBefore + 1);
    await expect.poll(() => popup().locator('.hs-status').textContent()).toBe('已发送');
  });
});
