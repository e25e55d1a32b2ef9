import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { demo, type Page, popup, type Session, startSession } from '@/tests/e2e/workbench';

/**
 * The agent workflow over the workbench: Alt+J to the longest-waiting buyer, the slow-reply badge and the
 * toolbar count, escalation turning the popup urgent, and the statistics page counting the run.
 * The threshold is set to 10 s (the smallest the store accepts) so the alert can be watched appearing.
 */
const THRESHOLD_SECONDS = 10;

let session: Session;
let page: Page;
let extensionPage: Page;

interface Runtime {
  chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string; value?: unknown }> } };
}

/** The part of the service worker's chrome API the test reads. */
interface WorkerChrome {
  tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]>;
    getBadgeTextColor(details: { tabId: number }): Promise<number[]>;
  };
}

function request(type: string, payload: unknown) {
  return extensionPage.evaluate(
    ([type, payload]) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ huashu: 1, type, payload }),
    [type, payload] as const,
  );
}

function badge(target: Page): Locator {
  return target.locator('huashu-waiting .hw-badge');
}

function badgeRows(target: Page): Locator {
  return target.locator('huashu-waiting .hw-row');
}

async function badgeIds(target: Page): Promise<string[]> {
  return badgeRows(target).evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.convId ?? ''));
}

async function workbenchTabId(): Promise<number> {
  const worker = session.context.serviceWorkers()[0];
  return worker.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    const [tab] = await api.tabs.query({ url: `${url}*` });
    return tab?.id ?? -1;
  }, session.url);
}

/** The toolbar badge text the background set for the workbench tab. */
async function toolbarBadge(): Promise<string> {
  const worker = session.context.serviceWorkers()[0];
  return worker.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    const [tab] = await api.tabs.query({ url: `${url}*` });
    return tab?.id === undefined ? '?' : api.action.getBadgeText({ tabId: tab.id });
  }, session.url);
}

/** WCAG's contrast ratio of the toolbar badge's text on its background, as the browser will draw them. */
async function toolbarBadgeContrast(): Promise<number> {
  const worker = session.context.serviceWorkers()[0];
  const [background, text] = await worker.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    const [tab] = await api.tabs.query({ url: `${url}*` });
    const tabId = tab?.id ?? -1;
    return [await api.action.getBadgeBackgroundColor({ tabId }), await api.action.getBadgeTextColor({ tabId })];
  }, session.url);
  const luminance = ([r, g, b]: number[]) => {
    const [lr, lg, lb] = [r, g, b].map((channel) => {
      const c = (channel ?? 0) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (lr ?? 0) + 0.7152 * (lg ?? 0) + 0.0722 * (lb ?? 0);
  };
  // An unset text colour reads as transparent; Chrome then paints the badge's text white.
  const drawnText = text[3] === 0 ? [255, 255, 255] : text;
  const [light, dark] = [luminance(background), luminance(drawnText)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

function composer(target: Page) {
  return target.locator('.composer-input');
}

beforeAll(async () => {
  session = await startSession();
  page = session.page;
  extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${session.extensionId}/options.html`);
  // The admin sets the threshold on the settings tab, where the shortcuts are listed too.
  await extensionPage.getByRole('button', { name: '设置', exact: true }).click();
  await expect(extensionPage.locator('table.keys').textContent()).resolves.toContain('跳到等待最久的买家');
  await expect(extensionPage.locator('#slow-reply').inputValue()).resolves.toBe('100');
  await extensionPage.locator('#slow-reply').fill(String(THRESHOLD_SECONDS));
  await extensionPage.locator('#slow-reply').press('Tab');
  await extensionPage.locator('.toast', { hasText: '已保存' }).waitFor();
  const shop = await request('shopState', {});
  expect(shop.value).toMatchObject({ settings: { slowReplyThresholdSeconds: THRESHOLD_SECONDS } });
  expect((await request('resetStats', {})).ok).toBe(true);
  await page.bringToFront();
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  await session.load();
  await page.waitForSelector('huashu-waiting[data-ready]', { state: 'attached' });
});

describe('waiting buyers', () => {
  test('Alt+J opens the conversation that has waited longest, and the composer takes the focus', async () => {
    const waiting = (await demo.conversations(page)).filter((conversation) => conversation.waitingSeconds > 0);
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    const longest = waiting.reduce((a, b) => (b.waitingSeconds > a.waitingSeconds ? b : a));
    expect(await demo.currentId(page)).not.toBe(longest.id);

    await composer(page).click();
    await page.keyboard.press('Alt+KeyJ');

    await expect.poll(() => demo.currentId(page)).toBe(longest.id);
    await expect.poll(() => composer(page).evaluate((el) => el === document.activeElement)).toBe(true);
  });

  test('Alt+J does nothing while an input method is composing', async () => {
    const before = await demo.currentId(page);
    await composer(page).evaluate((el) => {
      el.dispatchEvent(
        new KeyboardEvent('keydown', { code: 'KeyJ', key: 'j', altKey: true, isComposing: true, bubbles: true }),
      );
    });
    await page.waitForTimeout(500);
    expect(await demo.currentId(page)).toBe(before);
  });

  test('the badge lists buyers past the threshold, longest first, with their times; one click opens one', async () => {
    const late = (await demo.conversations(page))
      .filter((conversation) => conversation.waitingSeconds >= THRESHOLD_SECONDS)
      .sort((a, b) => b.waitingSeconds - a.waitingSeconds);
    await expect.poll(() => badgeIds(page)).toEqual(late.map((conversation) => conversation.id));
    await expect(badge(page).locator('.hw-title').textContent()).resolves.toContain(`${late.length} 位买家等待超过`);
    const firstTime = await badgeRows(page).first().locator('.hw-time').textContent();
    expect(firstTime).toMatch(/^\d+分\d{2}秒$/);
    await expect.poll(toolbarBadge).toBe(String(late.length));
    // Chrome draws the toolbar badge, so axe can't check it: its count must still read at WCAG AA.
    expect(await toolbarBadgeContrast()).toBeGreaterThanOrEqual(4.5);

    // The badge covers neither the composer nor the popup's place above it: it docks beside the chat column.
    const badgeBox = await badge(page).boundingBox();
    const composerBox = await page.locator('.composer').boundingBox();
    if (!badgeBox || !composerBox) throw new Error('badge and composer should be on screen');
    expect(badgeBox.x + badgeBox.width).toBeLessThanOrEqual(composerBox.x);

    const target = late[1];
    await badgeRows(page).nth(1).click();
    await expect.poll(() => demo.currentId(page)).toBe(target.id);
  });

  test('a new buyer message raises the alert only after the threshold, and answering with Alt+1 clears it', async () => {
    await demo.open(page, 'c04');
    await demo.buyerSays(page, 'c04', '什么时候发货呀');
    await expect.poll(() => popup(page).isVisible()).toBe(true);
    expect(await badgeIds(page)).not.toContain('c04');

    // Waits for the threshold itself, not for speed: the row must appear once 10 s have passed.
    await expect.poll(() => badgeIds(page), { timeout: (THRESHOLD_SECONDS + 10) * 1000 }).toContain('c04');
    const count = (await badgeIds(page)).length;
    await expect.poll(toolbarBadge).toBe(String(count));

    const first = (await popup(page).locator('.hs-reply-text').first().textContent())?.trim();
    await composer(page).click();
    await page.keyboard.press('Alt+Digit1');

    await expect
      .poll(async () => (await demo.thread(page, 'c04')).at(-1))
      .toMatchObject({ from: 'agent', text: first });
    await expect.poll(() => badgeIds(page)).not.toContain('c04');
    await expect.poll(toolbarBadge).toBe(String(count - 1));
  });

  test('the toolbar popup lists the waiting buyers and its button jumps to the longest wait', async () => {
    const waiting = (await demo.conversations(page))
      .filter((conversation) => conversation.waitingSeconds > 0)
      .sort((a, b) => b.waitingSeconds - a.waitingSeconds);
    const toolbar = await session.context.newPage();
    await toolbar.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${await workbenchTabId()}`);
    const rows = toolbar.locator('.tp-row');
    await expect
      .poll(() => rows.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.convId)))
      .toEqual(waiting.map((conversation) => conversation.id));
    await toolbar.getByRole('button', { name: /跳到等待最久的买家/ }).click();
    await expect.poll(() => demo.currentId(page)).toBe(waiting[0].id);
    await toolbar.close();
  });

  test('no alert for the buyer the agent is typing to', async () => {
    await demo.open(page, 'c02');
    await expect.poll(() => badgeIds(page)).toContain('c02');
    await composer(page).click();
    await page.keyboard.type('亲，马上为您查询');
    await expect.poll(() => badgeIds(page)).not.toContain('c02');
  });
});

describe('the automatic order card', () => {
  test('is no reply: the buyer stays on the slow-reply alert until the agent answers', async () => {
    // c09 has two orders not yet shipped and has waited past the threshold since before the page loaded.
    await demo.open(page, 'c09');
    await expect.poll(() => badgeIds(page)).toContain('c09');
    const before = (await demo.thread(page, 'c09')).length;

    await demo.buyerSays(page, 'c09', '什么时候发货');

    await expect
      .poll(async () => (await demo.thread(page, 'c09')).slice(before).map((m) => `${m.from} ${m.kind}`))
      .toEqual(['buyer text', 'agent text', 'agent order-card']);
    // The page itself now counts the buyer as answered; Huashu has read that list and still alerts.
    await expect.poll(async () => (await demo.conversations(page)).find((c) => c.id === 'c09')?.waitingSeconds).toBe(0);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    expect(await badgeIds(page)).toContain('c09');
    await expect.poll(toolbarBadge).toBe(String((await badgeIds(page)).length));

    // The agent's own answer ends the wait.
    await composer(page).click();
    await page.keyboard.press('Alt+Digit1');
    await expect
      .poll(async () => (await demo.thread(page, 'c09')).at(-1))
      .toMatchObject({ from: 'agent', kind: 'text' });
    await expect.poll(() => badgeIds(page)).not.toContain('c09');
  });
});

describe('escalation', () => {
  test('a complaint turns the popup urgent and marks the buyer at the top of the list until the agent replies', async () => {
    await demo.open(page, 'c04');
    await demo.buyerSays(page, 'c04', '你们再不处理我就投诉，给差评！');
    await expect.poll(() => popup(page).getAttribute('class')).toContain('hs-popup--urgent');
    await expect(popup(page).locator('.hs-urgent').textContent()).resolves.toContain('紧急');
    // Marked at once, ahead of buyers who have waited far longer.
    await expect.poll(async () => (await badgeIds(page))[0]).toBe('c04');
    await expect(badgeRows(page).first().locator('.hw-tag').textContent()).resolves.toBe('紧急');

    await composer(page).click();
    await page.keyboard.press('Alt+Digit1');

    await expect.poll(async () => (await demo.thread(page, 'c04')).at(-1)?.from).toBe('agent');
    await expect.poll(() => popup(page).getAttribute('class')).not.toContain('hs-popup--urgent');
    await expect.poll(() => badgeIds(page)).not.toContain('c04');
  });

  test('a clearly angry buyer marks the conversation even without a complaint', async () => {
    await demo.open(page, 'c04');
    await demo.buyerSays(page, 'c04', '到底什么时候发货？？？');
    await expect.poll(() => popup(page).getAttribute('class')).toContain('hs-popup--urgent');
    await expect.poll(async () => (await badgeIds(page))[0]).toBe('c04');
  });
});

describe('statistics', () => {
  /** Runs last: counts what the tests above did (the database was reset before them). */
  test('the statistics page shows the run’s counts, exports CSV and resets only after confirming', async () => {
    // Leaving the workbench flushes its last events.
    await page.goto('about:blank');
    const options = extensionPage;
    await options.bringToFront();
    const answers: boolean[] = [];
    let accept = false;
    options.on('dialog', (dialog) => {
      answers.push(accept);
      void (accept ? dialog.accept() : dialog.dismiss());
    });
    const cell = (intent: string, column: string) =>
      options.locator(`table[data-table="intents"] tr[data-intent="${intent}"] td[data-col="${column}"]`).textContent();
    const kpi = (name: string) => options.locator(`.kpi[data-kpi="${name}"] dd`).textContent();

    await expect
      .poll(async () => {
        await options.goto(`chrome-extension://${session.extensionId}/options.html`);
        await options.getByRole('button', { name: '数据统计' }).click();
        return cell('escalation', 'sent');
      })
      .toBe('1');
    expect(Number(await cell('escalation', 'shown'))).toBeGreaterThanOrEqual(1);
    expect(Number(await cell('ship_urge', 'shown'))).toBeGreaterThanOrEqual(1);
    expect(Number(await cell('ship_urge', 'sent'))).toBeGreaterThanOrEqual(1);
    // Three waits began while Huashu watched (all c04); two were answered within 3 minutes.
    await expect(kpi('messages')).resolves.toBe('3');
    await expect(kpi('rate')).resolves.toBe('67%');
    await expect(options.locator('svg.chart').count()).resolves.toBe(3);
    // Without a feedback webhook the daily summary cannot be turned on: nothing leaves the browser.
    await expect.poll(() => options.getByText('未设置反馈推送地址').isVisible()).toBe(true);
    await expect(options.getByRole('switch', { name: /每天把前一天的统计摘要/ }).isDisabled()).resolves.toBe(true);

    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: '导出 CSV' }).click();
    const file = await download;
    const csv = await new Response((await file.createReadStream()) as unknown as ReadableStream).text();
    expect(csv.replace(/^\ufeff/, '').split('\n')[0]).toMatch(/^day,intent,agent,shown,copied,sent/);
    expect(csv).toContain(',escalation,');

    await options.getByRole('button', { name: '重置统计' }).click();
    await expect.poll(() => answers.length).toBe(1);
    await expect(kpi('messages')).resolves.toBe('3');
    accept = true;
    await options.getByRole('button', { name: '重置统计' }).click();
    await expect.poll(() => kpi('messages')).toBe('0');
    await expect(options.locator('table[data-table="intents"] tbody tr').count()).resolves.toBe(0);
  });
});
