/**
 * Feedback and statistics through a real shop server: two Chromium profiles with the built extension, the
 * shop's admin and an agent (小王), both joined to the server of server/ on an embedded database.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorkbench } from '@/demo/server.mjs';
import { axeBlockers } from '@/tests/e2e/axe';
import {
  joinShop,
  openShop,
  openShopProfile,
  type ShopProfile,
  type ShopServer,
  startShopServer,
} from '@/tests/e2e/server-harness';
import { demo, popup } from '@/tests/e2e/workbench';

interface Chrome {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string; value?: unknown }> };
  };
}

const SHOTS = join(process.cwd(), 'demo-output');

let server: ShopServer;
let workbench: Awaited<ReturnType<typeof startWorkbench>>;
let admin: ShopProfile;
let agent: ShopProfile;

/** Sends one protocol request from the options page, as the page itself would. */
function request(profile: ShopProfile, type: string, payload: unknown) {
  return profile.options.evaluate(
    ([type, payload]) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ huashu: 1, type, payload }),
    [type, payload] as const,
  );
}

async function loadWorkbench(page: Page) {
  await page.goto(workbench.url);
  await page.waitForSelector('html[data-workbench-ready="1"]');
  await page.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
}

/** Pastes a generated 2400×1200 PNG screenshot into the feedback description, as Ctrl+V would. */
async function pasteScreenshot(page: Page) {
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

/** The agent answers a buyer's question from the popup's 我要反馈 form. */
async function sendFeedback(page: Page, description: string, withImage: boolean) {
  const form = popup(page).locator('.hs-feedback');
  await popup(page).getByRole('button', { name: '我要反馈' }).click();
  await expect.poll(() => form.isVisible()).toBe(true);
  await form.getByText('话术不合适').click();
  await form.locator('.hs-fb-text').fill(description);
  if (withImage) {
    await pasteScreenshot(page);
    await expect.poll(() => form.locator('.hs-fb-thumb img').count()).toBe(1);
  }
  await form.getByRole('button', { name: '提交反馈' }).click();
  await expect.poll(() => popup(page).locator('.hs-status').textContent()).toContain('反馈已提交');
}

/** The admin's 反馈 tab, loaded anew: the shop's inbox rows. */
async function adminInbox() {
  await admin.options.goto(`chrome-extension://${admin.extensionId}/options.html`);
  await admin.options.getByRole('button', { name: '反馈', exact: true }).click();
  await admin.options.locator('.fb-shop .fb-list, .fb-shop .empty').first().waitFor();
  return admin.options.locator('.fb-shop li[data-shop-feedback-id]');
}

const storedWith = async (description: string) =>
  (await server.db.query('SELECT id FROM feedback WHERE description = $1', [description])).length;

beforeAll(async () => {
  server = await startShopServer();
  workbench = await startWorkbench({ port: 0 });
  // The shop and its people; each browser then joins with its own one-time code.
  const { adminCode, agentCode } = await openShop(server);
  admin = await openShopProfile();
  agent = await openShopProfile();
  await joinShop(admin, server, adminCode);
  await joinShop(agent, server, agentCode);
  await loadWorkbench(agent.page);
});

afterAll(async () => {
  await admin?.context.close();
  await agent?.context.close();
  await workbench?.close();
  await server?.close();
});

describe('feedback to the shop inbox', () => {
  test("the agent's feedback with an image reaches the admin's inbox once, with the agent's name", async () => {
    const { page } = agent;
    await demo.buyerSays(page, await demo.currentId(page), '什么时候发货？电话13812345678');
    await expect.poll(() => popup(page).isVisible()).toBe(true);
    await sendFeedback(page, '话术没提到预售，买家又问了一遍', true);

    await expect.poll(async () => (await adminInbox()).count()).toBe(1);
    const row = (await adminInbox()).first();
    await expect(row.innerText()).resolves.toContain('小王');
    await expect(row.innerText()).resolves.toContain('话术没提到预售');
    await row.locator('.fb-row-main').click();
    const image = admin.options.locator('.fb-detail .fb-image img');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
    await admin.options.screenshot({ path: join(SHOTS, 'shop-inbox.png'), fullPage: true });
    expect(await axeBlockers(admin.options)).toEqual([]);
    // The buyer's phone number was masked before it left the agent's browser.
    const detail = await admin.options.locator('.fb-detail').innerText();
    expect(detail).toContain('138****5678');
    expect(detail).not.toContain('13812345678');
    expect(await storedWith('话术没提到预售，买家又问了一遍')).toBe(1);
    // Filtered by agent: the admin's own items are none, 小王's the one.
    const agentFilter = admin.options.getByRole('combobox', { name: '客服' });
    await agentFilter.selectOption({ label: '店长' });
    await expect.poll(() => admin.options.locator('.fb-shop .empty').textContent()).toContain('店铺还没有收到反馈');
    await agentFilter.selectOption({ label: '小王' });
    await expect.poll(() => admin.options.locator('.fb-shop li[data-shop-feedback-id]').count()).toBe(1);
    // The agent's own tab says it reached the shop.
    const sent = (await request(agent, 'listFeedback', {})).value as { delivery?: { state: string; to: string } }[];
    expect(sent[0].delivery).toMatchObject({ state: 'delivered', to: 'shop' });
  });

  test('with the server stopped the agent still gets suggestions and queues feedback; after a restart it arrives once', async () => {
    const { page } = agent;
    await server.stop();
    await demo.buyerSays(page, await demo.currentId(page), '在吗，我的快递到哪了');
    await expect.poll(() => popup(page).locator('.hs-reply').count()).toBeGreaterThan(0);
    const description = '服务器停机时提交的反馈';
    await sendFeedback(page, description, false);
    await expect
      .poll(async () => {
        const rows = (await request(agent, 'listFeedback', {})).value as {
          description: string;
          delivery?: { state: string; to: string; attempts: number };
        }[];
        return rows.find((row) => row.description === description)?.delivery;
      })
      .toMatchObject({ state: 'pending', to: 'shop' });

    await server.start();
    await expect
      .poll(
        async () => {
          const rows = (await request(agent, 'listFeedback', {})).value as {
            description: string;
            delivery?: { state: string };
          }[];
          return rows.find((row) => row.description === description)?.delivery?.state;
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe('delivered');
    expect(await storedWith(description)).toBe(1);
    const rows = await adminInbox();
    await expect.poll(() => rows.count()).toBe(2);
    await expect(rows.first().innerText()).resolves.toContain(description);
  });
});

describe('statistics of the shop', () => {
  test("the agent's suggestions shown and used appear on the admin's statistics page", async () => {
    const { page } = agent;
    await demo.buyerSays(page, await demo.currentId(page), '什么时候发货呀');
    const first = popup(page).locator('.hs-reply').first();
    await expect.poll(() => first.isVisible()).toBe(true);
    await first.getByRole('button', { name: '发送' }).click();
    // What the agent's browser counted: the shop's page must show the same once it was pushed.
    const local = async () => {
      const { rows } = (await request(agent, 'statsReport', {})).value as {
        rows: { shown: number; copied: number; sent: number; actions: number }[];
      };
      return {
        shown: rows.reduce((sum, row) => sum + row.shown, 0),
        used: rows.reduce((sum, row) => sum + row.copied + row.sent + row.actions, 0),
      };
    };
    await expect.poll(async () => (await local()).used).toBeGreaterThanOrEqual(1);
    const counted = await local();

    const kpi = (name: string) => admin.options.locator(`[data-shop-stats] .kpi[data-kpi="${name}"] dd`).textContent();
    await expect
      .poll(
        async () => {
          await admin.options.goto(`chrome-extension://${admin.extensionId}/options.html`);
          await admin.options.getByRole('button', { name: '数据统计' }).click();
          await admin.options.locator('[data-shop-stats] .kpis').waitFor();
          return { shown: Number(await kpi('shown')), used: Number(await kpi('used')) };
        },
        { timeout: 60_000, interval: 2000 },
      )
      .toEqual(counted);
    await admin.options.screenshot({ path: join(SHOTS, 'shop-stats.png'), fullPage: true });
    expect(await axeBlockers(admin.options)).toEqual([]);
    const agents = admin.options.locator('[data-shop-stats] table[data-table="agents"]');
    await expect(agents.locator('tr[data-agent="小王"]').count()).resolves.toBe(1);
    const used = admin.options.locator('[data-shop-stats] table[data-table="shop-intents"] td[data-col="used"]');
    expect((await used.allTextContents()).map(Number).reduce((sum, count) => sum + count, 0)).toBe(counted.used);
  });
});

describe('forwarding to the shop’s webhook', () => {
  test('the admin sets the shop’s webhook on the 反馈 tab; the server forwards the next feedback once, marked 已转发', async () => {
    const received: { key: string; body: { description: string; agent: { name: string }; id: string } }[] = [];
    const receiver = createServer(async (request, response) => {
      let text = '';
      for await (const chunk of request) text += chunk;
      received.push({ key: String(request.headers['idempotency-key']), body: JSON.parse(text) });
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    try {
      await adminInbox();
      const section = admin.options.locator('.fb-webhook');
      await expect(section.innerText()).resolves.toContain('由服务器转发');
      const field = admin.options.locator('#fb-webhook-url');
      await expect.poll(() => field.isEnabled()).toBe(true);
      await field.fill(hook);
      await section.getByRole('button', { name: '保存' }).click();
      await expect
        .poll(async () => (await server.db.query<{ url: string }>('SELECT feedback_webhook_url AS url FROM shops'))[0])
        .toEqual({ url: hook });

      const { page } = agent;
      const description = '由店铺服务器转发的反馈';
      await demo.buyerSays(page, await demo.currentId(page), '发什么快递');
      await expect.poll(() => popup(page).isVisible()).toBe(true);
      await sendFeedback(page, description, false);
      await expect.poll(() => received.length, { timeout: 30_000 }).toBe(1);
      expect(received[0].key).toMatch(/^huashu-feedback-\d+$/);
      expect(received[0].body).toMatchObject({ id: received[0].key, description, agent: { name: '小王' } });

      // Read anew: the forward is marked sent once the receiver answered.
      await expect.poll(async () => (await adminInbox()).first().innerText()).toContain('已转发');
      await expect((await adminInbox()).first().innerText()).resolves.toContain(description);
      // The field shows the shop's address when the page opens again.
      await expect.poll(() => admin.options.locator('#fb-webhook-url').inputValue()).toBe(hook);
      expect(received).toHaveLength(1);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
