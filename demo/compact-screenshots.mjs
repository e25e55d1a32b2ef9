// The suggestion popup on a laptop screen: screenshots at 1366×768 of the demo workbench with the popup in each
// state, and how much of the thread stays visible, measured from the boxes in the page (also at 1920×1080).
//
//   npm run build && node demo/compact-screenshots.mjs before   # or: after (the default)
//
// Writes assets/screenshots/compact-<label>-<n>-<state>.png and prints a Markdown table of the figures.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from './browser.mjs';
import { startWorkbench } from './server.mjs';

const label = process.argv[2] ?? 'after';
if (!/^[a-z0-9-]+$/.test(label)) throw new Error(`The label names files: use a-z, 0-9 and -, not "${label}".`);
const OUTPUT_DIR = resolve(import.meta.dirname, '..', 'assets', 'screenshots');
const VIEWPORTS = [
  { width: 1366, height: 768, screenshots: true },
  { width: 1920, height: 1080, screenshots: false },
];

/** Each popup state: the conversation, what its buyer writes, and what the agent then opens in the popup. */
const STATES = [
  { name: 'two-replies', title: '2 replies', conversation: 'c04', text: '快递到哪了' },
  { name: 'three-replies-notice', title: '3 replies + a notice', conversation: 'c01', text: '什么时候发货' },
  { name: 'overdue', title: 'overdue order', conversation: 'c02', text: '什么时候发货' },
  {
    name: 'feedback',
    title: 'feedback form open',
    conversation: 'c01',
    text: '什么时候发货',
    open: '.hs-feedback-open',
    // A feedback draft outlives the page (extension storage): cancelled, so the next load shows the replies.
    close: '.hs-fb-footer .hs-button:not([type="submit"])',
  },
  { name: 'why', title: '为什么推荐 open', conversation: 'c01', text: '什么时候发货', open: '.hs-link[aria-expanded]' },
];

const workbench = await startWorkbench({ port: 0 });
const { context, extensionId } = await launchWithExtension();
// The smallest slow-reply threshold, so the workbench's waiting buyers show in the badge. Set from the options page,
// which then closes: the measured page is alone in its window (a background tab gets about one frame a second).
const options = await context.newPage();
await options.goto(`chrome-extension://${extensionId}/options.html`);
await options.evaluate(() =>
  chrome.runtime.sendMessage({ huashu: 1, type: 'saveSettings', payload: { slowReplyThresholdSeconds: 10 } }),
);
await options.close();
const page = context.pages()[0] ?? (await context.newPage());
const popup = page.locator('huashu-assistant .hs-popup');
mkdirSync(OUTPUT_DIR, { recursive: true });

/**
 * How much of the thread (the message list's box) stays visible: every row of it that no Huashu layer (the popup,
 * the slow-reply badge) covers. Also which messages the badge's box meets.
 */
function measure() {
  const box = (element) => element?.getBoundingClientRect() ?? null;
  const thread = box(document.querySelector('.msg-list'));
  const popupBox = box(
    document.querySelector('huashu-assistant')?.shadowRoot?.querySelector('.hs-layer:not([hidden])'),
  );
  const badgeBox = box(document.querySelector('huashu-waiting')?.shadowRoot?.querySelector('.hw-badge'));
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  /** The thread's height that none of `layers` covers (a layer covers the rows it spans). */
  const visibleBeside = (layers) => {
    const covered = layers
      .filter((layer) => layer && layer.width > 0 && overlaps(layer, thread))
      .map((layer) => [Math.max(thread.top, layer.top), Math.min(thread.bottom, layer.bottom)])
      .sort((a, b) => a[0] - b[0]);
    let hidden = 0;
    let reach = thread.top;
    for (const [top, bottom] of covered) {
      if (bottom > reach) hidden += bottom - Math.max(top, reach);
      reach = Math.max(reach, bottom);
    }
    return Math.round(thread.height - hidden);
  };
  const messagesUnderBadge = badgeBox
    ? [...document.querySelectorAll('.msg')].filter((message) => overlaps(message.getBoundingClientRect(), badgeBox))
        .length
    : 0;
  return {
    thread: Math.round(thread.height),
    popup: popupBox ? Math.round(popupBox.height) : 0,
    besidePopup: visibleBeside([popupBox]),
    visible: visibleBeside([popupBox, badgeBox]),
    messagesUnderBadge,
  };
}

const rows = [];
for (const viewport of VIEWPORTS) {
  await page.setViewportSize(viewport);
  for (const [index, state] of STATES.entries()) {
    await page.goto(workbench.url);
    await page.waitForSelector('html[data-workbench-ready="1"]');
    await page.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
    await page.locator('huashu-waiting .hw-badge').waitFor({ state: 'visible' });
    await page.evaluate((id) => window.demo.open(id), state.conversation);
    await page.evaluate(([id, text]) => window.demo.buyerSays(id, text), [state.conversation, state.text]);
    await popup.waitFor({ state: 'visible' });
    if (state.open) await popup.locator(state.open).click();
    // Two frames: the popup placed and the thread padded after what the click opened.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const figures = await page.evaluate(measure);
    rows.push({ viewport, state, figures });
    if (viewport.screenshots) {
      const path = resolve(OUTPUT_DIR, `compact-${label}-${index + 1}-${state.name}.png`);
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
    }
    if (state.close) await popup.locator(state.close).click();
  }
}

await context.close();
await workbench.close();
console.log(
  '\n| viewport | state | thread px | popup px | visible beside the popup, px | visible beside popup and badge, px (%) ' +
    '| messages under the badge |',
);
console.log('|---|---|---|---|---|---|---|');
for (const { viewport, state, figures } of rows) {
  const share = Math.round((figures.visible / figures.thread) * 100);
  console.log(
    `| ${viewport.width}×${viewport.height} | ${state.title} | ${figures.thread} | ${figures.popup} | ` +
      `${figures.besidePopup} | ${figures.visible} (${share}%) | ${figures.messagesUnderBadge} |`,
  );
}
