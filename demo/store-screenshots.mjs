// `npm run screenshots`: the store listing's 1280×800 screenshots, in Chinese and English, from the built
// extension over the bundled workbench. Writes assets/store/screenshots/<language>-<n>-<scene>.png.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from './browser.mjs';
import { startWorkbench } from './server.mjs';

const OUTPUT_DIR = resolve(import.meta.dirname, '..', 'assets', 'store', 'screenshots');
const SIZE = { width: 1280, height: 800 };

const workbench = await startWorkbench({ port: 0 });
const { context, extensionId } = await launchWithExtension();
const page = context.pages()[0] ?? (await context.newPage());
const options = await context.newPage();
await options.goto(`chrome-extension://${extensionId}/options.html`);
const request = (type, payload) =>
  options.evaluate(([type, payload]) => chrome.runtime.sendMessage({ huashu: 1, type, payload }), [type, payload]);
// The smallest slow-reply threshold, so the workbench's waiting buyers show in the badge.
await request('saveSettings', { slowReplyThresholdSeconds: 10 });
mkdirSync(OUTPUT_DIR, { recursive: true });
const written = [];

async function shoot(target, language, name) {
  const path = resolve(OUTPUT_DIR, `${language}-${name}.png`);
  await target.screenshot({ path });
  written.push(path);
}

async function loadWorkbench() {
  await page.setViewportSize(SIZE);
  await page.goto(workbench.url);
  await page.waitForSelector('html[data-workbench-ready="1"]');
  await page.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
  await page.waitForSelector('huashu-waiting[data-ready]', { state: 'attached' });
}

const popup = page.locator('huashu-assistant .hs-popup');
const conversationWhere = async (wanted) =>
  (await page.evaluate(() => window.demo.conversations())).find((conversation) =>
    conversation.orders.some((order) => wanted(order)),
  );

for (const language of ['zh', 'en']) {
  await request('saveSettings', { language });

  // 1. A buyer asks when the order ships; the popup answers from the order's state.
  await loadWorkbench();
  await page.bringToFront();
  const awaiting = await conversationWhere((order) => order.status === '待发货');
  await page.evaluate((id) => window.demo.open(id), awaiting.id);
  await page.evaluate((id) => window.demo.buyerSays(id, '亲，我的订单什么时候发货？'), awaiting.id);
  await popup.waitFor({ state: 'visible' });
  await page.locator('huashu-waiting .hw-badge').waitFor({ state: 'visible' });
  await shoot(page, language, '1-suggestion');

  // 2. An angry buyer: the popup turns urgent and says why.
  await page.evaluate((id) => window.demo.buyerSays(id, '都几天了还不发货，再不处理我就投诉！'), awaiting.id);
  await page.waitForFunction(() =>
    document.querySelector('huashu-assistant')?.shadowRoot?.querySelector('.hs-popup--urgent'),
  );
  await popup.locator('.hs-link').last().click();
  await shoot(page, language, '2-urgent');

  // 3–5. The admin's side: the reply library, the statistics and the privacy policy.
  await options.setViewportSize(SIZE);
  await options.bringToFront();
  await options.reload();
  const tab = (index) => options.locator('nav.tabs button').nth(index);
  await tab(0).click();
  await options.locator('.reply-card').first().waitFor();
  await shoot(options, language, '3-replies');
  await tab(4).click();
  await options.locator('.stats-table').first().waitFor();
  await shoot(options, language, '4-statistics');
  await tab(7).click();
  await options.locator('.about').waitFor();
  await shoot(options, language, '5-privacy');
}

await request('saveSettings', { language: 'zh' });
await context.close();
await workbench.close();
console.log('Screenshots (1280×800):');
for (const path of written) console.log(`  ${path}`);
