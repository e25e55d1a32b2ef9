import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension } from '@/demo/browser.mjs';

/**
 * 飞鸽 is a micro-frontend whose parts can live in frames from another origin (pigeon.jinritemai.com).
 * Here the workspace shell is served from 127.0.0.1 and the saved chat page inside it from localhost,
 * another origin: Huashu must work inside the frame and the toolbar must not call the page broken.
 */

const CHAT = readFileSync(resolve(import.meta.dirname, '../fixtures/feige-workspace.html'), 'utf8');
const SUGGESTION_MS = 10_000;

let server: Server;
let port: number;
let context: BrowserContext;
let extensionId: string;
let page: Page;

function shell(chatUrl: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>抖店 · 飞鸽</title>
<style>body{margin:0;font-family:sans-serif}header{height:48px;padding:0 16px;line-height:48px;border-bottom:1px solid #eee}
iframe{display:block;width:100%;height:calc(100vh - 49px);border:0}</style></head>
<body><header>抖店 · 飞鸽 工作台</header><iframe id="chat" src="${chatUrl}"></iframe></body></html>`;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const html =
      path === '/pc_seller_v2/main/workspace'
        ? shell(`http://localhost:${port}/pigeon/chat`)
        : path === '/pigeon/chat'
          ? CHAT
          : undefined;
    if (!html) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
  ({ context, extensionId } = await launchWithExtension());
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await new Promise((done) => server?.close(done));
});

async function chatFrame(): Promise<Frame> {
  await page.goto(`http://127.0.0.1:${port}/pc_seller_v2/main/workspace`);
  const frame = page.frames().find((candidate) => candidate.url().includes('/pigeon/chat'));
  if (!frame) throw new Error('the chat frame did not load');
  await frame.waitForSelector('huashu-assistant[data-ready="feige"]', { state: 'attached' });
  return frame;
}

interface ToolbarApi {
  tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getTitle(details: { tabId: number }): Promise<string>;
  };
}

/** The toolbar badge and title Chromium shows for the page's tab, read in the extension's own context. */
async function toolbar(): Promise<{ badge: string; title: string }> {
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extensionId}/options.html`);
  const state = await probe.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: ToolbarApi }).chrome;
    const [tab] = await api.tabs.query({ url });
    if (tab?.id === undefined) return { badge: 'no tab', title: '' };
    return {
      badge: await api.action.getBadgeText({ tabId: tab.id }),
      title: await api.action.getTitle({ tabId: tab.id }),
    };
  }, page.url());
  await probe.close();
  return state;
}

describe('飞鸽 with its chat in a frame from another origin', () => {
  test('a buyer message in the frame gets its popup there, and 发送 goes out through the frame’s textarea', async () => {
    const frame = await chatFrame();
    await frame.evaluate(() =>
      (window as unknown as { feigeFixture: { buyerSays(text: string): string } }).feigeFixture.buyerSays(
        '什么时候发货',
      ),
    );

    const popup = frame.locator('huashu-assistant .hs-popup');
    await expect.poll(() => popup.isVisible(), { timeout: SUGGESTION_MS }).toBe(true);
    const reply = popup.locator('.hs-reply').first();
    const text = (await reply.locator('.hs-reply-text').textContent())?.trim();
    await reply.getByRole('button', { name: '发送' }).click();
    await expect
      .poll(() =>
        frame.evaluate(() =>
          (window as unknown as { feigeFixture: { agentTexts(): string[] } }).feigeFixture.agentTexts().at(-1),
        ),
      )
      .toBe(text);
    // The shell frame found no chat of its own and shows nothing.
    await expect(page.mainFrame().locator('huashu-assistant .hs-popup').count()).resolves.toBe(0);
  });

  test('the toolbar combines the frames: the shell’s empty page check does not mark the tab broken', async () => {
    await chatFrame();
    // Both frames run their page check about 2 s after start; the shell alone would report every part missing.
    await page.waitForTimeout(3000);
    const { badge, title } = await toolbar();
    expect(badge).not.toBe('×');
    expect(title).not.toMatch(/聊天消息|输入框|发送按钮/);
  });
});
