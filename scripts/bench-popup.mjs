// Popup latency and host-page cost in real Chromium: the time from a buyer message landing in the
// workbench's DOM to the suggestion being visible, and the extra main-thread time Huashu costs the page.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, launchWithExtension } from '../demo/browser.mjs';
import { startWorkbench } from '../demo/server.mjs';

const MESSAGES = 30;
const QUESTIONS = [
  '什么时候发货',
  '几天能发货啊',
  '怎么还不发货',
  '我的快递到哪了',
  '還沒發貨嗎？',
  '亲，麻烦尽快发货',
];

execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', cwd: resolve(import.meta.dirname, '..') });
const workbench = await startWorkbench({ port: 0 });

/**
 * Delivers buyer messages one by one and returns, per message, the time from the message node
 * entering the workbench's DOM to the suggestion being visible (ms, measured inside the page).
 */
async function measureLatency(page) {
  const latencies = [];
  for (let i = 0; i < MESSAGES; i++) {
    const text = `${QUESTIONS[i % QUESTIONS.length]} #${i}`;
    const ms = await page.evaluate(
      (message) =>
        new Promise((done) => {
          const root = document.querySelector('huashu-assistant')?.shadowRoot;
          const list = document.querySelector('.msg-list');
          let arrived = Number.NaN;
          const visible = () => {
            const quote = root?.querySelector('.hs-popup .hs-quote');
            return quote?.textContent?.includes(message) && quote.getBoundingClientRect().height > 0;
          };
          // Observed before Huashu's own observer sees it: this marks when the message is on the page.
          const arrival = new MutationObserver(() => {
            if (Number.isNaN(arrived) && list.textContent.includes(message)) arrived = performance.now();
          });
          arrival.observe(list, { childList: true, subtree: true });
          const shown = new MutationObserver(() => {
            if (!visible()) return;
            finish(performance.now() - arrived);
          });
          shown.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
          const timer = setTimeout(() => finish(Number.NaN), 5000);
          function finish(value) {
            arrival.disconnect();
            shown.disconnect();
            clearTimeout(timer);
            done(value);
          }
          window.demo.buyerSays(window.demo.currentId(), message);
        }),
      text,
    );
    latencies.push(ms);
  }
  return latencies;
}

/** Main-thread script and task time of the page while buyers send messages (CDP Performance metrics). */
async function measureHostCost(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { script: get('ScriptDuration'), task: get('TaskDuration') };
  };
  const before = await metric();
  for (let i = 0; i < MESSAGES; i++) {
    await page.evaluate(
      (n) => window.demo.buyerSays(window.demo.currentId(), `${n % 2 ? '在吗' : '什么时候发货'} ${n}`),
      i,
    );
    await page.waitForTimeout(30);
  }
  const after = await metric();
  return {
    script: ((after.script - before.script) * 1000) / MESSAGES,
    task: ((after.task - before.task) * 1000) / MESSAGES,
  };
}

async function openWorkbench(context, withExtension) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(workbench.url);
  await page.waitForSelector('html[data-workbench-ready="1"]');
  if (withExtension) await page.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
  return page;
}

const percentile = (values, p) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const withHuashu = await launchWithExtension();
const page = await openWorkbench(withHuashu.context, true);
await page.evaluate(() => window.demo.buyerSays(window.demo.currentId(), '预热：什么时候发货'));
await page.waitForTimeout(500);
const latencies = await measureLatency(page);
const costWith = await measureHostCost(withHuashu.context, await openWorkbench(withHuashu.context, true));
await withHuashu.context.close();

const plain = await chromium.launch({
  executablePath: findChromium(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const plainContext = await plain.newContext({ viewport: { width: 1400, height: 900 } });
const costWithout = await measureHostCost(plainContext, await openWorkbench(plainContext, false));
await plain.close();
await workbench.close();

const missed = latencies.filter((v) => Number.isNaN(v)).length;
console.log(`\nPopup latency, buyer message in the DOM → popup visible (${MESSAGES} messages, headless Chromium)`);
console.table({
  'median (ms)': percentile(latencies, 50).toFixed(1),
  'p90 (ms)': percentile(latencies, 90).toFixed(1),
  'worst (ms)': Math.max(...latencies.filter((v) => !Number.isNaN(v))).toFixed(1),
  'never shown': missed,
});
console.log('Host page main-thread time per buyer message (CDP Performance metrics)');
console.table({
  'script ms, without Huashu': costWithout.script.toFixed(2),
  'script ms, with Huashu': costWith.script.toFixed(2),
  'task ms, without Huashu': costWithout.task.toFixed(2),
  'task ms, with Huashu': costWith.task.toFixed(2),
});
if (missed > 0) process.exitCode = 1;
