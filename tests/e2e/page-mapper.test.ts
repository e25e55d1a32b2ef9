/**
 * A chat page Huashu has never seen, end to end: a page built with @chatscope/chat-ui-kit-react (an open-source chat UI
 * the project did not write), bundled and served at test time under a host no built-in page covers. The admin adds it
 * on the options page, maps it with the page mapper by clicking the page's own elements, saves; then a buyer's message
 * gets a popup, and 复制 and 发送 work through the generic adapter over the saved definition.
 *
 * The host permission: Chromium's permissions.request prompt is a browser dialog that headless Chromium shows where
 * nothing can click it (the request never settles; tried). So the test does what an admin can do instead, on
 * chrome://extensions: the extension's details page adds the site under "Site access" (its developerPrivate
 * addHostPermission call, made from that page). Chromium then treats the site as allowed by the user, and the options
 * page's permissions.request for it resolves true at once, without a prompt. Everything after that is the real path:
 * the request from the click, the registration, the content script Chromium injects.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension } from '@/demo/browser.mjs';
import { serveChatPage } from '@/tests/e2e/third-party/serve';

/** Not covered by any built-in page (lib/pages/matches.ts); routed to the local server below. */
const HOST = 'chatkit.test';
const PATTERN = `http://${HOST}/*`;

interface ChatKit {
  chatkit: { buyerSays(text: string): void; thread(): { direction: string; text: string }[] };
}

let context: BrowserContext;
let extensionId: string;
let chat: Page;
let options: Page;
let server: Awaited<ReturnType<typeof serveChatPage>>;
let chatUrl: string;

const thread = () => chat.evaluate(() => (globalThis as unknown as ChatKit).chatkit.thread());
const mapper = () => chat.locator('huashu-mapper .hs-mapper');
const step = (part: string) => mapper().locator(`[data-part="${part}"]`);
const composer = () => chat.locator('.cs-message-input__content-editor');

beforeAll(async () => {
  server = await serveChatPage();
  ({ context, extensionId } = await launchWithExtension());
  // The page's own host name, served by the local server on its own port.
  await context.route(`http://${HOST}:${server.port}/**`, async (route) => {
    const url = new URL(route.request().url());
    url.host = `127.0.0.1:${server.port}`;
    await route.fulfill({ response: await route.fetch({ url: url.href }) });
  });
  chatUrl = `http://${HOST}:${server.port}/`;
  chat = context.pages()[0] ?? (await context.newPage());
  options = await context.newPage();
  options.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('a third-party chat page', () => {
  test('nothing of Huashu runs there before the admin adds it', async () => {
    await chat.goto(chatUrl);
    await chat.locator('.cs-message').first().waitFor();
    await chat.waitForTimeout(1000);
    expect(await chat.locator('huashu-assistant, huashu-mapper').count()).toBe(0);
  });

  test('the admin adds it: a bad address is refused with the reason, a good one is stored and registered', async () => {
    // The admin allows the site for Huashu on chrome://extensions (see the note at the top).
    const extensions = await context.newPage();
    await extensions.goto(`chrome://extensions/?id=${extensionId}`);
    await extensions.evaluate(
      ([id, site]) =>
        (
          globalThis as unknown as {
            chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
          }
        ).chrome.developerPrivate.addHostPermission(id, site),
      [extensionId, PATTERN] as const,
    );
    await extensions.close();

    await options.goto(`chrome-extension://${extensionId}/options.html#pages`);
    const input = options.getByLabel('聊天页面网址');
    await input.fill('https://*/*');
    await options.getByRole('button', { name: '添加', exact: true }).click();
    await expect
      .poll(() => options.locator('#custom-page-hint').innerText())
      .toBe('范围过大：请写明一个网站，例如 https://kf.example.com/*');
    await expect(options.locator('.custom-page').count()).resolves.toBe(0);

    await input.fill(PATTERN);
    await options.getByRole('button', { name: '添加', exact: true }).click();
    await expect.poll(() => options.locator('.toast').innerText()).toContain('已添加聊天页面');
    await expect(options.locator('.custom-page').innerText()).resolves.toContain(PATTERN);
    await expect(options.locator('.custom-page').innerText()).resolves.toContain('未映射');
  });

  test('the admin maps it by clicking the page, with live checks, and saves', async () => {
    await chat.reload();
    await chat.locator('.cs-message').first().waitFor();
    await options.bringToFront();
    await options.getByRole('button', { name: '映射页面' }).click();
    await mapper().waitFor();
    await chat.bringToFront();

    // The walk-through: message list, a buyer message, an agent message, the input box, the send button.
    await expect(mapper().locator('.hs-mapper-hint').innerText()).resolves.toContain('消息列表');
    // An empty spot of the list, below the messages and clear of the panel.
    await chat.locator('.cs-message-list').click({ position: { x: 480, y: 500 } });
    await chat.getByText('我想问一下这个有货吗').click();
    await chat.getByText('有的亲，现货').click();
    await composer().click();
    await chat.locator('.cs-button--send').click({ force: true });

    // Optional: the buyer's name in the conversation header, which names the conversation.
    await step('buyerName').getByRole('button', { name: '点选' }).click();
    await chat.locator('.cs-conversation-header__user-name').click();

    for (const part of ['messageList', 'buyerMessage', 'agentMessage', 'composer', 'sendButton', 'buyerName']) {
      await expect(step(part).locator('.hs-mapper-mark').innerText()).resolves.toBe('✓');
    }
    // A message's selector matches every message on screen, and each is marked as the buyer's or the agent's.
    await expect(step('buyerMessage').locator('.hs-mapper-count').innerText()).resolves.toBe('匹配 4 个元素');
    // Built from the page's own data attributes and classes, not from positions or record numbers; the buyer's side
    // is told by the class the kit gives incoming messages.
    const [messageSelector, buyerRule] = await step('buyerMessage').locator('.hs-mapper-selector').allInnerTexts();
    expect(messageSelector).not.toMatch(/nth|\d{3}/);
    expect(buyerRule).toBe(':scope.cs-message--incoming');
    await expect(mapper().locator('.hs-mapper-sides').innerText()).resolves.toContain('买家 2 · 客服 2 · 未识别 0');
    await expect(chat.locator('huashu-mapper .hs-mapper-badge[data-side="buyer"]').count()).resolves.toBe(2);

    // Widening the buyer message reaches the list itself, which is no message (✗); narrowing comes back.
    await step('buyerMessage').getByRole('button', { name: '扩大' }).click();
    await expect(step('buyerMessage').locator('.hs-mapper-mark').innerText()).resolves.toBe('✗');
    await expect(step('buyerMessage').locator('.hs-mapper-count').innerText()).resolves.toBe('匹配 1 个元素');
    await step('buyerMessage').getByRole('button', { name: '缩小' }).click();
    await expect(step('buyerMessage').locator('.hs-mapper-count').innerText()).resolves.toBe('匹配 4 个元素');

    // The dry run reads the latest buyer message and shows Huashu's suggestion for it.
    await chat.evaluate(() => (globalThis as unknown as ChatKit).chatkit.buyerSays('什么时候发货啊'));
    await mapper().getByRole('button', { name: '试运行' }).click();
    await expect.poll(() => mapper().locator('.hs-mapper-status').innerText()).toMatch(/^「什么时候发货啊」→ .+/);

    // The test insert puts text into the input box and sends nothing.
    const before = await thread();
    await mapper().getByRole('button', { name: '试填输入框' }).click();
    await expect.poll(() => mapper().locator('.hs-mapper-status').innerText()).toBe('已填入输入框，未发送');
    await expect(composer().innerText()).resolves.toContain('话术助手测试文字');
    expect(await thread()).toEqual(before);
    await composer().fill('');

    await mapper().getByRole('button', { name: '保存' }).click();
    await expect.poll(() => chat.locator('huashu-mapper').count()).toBe(0);
    await chat.locator('huashu-assistant[data-ready]').waitFor({ state: 'attached' });
  });

  test('after a reload the registered script reads the page by its definition: 复制 and 发送 work', async () => {
    await chat.reload();
    await chat.locator('huashu-assistant[data-ready]').waitFor({ state: 'attached' });
    const popup = chat.locator('huashu-assistant .hs-popup');

    await chat.evaluate(() => (globalThis as unknown as ChatKit).chatkit.buyerSays('亲，什么时候发货呀'));
    await expect.poll(() => popup.isVisible()).toBe(true);
    // Styled as on the built-in pages (its stylesheet came with the script: a flex column).
    await expect(popup.evaluate((el) => getComputedStyle(el).flexDirection)).resolves.toBe('column');
    const firstReply = popup.locator('.hs-reply').first();
    const text = (await firstReply.locator('.hs-reply-text').textContent())?.trim() ?? '';
    expect(text).not.toBe('');

    await firstReply.getByRole('button', { name: '复制' }).click();
    await expect.poll(() => composer().innerText()).toBe(text);
    expect((await thread()).at(-1)?.direction).toBe('incoming');
    await composer().fill('');

    await chat.evaluate(() => (globalThis as unknown as ChatKit).chatkit.buyerSays('到底什么时候发货'));
    await expect.poll(() => popup.isVisible()).toBe(true);
    const reply = popup.locator('.hs-reply').first();
    const sent = (await reply.locator('.hs-reply-text').textContent())?.trim();
    await reply.getByRole('button', { name: '发送' }).click();
    await expect.poll(async () => (await thread()).at(-1)).toEqual({ direction: 'outgoing', text: sent });
  });

  test('the toolbar popup on the added page starts the mapper again; 取消 closes it', async () => {
    const tabId = await options.evaluate(
      async (url) =>
        (
          await (
            globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }
          ).chrome.tabs.query({ url })
        )[0]?.id,
      PATTERN,
    );
    const toolbar = await context.newPage();
    await toolbar.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await toolbar.getByRole('button', { name: '重新映射此页面' }).click();
    await mapper().waitFor();
    await toolbar.close();
    await mapper().getByRole('button', { name: '取消' }).click();
    await expect.poll(() => chat.locator('huashu-mapper').count()).toBe(0);
  });

  test('removing the page unregisters the script: after a reload nothing runs there', async () => {
    await options.bringToFront();
    await options.goto(`chrome-extension://${extensionId}/options.html#pages`);
    await options.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => options.locator('.toast').innerText()).toContain('已删除聊天页面');
    const held = options.evaluate(
      (origin) =>
        (
          globalThis as unknown as { chrome: { permissions: { contains(query: object): Promise<boolean> } } }
        ).chrome.permissions.contains({ origins: [origin] }),
      PATTERN,
    );
    await expect(held).resolves.toBe(false);
    await chat.reload();
    await chat.locator('.cs-message').first().waitFor();
    await chat.waitForTimeout(1000);
    expect(await chat.locator('huashu-assistant').count()).toBe(0);
  });
});
