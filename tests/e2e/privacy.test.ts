import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demo, popup, type Session, startSession } from '@/tests/e2e/workbench';

/**
 * The privacy policy's promise, checked: over a working session (suggestions, sending, feedback with a webhook,
 * every options tab, the toolbar popup, Alt+J) the extension's pages, its service worker and the chat page make
 * requests only to the chat page's own origin and to the webhook the admin set. (There is no shop server yet;
 * when one is connected its origin joins the allowed list.)
 */

let session: Session;
let webhook: Server;
let webhookOrigin: string;
const webhookPosts: string[] = [];
/** Every network request seen in the browser: pages, frames and the service worker. */
const requests: { url: string; from: string }[] = [];

beforeAll(async () => {
  webhook = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      webhookPosts.push(String(req.headers['idempotency-key']));
      res.end();
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  // Another host name than the workbench's (127.0.0.1), so an allowed request can't hide behind the other's host.
  webhookOrigin = `http://localhost:${(webhook.address() as AddressInfo).port}`;
  session = await startSession();
  session.context.on('request', (request) => {
    const worker = request.serviceWorker();
    requests.push({ url: request.url(), from: worker ? `service worker ${worker.url()}` : request.frame().url() });
  });
});

afterAll(async () => {
  await session?.close();
  await new Promise<void>((resolve) => webhook.close(() => resolve()));
});

/** The origins a request may go to; data:, blob: and the extension's own files are not network requests. */
function offLimits(allowed: string[]) {
  return requests.filter(({ url }) => {
    const { protocol, origin } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'chrome-extension:') return false;
    return !allowed.includes(origin);
  });
}

describe('nothing leaves the browser but to the chat page and the admin’s webhook', () => {
  test('a working session', async () => {
    const { page, context, extensionId } = session;
    await session.load();
    const open = await demo.currentId(page);

    // An agent answers a buyer with a suggestion.
    await demo.buyerSays(page, open, '什么时候发货');
    await popup(page).getByRole('button', { name: '发送' }).first().click();
    await expect.poll(async () => (await demo.thread(page, open)).at(-1)?.from).toBe('agent');

    // The admin sets the webhook on the feedback tab and looks through every tab.
    const options = await context.newPage();
    options.on('dialog', (dialog) => void dialog.accept());
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('button', { name: '反馈', exact: true }).click();
    await options.locator('#fb-webhook-url').fill(`${webhookOrigin}/hook`);
    await options.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => options.locator('.toast').innerText()).toContain('Webhook 已保存');
    const tabs = options.locator('nav.tabs button');
    for (let index = 0; index < (await tabs.count()); index++) {
      await tabs.nth(index).click();
      await expect.poll(() => tabs.nth(index).getAttribute('aria-current')).toBe('page');
    }

    // The agent sends feedback on the next suggestion; the worker delivers it to the webhook.
    await page.bringToFront();
    await demo.buyerSays(page, open, '快递到哪了');
    await popup(page).getByRole('button', { name: '我要反馈' }).click();
    await popup(page).locator('.hs-feedback').getByText('话术不合适').click();
    await popup(page).locator('.hs-fb-text').fill('推荐的话术没有提到快递公司');
    await popup(page).getByRole('button', { name: '提交反馈' }).click();
    await expect.poll(() => webhookPosts.length, { timeout: 15_000 }).toBe(1);

    // The toolbar popup and Alt+J.
    const toolbar = await context.newPage();
    await toolbar.goto(`chrome-extension://${extensionId}/popup.html`);
    await toolbar.locator('.tp-name').waitFor();
    await toolbar.close();
    await page.locator('.composer-input').click();
    await page.keyboard.press('Alt+KeyJ');
    await expect.poll(() => demo.currentId(page)).not.toBe(open);

    // The listener does see the worker's requests: the webhook delivery is one of them.
    expect(requests.some(({ url, from }) => url.startsWith(webhookOrigin) && from.startsWith('service worker'))).toBe(
      true,
    );
    expect(offLimits([new URL(session.url).origin, webhookOrigin])).toEqual([]);
  });
});
