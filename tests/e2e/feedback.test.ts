import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension } from '@/demo/browser.mjs';
import { startWorkbench } from '@/demo/server.mjs';
import { demo, popup } from '@/tests/e2e/workbench';

/** A buyer message with a phone number and an address, which must reach the admin masked. */
const BUYER_TEXT = '什么时候发货？电话13812345678，地址北京市朝阳区建国路88号5号楼1201室';
const SHOTS = join(process.cwd(), 'demo-output');

interface Runtime {
  chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string; value?: unknown }> } };
}

interface Permissions {
  chrome: { permissions: { request(query: { origins: string[] }): Promise<boolean> } };
}

let workbench: Awaited<ReturnType<typeof startWorkbench>>;
let profile: string;
let context: BrowserContext;
let extensionId: string;
let page: Page;
let options: Page;

async function launch() {
  ({ context, extensionId } = await launchWithExtension({ userDataDir: profile }));
  page = context.pages()[0] ?? (await context.newPage());
  options = await context.newPage();
  options.on('dialog', (dialog) => void dialog.accept());
}

async function loadWorkbench() {
  await page.goto(workbench.url);
  await page.waitForSelector('html[data-workbench-ready="1"]');
  await page.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
}

/** Sends one protocol request from the options page, as the page itself would. */
async function request(type: string, payload: unknown) {
  if (!options.url().startsWith('chrome-extension://'))
    await options.goto(`chrome-extension://${extensionId}/options.html`);
  return options.evaluate(
    ([type, payload]) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ huashu: 1, type, payload }),
    [type, payload] as const,
  );
}

function form() {
  return popup(page).locator('.hs-feedback');
}

/** Pastes a generated 2400×1200 PNG screenshot into the feedback description, as Ctrl+V would. */
async function pasteScreenshot() {
  await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1200;
    const draw = canvas.getContext('2d') as CanvasRenderingContext2D;
    draw.fillStyle = '#eef3ff';
    draw.fillRect(0, 0, 2400, 1200);
    draw.fillStyle = '#1966ff';
    draw.fillRect(200, 200, 1200, 600);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made as Blob), 'image/png'));
    const data = new DataTransfer();
    data.items.add(new File([blob], 'screenshot.png', { type: 'image/png' }));
    const host = document.querySelector('huashu-assistant') as HTMLElement;
    const text = host.shadowRoot?.querySelector('.hs-fb-text') as HTMLTextAreaElement;
    text.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }),
    );
  });
}

beforeAll(async () => {
  workbench = await startWorkbench({ port: 0 });
  profile = mkdtempSync(join(tmpdir(), 'huashu-feedback-'));
  await launch();
  await loadWorkbench();
});

afterAll(async () => {
  await context?.close();
  await workbench?.close();
});

describe('我要反馈 from the popup to the inbox', () => {
  test('the form keeps its draft across closing the popup and switching conversations, refuses a non-image, sends', async () => {
    const open = await demo.currentId(page);
    await demo.buyerSays(page, open, BUYER_TEXT);
    await expect.poll(() => popup(page).isVisible()).toBe(true);

    await popup(page).getByRole('button', { name: '我要反馈' }).click();
    await expect.poll(() => form().isVisible()).toBe(true);
    // The context shown before sending is masked.
    const context = await form().locator('.hs-fb-context').innerText();
    expect(context).toContain('138****5678');
    expect(context).not.toContain('13812345678');
    expect(context).not.toContain('1201室');

    await form().getByText('话术不合适').click();
    await form().locator('.hs-fb-text').fill('订单已超时，推荐的话术还在说今天发货');

    // A file that is not an image is refused; what was written stays.
    await form()
      .locator('input[type=file]')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await expect.poll(() => form().locator('[role=alert]').textContent()).toContain('不是图片');
    await expect(form().locator('.hs-fb-text').inputValue()).resolves.toBe('订单已超时，推荐的话术还在说今天发货');

    await pasteScreenshot();
    await expect.poll(() => form().locator('.hs-fb-thumb img').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'feedback-form.png') });

    // Closing the popup keeps the draft: the next buyer message brings it back as it was.
    await popup(page).getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => popup(page).isVisible()).toBe(false);
    const other = (await demo.conversations(page)).find((conversation) => conversation.id !== open)?.id as string;
    await demo.open(page, other);
    await demo.open(page, open);
    await demo.buyerSays(page, open, '在吗？什么时候发货');
    await expect.poll(() => form().isVisible()).toBe(true);
    await expect(form().locator('.hs-fb-text').inputValue()).resolves.toBe('订单已超时，推荐的话术还在说今天发货');
    await expect(form().locator('.hs-fb-thumb img').count()).resolves.toBe(1);
    await expect(form().locator('input[value=bad_reply]').isChecked()).resolves.toBe(true);

    await form().getByRole('button', { name: '提交反馈' }).click();
    await expect.poll(() => popup(page).locator('.hs-status').textContent()).toContain('反馈已提交');
    await expect(form().count()).resolves.toBe(0);
  });

  test('the inbox lists it newest first with its image and masked context; export gives a zip with both', async () => {
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('button', { name: '反馈', exact: true }).click();
    const row = options.locator('.fb-row').first();
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('话术不合适');
    await row.locator('.fb-row-main').click();
    const item = options.locator('.fb-item');
    await item.waitFor();
    const image = item.locator('.fb-image img');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
    await expect(image.evaluate((img: HTMLImageElement) => img.naturalHeight)).resolves.toBe(800);
    const text = await item.innerText();
    expect(text).toContain('订单已超时，推荐的话术还在说今天发货');
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
    await options.screenshot({ path: join(SHOTS, 'feedback-inbox.png'), fullPage: true });
    // Full size in a lightbox; Esc closes it.
    await item.locator('.fb-image').click();
    await expect.poll(() => options.locator('.fb-lightbox img').isVisible()).toBe(true);
    await options.keyboard.press('Escape');
    await expect.poll(() => options.locator('.fb-lightbox').count()).toBe(0);

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: '导出全部' }).click(),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const json = JSON.parse(strFromU8(zip['feedback.json']));
    expect(json.items).toHaveLength(1);
    expect(json.items[0].description).toBe('订单已超时，推荐的话术还在说今天发货');
    expect(json.items[0].context.buyerText).toContain('138****5678');
    const file = json.items[0].images[0].file as string;
    expect(zip[file]?.length).toBeGreaterThan(100);
    expect(strFromU8(zip[file].slice(8, 12))).toBe('WEBP');
  });

  test('mark resolved, jump to the reply editor, delete', async () => {
    await options.locator('.fb-item').getByRole('button', { name: '标记为已解决' }).click();
    await expect.poll(() => options.locator('.fb-row').first().innerText()).toContain('已解决');
    await options.getByRole('button', { name: '去修改话术' }).click();
    await options.locator('.reply-card').first().waitFor();
    await expect(options.locator('.intent-item--active').innerText()).resolves.toContain('什么时候发货');
    await options.getByRole('button', { name: '反馈', exact: true }).click();
    await options.locator('.fb-row').first().waitFor();
    await options.locator('.fb-row input[type=checkbox]').first().check();
    await options.locator('.fb-export').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => options.locator('.fb-row').count()).toBe(0);
  });
});

describe('webhook', () => {
  let server: Server;
  const posts: { key: string; body: { id: string; images: unknown[] } }[] = [];
  let failNext = 1;

  beforeAll(async () => {
    server = createServer((req, res) => {
      // No CORS headers: the worker's POST goes through because the extension holds this origin.
      if (req.method !== 'POST') {
        res.statusCode = 405;
        return res.end();
      }
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        posts.push({ key: String(req.headers['idempotency-key']), body: JSON.parse(body) });
        if (failNext > 0) {
          failNext--;
          res.statusCode = 500;
        }
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const image = async () =>
    options.evaluate(async () => {
      const canvas = new OffscreenCanvas(4, 4);
      (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).fillRect(0, 0, 4, 4);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      return `data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`;
    });

  const input = (description: string, dataUrl: string) => ({
    category: 'other',
    description,
    images: [{ type: 'image/png', dataUrl, width: 4, height: 4 }],
    context: {
      conversationId: 'c',
      messageId: 'm',
      intent: 'ship_urge',
      intentLabel: '什么时候发货',
      confidence: 0.9,
      why: [],
      buyerText: '发货',
      replies: [],
      node: null,
    },
  });

  test('each item arrives exactly once, after a 500 and across a browser restart', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    // Saved from the inbox, which asks the browser for this origin only. A fresh origin would show Chromium's
    // prompt, which a headless test can't click; 127.0.0.1 is granted already (the demo workbench's host), so
    // the request answers at once. What was asked for is recorded.
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('button', { name: '反馈', exact: true }).click();
    await options.evaluate(() => {
      const permissions = (globalThis as unknown as Permissions).chrome.permissions;
      const request = permissions.request.bind(permissions);
      permissions.request = (query) => {
        (globalThis as unknown as { asked: unknown }).asked = query;
        return request(query);
      };
    });
    await options.locator('#fb-webhook-url').fill(url);
    await options.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => options.locator('.toast').innerText()).toContain('Webhook 已保存');
    await expect(options.evaluate(() => (globalThis as unknown as { asked: unknown }).asked)).resolves.toEqual({
      origins: [`http://127.0.0.1:${(server.address() as AddressInfo).port}/*`],
    });
    const first = await request('submitFeedback', input('第一条', await image()));
    expect(first.ok).toBe(true);
    const firstId = (first.value as { id: string }).id;
    // The server answers 500 to the first attempt; the queue retries after its backoff.
    await expect.poll(() => posts.filter((post) => post.key === firstId).length, { timeout: 15_000 }).toBe(2);
    expect(posts.at(-1)?.body.images).toHaveLength(1);

    // The second item's first attempt fails; the browser restarts before the retry is due.
    failNext = 1;
    const second = await request('submitFeedback', input('第二条', await image()));
    const secondId = (second.value as { id: string }).id;
    await expect.poll(() => posts.filter((post) => post.key === secondId).length).toBe(1);
    await context.close();
    await launch();
    await expect.poll(() => posts.filter((post) => post.key === secondId).length, { timeout: 20_000 }).toBe(2);

    // Nothing is ever sent again: wait past a few backoff periods.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect(posts.filter((post) => post.key === firstId)).toHaveLength(2);
    expect(posts.filter((post) => post.key === secondId)).toHaveLength(2);
    const inbox = await request('listFeedback', {});
    expect((inbox.value as { delivery?: { state: string } }[]).map((row) => row.delivery?.state)).toEqual([
      'delivered',
      'delivered',
    ]);
  });
});
