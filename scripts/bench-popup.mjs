// Usage: npm run bench:popup [-- --quick] [--no-build] [--extension=DIR] [--only=latency,cold,listeners,idle] [--readme]
// (the second half of `npm run bench`)
//
// What an agent feels, in real Chromium with the built extension, each figure paired in the same run against the
// same workbench served from an origin Huashu's match patterns don't cover (so no content script runs there):
// - popup latency: from the page appending the buyer's message node to the first frame painted after the popup
//   shows that message's suggestion (without Huashu: to the first frame painted after the append), on 50- and
//   5,000-message threads, at 1× and 4× CPU throttle;
// - main-thread script time per message the page spends with and without Huashu;
// - the first suggestion after the service worker was stopped, against the worker awake, and where the cold start
//   spends its time (the background's performance marks);
// - page event listeners over 1,000 buyer messages and conversation switches;
// - idle main-thread cost with 200 waiting conversations;
// - bundle sizes, raw and gzip.
// Messages are real buyer text: ../shared/corpus when present, else the dev corpus (tests/fixtures/intent-dev.jsonl).
// --quick: fewer messages and shorter idle windows, to check the harness (figures are noisier; ≥100 messages only
// without it). --no-build: use .output/chrome-mv3-demo as it is. --extension=DIR: measure another build (e.g. a copy of
// an older one; implies --no-build). --only: run only these parts (bundle sizes are always printed). --readme: also
// write the table into README.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, launchWithExtension } from '../demo/browser.mjs';
import { startWorkbench } from '../demo/server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '..', 'shared', 'corpus');
const DEV_CORPUS = join(ROOT, 'tests', 'fixtures', 'intent-dev.jsonl');
const BASE_FIXTURE = JSON.parse(readFileSync(join(ROOT, 'demo', 'public', 'fixture.json'), 'utf8'));
/** Not covered by lib/pages/matches.ts: the same workbench there runs without Huashu. */
const PLAIN_HOST = 'huashu-bench-plain.test';

const flags = new Set(process.argv.slice(2));
const EXTENSION = resolve(
  process.argv.find((arg) => arg.startsWith('--extension='))?.slice('--extension='.length) ?? EXTENSION_DIR,
);
const QUICK = flags.has('--quick');
const PARTS = ['latency', 'cold', 'listeners', 'idle'];
const ONLY =
  process.argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') ?? PARTS;
const unknownPart = ONLY.find((part) => !PARTS.includes(part));
if (unknownPart) throw new Error(`--only: unknown part "${unknownPart}"; the parts are ${PARTS.join(', ')}.`);
const SIZES = {
  measured: QUICK ? 30 : 100,
  coldTrials: QUICK ? 5 : 15,
  listenerMessages: 1000,
  idleSeconds: QUICK ? 4 : 10,
  waiting: 200,
};
const THREADS = [50, 5000];
const THROTTLES = [1, 4];
const POPUP_TIMEOUT_MS = 4000;

// ---------------------------------------------------------------------------------------------------------------
// Text

function jsonLines(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/** A fixed shuffle, so every run sends the same messages in the same order. */
function shuffled(items, seed = 13) {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/**
 * Buyer messages the engine gives an intent (so each one draws a popup), distinct, of chat length; and filler text
 * for long threads. Classified by scripts/classify.ts, the same engine the extension bundles.
 */
function loadText() {
  const real = existsSync(join(SHARED, 'labelled.jsonl'));
  const labelled = real
    ? [...jsonLines(join(SHARED, 'train-labelled.jsonl')), ...jsonLines(join(SHARED, 'labelled.jsonl'))]
    : jsonLines(DEV_CORPUS);
  const candidates = shuffled([
    ...new Set(
      labelled
        .filter((row) => row.label && row.text.length >= 4 && row.text.length <= 60)
        .map((row) => row.text.replace(/\s+/g, ' ').trim()),
    ),
  ]).slice(0, 1500);
  const verdicts = execFileSync('npx', ['tsx', 'scripts/classify.ts', '-'], {
    cwd: ROOT,
    input: `${candidates.map((text) => JSON.stringify({ text })).join('\n')}\n`,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const asked = candidates.filter((_, i) => verdicts[i].intent);
  const filler = real
    ? jsonLines(join(SHARED, 'buyer-utterances.jsonl')).map((row) => row.text)
    : labelled.map((row) => row.text);
  return { source: real ? '../shared/corpus' : 'tests/fixtures/intent-dev.jsonl', asked, filler };
}

// ---------------------------------------------------------------------------------------------------------------
// Workbench scenarios, served in place of demo/public/fixture.json

const AGENT_LINES = ['亲，您好，在的～', '好的亲，这边帮您查看一下', '亲，已经帮您备注了哦', '感谢您的耐心等待～'];

/** The fixture with the open conversation holding `length` messages, buyer and agent in turn, the agent last. */
function threadFixture(length, filler) {
  const first = BASE_FIXTURE.conversations[0];
  const messages = Array.from({ length }, (_, i) => {
    const fromBuyer = (length - i) % 2 === 0;
    return {
      from: fromBuyer ? 'buyer' : 'agent',
      kind: 'text',
      text: fromBuyer ? filler[i % filler.length] : AGENT_LINES[i % AGENT_LINES.length],
      minutesAgo: Math.ceil(((length - i) * 600) / length),
    };
  });
  return { ...BASE_FIXTURE, conversations: [{ ...first, messages }, ...BASE_FIXTURE.conversations.slice(1)] };
}

/** `count` conversations, each with a buyer who wrote last and is waiting for an answer. */
function waitingFixture(count, filler) {
  const template = BASE_FIXTURE.conversations[0];
  const conversations = Array.from({ length: count }, (_, i) => ({
    ...template,
    id: `w${i + 1}`,
    buyerName: `买家${i + 1}`,
    unread: 1,
    messages: [
      { from: 'agent', kind: 'text', text: AGENT_LINES[i % AGENT_LINES.length], minutesAgo: 30 },
      { from: 'buyer', kind: 'text', text: filler[i % filler.length], minutesAgo: 1 + (i % 20) },
    ],
  }));
  return { ...BASE_FIXTURE, openFirst: 'w1', conversations };
}

// ---------------------------------------------------------------------------------------------------------------
// In the page (main world)

/**
 * Runs before any page or content script: stamps the moment the page appends a message node. Content scripts live
 * in their own world with their own prototypes, so this wraps only the page's own append.
 */
function stampAppends() {
  const appendedAt = new Map();
  const append = Element.prototype.append;
  Element.prototype.append = function (...nodes) {
    const now = performance.now();
    for (const node of nodes) {
      if (node instanceof HTMLElement && node.classList.contains('msg') && node.dataset.msgId) {
        appendedAt.set(node.dataset.msgId, now);
      }
    }
    return append.apply(this, nodes);
  };
  Object.defineProperty(window, '__benchAppendedAt', { value: appendedAt });
}

/**
 * One buyer message, ms from its append to the frame after the popup shows it (`awaitPopup`), or after the append
 * itself. "Painted": the first task after the next frame's rendering (requestAnimationFrame, then a message).
 * null when no popup showed the message within the timeout.
 */
function measureOne({ text, awaitPopup, timeout }) {
  const afterNextFrame = () =>
    new Promise((done) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  const popupShows = (root) => {
    const quote = root?.querySelector('.hs-popup .hs-quote');
    // The quote's title holds the whole message; an earlier, longer message may contain this one's text.
    if (!quote) return false;
    return quote.title ? quote.title === text : quote.textContent.includes(text);
  };
  const placed = () =>
    new Promise((done) => {
      const root = document.querySelector('huashu-assistant')?.shadowRoot;
      if (!root) return done(false);
      if (popupShows(root)) return done(true);
      const observer = new MutationObserver(() => {
        if (!popupShows(root)) return;
        finish(true);
      });
      const timer = setTimeout(() => finish(false), timeout);
      function finish(shown) {
        observer.disconnect();
        clearTimeout(timer);
        done(shown);
      }
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  const id = window.demo.buyerSays(window.demo.currentId(), text);
  const start = window.__benchAppendedAt.get(id);
  window.__benchAppendedAt.delete(id);
  const shown = awaitPopup ? placed() : Promise.resolve(true);
  return shown.then((ok) => (ok ? afterNextFrame().then((end) => end - start) : null));
}

// ---------------------------------------------------------------------------------------------------------------
// Browser plumbing

async function openBrowser(workbenchUrl, text) {
  const session = await launchWithExtension({ extensionDir: EXTENSION });
  const { context } = session;
  const origin = new URL(workbenchUrl);
  await context.addInitScript(stampAppends);
  // The plain origin is the same server, reached under a name Huashu does not match.
  await context.route(`http://${PLAIN_HOST}:${origin.port}/**`, async (route) => {
    const url = new URL(route.request().url());
    url.host = origin.host;
    await route.fulfill({ response: await route.fetch({ url: url.href }) });
  });
  // Each page's query names its scenario; the workbench fetches fixture.json relative to its module.
  await context.route('**/fixture.json', async (route) => {
    const scenario = new URL(route.request().frame().url()).searchParams;
    const fixture = scenario.has('waiting')
      ? waitingFixture(Number(scenario.get('waiting')), text.filler)
      : threadFixture(Number(scenario.get('thread') ?? 50), text.filler);
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(fixture) });
  });
  const controlPage = context.pages()[0] ?? (await context.newPage());
  const control = await context.newCDPSession(controlPage);
  return { ...session, control, origin };
}

/** A workbench in its own window (a background tab of one window gets about one frame a second). */
async function openWindow(browser, { plain, query }) {
  const host = plain ? `${PLAIN_HOST}:${browser.origin.port}` : browser.origin.host;
  const opened = browser.context.waitForEvent('page');
  await browser.control.send('Target.createTarget', { url: `http://${host}/?${query}`, newWindow: true });
  const page = await opened;
  await page.waitForSelector('html[data-workbench-ready="1"]', { timeout: 60_000 });
  if (!plain) await page.waitForSelector('huashu-assistant[data-ready]', { state: 'attached', timeout: 60_000 });
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp, plain };
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

const settle = (page, ms = 40) => page.waitForTimeout(ms);

// ---------------------------------------------------------------------------------------------------------------
// Measurements

/**
 * The measured messages on a pair of windows, one message on each in turn. Returns latencies per side, misses,
 * and main-thread script ms per message.
 */
async function latencyPair(browser, text, thread, throttle) {
  const pair = [
    await openWindow(browser, { plain: false, query: `thread=${thread}` }),
    await openWindow(browser, { plain: true, query: `thread=${thread}` }),
  ];
  const result = pair.map(() => ({ latencies: [], missed: 0, script: 0 }));
  for (const side of pair) await side.cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await settle(pair[0].page, 1000);
  const before = await Promise.all(pair.map((side) => metrics(side.cdp)));
  for (const message of text.asked.slice(0, SIZES.measured)) {
    for (const [i, side] of pair.entries()) {
      const ms = await side.page.evaluate(measureOne, {
        text: message,
        awaitPopup: !side.plain,
        timeout: POPUP_TIMEOUT_MS,
      });
      if (ms === null) result[i].missed++;
      else result[i].latencies.push(ms);
      await settle(side.page);
    }
  }
  const after = await Promise.all(pair.map((side) => metrics(side.cdp)));
  for (const i of [0, 1]) {
    result[i].script = ((after[i].ScriptDuration - before[i].ScriptDuration) * 1000) / SIZES.measured;
  }
  for (const side of pair) await side.page.close();
  return { with: result[0], without: result[1] };
}

/** Waits until the extension's worker reports the wanted running status. */
function workerStatus(browser, wanted) {
  return new Promise((done) => {
    const seen = ({ versions }) => {
      if (!versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === wanted)) return;
      browser.control.off('ServiceWorker.workerVersionUpdated', seen);
      done();
    };
    browser.control.on('ServiceWorker.workerVersionUpdated', seen);
  });
}

/**
 * The first suggestion after the worker was stopped (through CDP, as Chrome does after 30 s idle), then one with the
 * worker awake, in turn. Also collects the background's cold-start marks from each restarted worker.
 */
async function coldWorker(browser, text) {
  const side = await openWindow(browser, { plain: false, query: 'thread=50' });
  const versions = new Map();
  browser.control.on('ServiceWorker.workerVersionUpdated', ({ versions: list }) => {
    for (const v of list) if (v.scriptURL.endsWith('/background.js')) versions.set(v.versionId, v.runningStatus);
  });
  await browser.control.send('ServiceWorker.enable');
  await settle(side.page, 500);
  const cold = [];
  const awake = [];
  const steps = [];
  let missed = 0;
  const messages = text.asked.slice(SIZES.measured, SIZES.measured + SIZES.coldTrials * 2);
  for (let trial = 0; trial < SIZES.coldTrials; trial++) {
    const [versionId] = [...versions].find(([, status]) => status === 'running') ?? [];
    if (versionId === undefined) throw new Error('The extension’s service worker is not running.');
    const stopped = workerStatus(browser, 'stopped');
    await browser.control.send('ServiceWorker.stopWorker', { versionId });
    await stopped;
    await settle(side.page, 200);
    const first = await side.page.evaluate(measureOne, {
      text: messages[trial * 2],
      awaitPopup: true,
      timeout: POPUP_TIMEOUT_MS,
    });
    if (first === null) missed++;
    else cold.push(first);
    await settle(side.page, 200);
    const second = await side.page.evaluate(measureOne, {
      text: messages[trial * 2 + 1],
      awaitPopup: true,
      timeout: POPUP_TIMEOUT_MS,
    });
    if (second !== null) awake.push(second);
    // Playwright keeps one handle for the extension's worker across restarts; the marks are the new worker's.
    const marks = await browser.context
      .serviceWorkers()[0]
      ?.evaluate(() => performance.getEntriesByType('mark').map(({ name, startTime }) => ({ name, at: startTime })))
      .catch(() => []);
    if (marks?.length) steps.push(marks);
    await settle(side.page, 200);
  }
  await browser.control.send('ServiceWorker.disable');
  await side.page.close();
  return { cold, awake, missed, steps };
}

/** JS event listeners of each page's renderer before and after 1,000 buyer messages with conversation switches. */
async function listenerGrowth(browser, text) {
  const pair = [
    await openWindow(browser, { plain: false, query: 'thread=50' }),
    await openWindow(browser, { plain: true, query: 'thread=50' }),
  ];
  await settle(pair[0].page, 1000);
  const counts = [];
  for (const side of pair) {
    const before = (await metrics(side.cdp)).JSEventListeners;
    await side.page.evaluate(
      async ({ messages, count }) => {
        const ids = window.demo.conversations().map((c) => c.id);
        for (let i = 0; i < count; i++) {
          // Every 100 messages the agent looks at another conversation and comes back.
          if (i % 100 === 99) {
            window.demo.open(ids[((i / 100) % ids.length) | 0]);
            await new Promise((done) => setTimeout(done, 30));
            window.demo.open(ids[0]);
          }
          window.demo.buyerSays(window.demo.currentId(), messages[i % messages.length]);
          await new Promise((done) => setTimeout(done, 8));
        }
      },
      { messages: text.asked, count: SIZES.listenerMessages },
    );
    await settle(side.page, 1500);
    // A full collection first, so listeners only waiting to be collected don't count.
    await side.cdp.send('HeapProfiler.collectGarbage');
    counts.push({ before, after: (await metrics(side.cdp)).JSEventListeners });
  }
  for (const side of pair) await side.page.close();
  return { with: counts[0], without: counts[1] };
}

/** Main-thread ms per second while 200 buyers wait and nobody types, both windows measured over the same seconds. */
async function idleCost(browser) {
  const query = `waiting=${SIZES.waiting}`;
  const pair = [await openWindow(browser, { plain: false, query }), await openWindow(browser, { plain: true, query })];
  await settle(pair[0].page, 3000);
  const before = await Promise.all(pair.map((side) => metrics(side.cdp)));
  await settle(pair[0].page, SIZES.idleSeconds * 1000);
  const after = await Promise.all(pair.map((side) => metrics(side.cdp)));
  const perSecond = (i, name) =>
    ((after[i][name] - before[i][name]) * 1000) / (after[i].Timestamp - before[i].Timestamp);
  const result = pair.map((_, i) => ({ task: perSecond(i, 'TaskDuration'), script: perSecond(i, 'ScriptDuration') }));
  for (const side of pair) await side.page.close();
  return { with: result[0], without: result[1] };
}

function bundleSizes() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css)$/.test(name)) files.push(path);
    }
  };
  walk(EXTENSION);
  return files
    .map((path) => {
      const bytes = readFileSync(path);
      return { file: relative(EXTENSION, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.raw - a.raw);
}

// ---------------------------------------------------------------------------------------------------------------
// Report

function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (value) => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : value.toFixed(0));
const ratio = (a, b) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');
const signed = (value) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const spread = (values) =>
  `${ms(percentile(values, 50))} / ${ms(percentile(values, 90))} / ${ms(percentile(values, 99))}`;

function table(report) {
  const rows = ['| measure | with Huashu | without | with ÷ without |', '|---|---|---|---|'];
  const base = new Map();
  for (const { thread, throttle, with: w, without: wo } of report.latency) {
    const median = percentile(w.latencies, 50);
    base.set(`${thread}/${throttle}`, { median, script: w.script - wo.script });
    const missed = w.missed > 0 ? ` (${w.missed} never shown)` : '';
    rows.push(
      `| popup, append → painted, ${thread.toLocaleString('en')} msgs, ${throttle}× CPU, p50 / p90 / p99 ms (n=${w.latencies.length})${missed} | ${spread(w.latencies)} | ${spread(wo.latencies)} | ${ratio(median, percentile(wo.latencies, 50))} (p99 ${ratio(percentile(w.latencies, 99), percentile(wo.latencies, 99))}) |`,
    );
  }
  for (const throttle of report.latency.length > 0 ? THROTTLES : []) {
    const short = base.get(`50/${throttle}`);
    const long = base.get(`5000/${throttle}`);
    rows.push(
      `| popup median, 5,000 ÷ 50 msgs, ${throttle}× CPU | ${ratio(long.median, short.median)} | | |`,
      `| page script ms per message added by Huashu, 50 → 5,000 msgs, ${throttle}× CPU | ${ms(short.script)} → ${ms(long.script)} (${ratio(long.script, short.script)}) | | |`,
    );
  }
  const { cold, listeners, idle } = report;
  if (cold)
    rows.push(
      `| first suggestion after the worker was stopped, p50 / p90 / p99 ms (n=${cold.cold.length}${cold.missed ? `, ${cold.missed} never shown` : ''}) | ${spread(cold.cold)} | | cold ÷ awake ${ratio(percentile(cold.cold, 50), percentile(cold.awake, 50))} |`,
      `| the same with the worker awake, p50 / p90 / p99 ms (n=${cold.awake.length}) | ${spread(cold.awake)} | | |`,
    );
  for (const step of coldSteps(cold?.steps ?? [])) {
    rows.push(`| cold start: ${step.name}, median ms since the worker started | ${ms(step.median)} | | |`);
  }
  if (listeners)
    rows.push(
      `| page JS event listeners, before → after ${SIZES.listenerMessages.toLocaleString('en')} buyer messages and ${SIZES.listenerMessages / 100} switches | ${listeners.with.before} → ${listeners.with.after} (+${listeners.with.after - listeners.with.before}) | ${listeners.without.before} → ${listeners.without.after} (+${listeners.without.after - listeners.without.before}) | |`,
    );
  if (idle)
    rows.push(
      `| idle, ${SIZES.waiting} waiting conversations, main-thread task ms per s (script) | ${idle.with.task.toFixed(2)} (${idle.with.script.toFixed(2)}) | ${idle.without.task.toFixed(2)} (${idle.without.script.toFixed(2)}) | task ${signed(idle.with.task - idle.without.task)} ms/s, script ${signed(idle.with.script - idle.without.script)} ms/s |`,
    );
  for (const file of report.bundles)
    rows.push(`| bundle ${file.file}, raw / gzip | ${kb(file.raw)} / ${kb(file.gzip)} | | |`);
  return rows.join('\n');
}

/** Median time of each performance mark the background sets while it starts, over the cold trials. */
function coldSteps(trials) {
  const names = [...new Set(trials.flatMap((marks) => marks.map((mark) => mark.name)))];
  return names.map((name) => ({
    name: name.replace(/^huashu:/, ''),
    median: percentile(
      trials.flatMap((marks) => marks.filter((m) => m.name === name).map((m) => m.at)),
      50,
    ),
  }));
}

// ---------------------------------------------------------------------------------------------------------------

if (!flags.has('--no-build') && EXTENSION === EXTENSION_DIR)
  execFileSync('npm', ['run', 'build'], { stdio: 'ignore', cwd: ROOT });
const text = loadText();
if (text.asked.length < SIZES.measured + SIZES.coldTrials * 2) {
  throw new Error(`Only ${text.asked.length} corpus messages get a suggestion; the bench needs more.`);
}
const startedAt = Date.now();
const workbench = await startWorkbench({ port: 0 });
const browser = await openBrowser(workbench.url, text);
const report = { latency: [] };
try {
  for (const thread of ONLY.includes('latency') ? THREADS : []) {
    for (const throttle of THROTTLES) {
      const pair = await latencyPair(browser, text, thread, throttle);
      report.latency.push({ thread, throttle, ...pair });
      console.error(`· ${thread} messages at ${throttle}×: median ${ms(percentile(pair.with.latencies, 50))} ms`);
    }
  }
  if (ONLY.includes('cold')) report.cold = await coldWorker(browser, text);
  if (ONLY.includes('listeners')) report.listeners = await listenerGrowth(browser, text);
  if (ONLY.includes('idle')) report.idle = await idleCost(browser);
  report.bundles = bundleSizes();
} finally {
  await browser.context.close();
  await workbench.close();
}

const measuredOn = new Date().toISOString().slice(0, 10);
const header =
  `Measured ${measuredOn} with \`npm run bench:popup${QUICK ? ' -- --quick' : ''}\`: headless Chromium, ${SIZES.measured} buyer messages from ${text.source} per row, ` +
  `each page in its own window; "without" is the same workbench on an origin Huashu does not match. ` +
  `Took ${Math.round((Date.now() - startedAt) / 1000)} s.`;
const output = `${header}\n\n${table(report)}`;
console.log(`\n${output}`);

if (flags.has('--readme')) {
  const readmePath = join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const pattern = /(<!-- bench:start -->\n)[\s\S]*?(\n<!-- bench:end -->)/;
  if (!pattern.test(readme)) throw new Error('README.md has no <!-- bench:start --> … <!-- bench:end --> block.');
  writeFileSync(readmePath, readme.replace(pattern, `$1${output}$2`));
}
const missed = report.latency.reduce((sum, row) => sum + row.with.missed, 0) + (report.cold?.missed ?? 0);
if (missed > 0) process.exitCode = 1;
