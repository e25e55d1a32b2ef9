// `npm run demo`: builds Huashu, serves the workbench and opens Chromium with the extension loaded.
// Headed when there is a display; with --headless (or no display) it plays a short scripted scenario
// and writes screenshots to demo-output/.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium, launchWithExtension } from './browser.mjs';
import { startWorkbench } from './server.mjs';

const OUTPUT_DIR = resolve(import.meta.dirname, '..', 'demo-output');
const wantsHeadless = process.argv.includes('--headless');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function fail(message) {
  console.error(message);
  process.exit(1);
}

try {
  findChromium();
} catch (error) {
  fail(error.message);
}

console.log('Building the extension…');
execFileSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: resolve(import.meta.dirname, '..') });

const workbench = await startWorkbench();
console.log(`Workbench: ${workbench.url}`);

if (!wantsHeadless && hasDisplay) {
  const { context } = await launchWithExtension({ headless: false });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(workbench.url);
  console.log('Chromium is open with Huashu loaded. Use the 买家模拟器 (buyer simulator) to ask "什么时候发货".');
  console.log('Close the browser window or press Ctrl+C to stop.');
  context.on('close', () => workbench.close().then(() => process.exit(0)));
} else {
  if (!wantsHeadless) console.log('No display found: playing the scripted scenario headless instead.');
  await playScenario(workbench);
}

/** Buyers ask about shipping in three order states; each suggestion is photographed, then one reply is sent. */
async function playScenario({ url, close }) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const { context } = await launchWithExtension({ headless: true });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForSelector('html[data-workbench-ready="1"]');
  await page.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
  const popup = page.locator('huashu-assistant .hs-popup');
  const shots = [];
  const shoot = async (name) => {
    const path = resolve(OUTPUT_DIR, `${name}.png`);
    await page.screenshot({ path });
    shots.push(path);
  };

  const conversations = await page.evaluate(() => window.demo.conversations());
  const find = (wanted) => conversations.find((conversation) => conversation.orders.some(wanted));
  const isOverdue = (o) => o.status === '待发货' && o.promiseShipBy && Date.parse(o.promiseShipBy) < Date.now();
  const onlyShipped = conversations.find(
    (c) => c.orders.length === 1 && ['已发货', '运输中'].includes(c.orders[0].status),
  );
  const scenes = [
    ['01-awaiting-shipment', find((o) => o.status === '待发货' && !isOverdue(o)), '亲，我的订单什么时候发货？'],
    ['02-overdue', find(isOverdue), '都过了承诺时间了，怎么还不发货'],
    ['03-shipped', onlyShipped, '发货了吗？'],
  ];
  for (const [name, conversation, text] of scenes) {
    if (!conversation) continue;
    await page.evaluate((id) => window.demo.open(id), conversation.id);
    await page.evaluate(([id, message]) => window.demo.buyerSays(id, message), [conversation.id, text]);
    await popup.waitFor({ state: 'visible' });
    await shoot(name);
  }
  await popup.locator('.hs-reply').first().getByRole('button', { name: '发送' }).click();
  await page.waitForTimeout(300);
  await shoot('04-reply-sent');

  console.log('Screenshots:');
  for (const shot of shots) console.log(`  ${shot}`);
  await context.close();
  await close();
}
