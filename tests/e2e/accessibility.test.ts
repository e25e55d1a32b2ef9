import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Language } from '@/lib/language';
import { axeBlockers } from '@/tests/e2e/axe';
import { demo, type Page, popup, type Session, startSession } from '@/tests/e2e/workbench';

/**
 * WCAG 2.2 AA on every surface an agent or an admin sees: the suggestion popup and the slow-reply badge
 * (both in shadow roots on the chat page), the toolbar popup and each tab of the options page, in both
 * languages. axe-core fails the run on any serious or critical violation.
 */

let session: Session;
let extensionPage: Page;

interface Runtime {
  chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean }> } };
}

function request(type: string, payload: unknown) {
  return extensionPage.evaluate(
    ([type, payload]) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ huashu: 1, type, payload }),
    [type, payload] as const,
  );
}

interface WorkerChrome {
  tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
}

async function workbenchTabId(): Promise<number> {
  return session.context.serviceWorkers()[0].evaluate(async (url) => {
    const [tab] = await (globalThis as unknown as { chrome: WorkerChrome }).chrome.tabs.query({ url: `${url}*` });
    return tab?.id ?? -1;
  }, session.url);
}

beforeAll(async () => {
  session = await startSession();
  extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${session.extensionId}/options.html`);
  // The smallest threshold the store accepts, so the workbench's waiting buyers show in the badge.
  expect((await request('saveSettings', { slowReplyThresholdSeconds: 10 })).ok).toBe(true);
});

afterAll(async () => {
  await session?.close();
});

const LANGUAGES: Language[] = ['zh', 'en'];

describe.each(LANGUAGES)('no serious or critical axe violation (%s)', (language) => {
  beforeAll(async () => {
    expect((await request('saveSettings', { language })).ok).toBe(true);
  });

  test('the suggestion popup and the slow-reply badge on the chat page', async () => {
    const { page } = session;
    await session.load();
    await page.waitForSelector('huashu-waiting[data-ready]', { state: 'attached' });
    await demo.buyerSays(page, await demo.currentId(page), '什么时候发货');
    await expect.poll(() => popup(page).isVisible()).toBe(true);
    await expect.poll(() => page.locator('huashu-waiting .hw-badge').isVisible()).toBe(true);
    await expect.poll(() => page.locator('huashu-waiting .hw-row').count()).toBeGreaterThan(0);

    const popupBlockers = await axeBlockers(page, ['huashu-assistant']);
    const badgeBlockers = await axeBlockers(page, ['huashu-waiting']);
    await page.locator('huashu-assistant .hs-link', { hasText: language === 'zh' ? '为什么推荐' : 'Why this' }).click();
    const whyBlockers = await axeBlockers(page, ['huashu-assistant']);

    // An angry buyer turns the popup red: its banner and buttons must stay readable too.
    await demo.buyerSays(page, await demo.currentId(page), '你们再不处理我就投诉，给差评！');
    await expect.poll(() => popup(page).getAttribute('class')).toContain('hs-popup--urgent');
    const urgentBlockers = await axeBlockers(page, ['huashu-assistant']);

    expect({ popupBlockers, whyBlockers, urgentBlockers, badgeBlockers }).toEqual({
      popupBlockers: [],
      whyBlockers: [],
      urgentBlockers: [],
      badgeBlockers: [],
    });
  });

  test('the toolbar popup, on a chat tab and elsewhere', async () => {
    await session.load();
    const toolbar = await session.context.newPage();
    try {
      await toolbar.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${await workbenchTabId()}`);
      await expect.poll(() => toolbar.locator('.tp-row').count()).toBeGreaterThan(0);
      expect(await axeBlockers(toolbar)).toEqual([]);

      // Opened over a page that is not a chat page (the options page is the active tab here).
      await toolbar.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${2 ** 30}`);
      await toolbar.locator('.tp-empty').first().waitFor();
      expect(await axeBlockers(toolbar)).toEqual([]);
    } finally {
      await toolbar.close();
    }
  });

  test('each tab of the options page', async () => {
    await extensionPage.reload();
    const tabs = extensionPage.locator('nav.tabs button');
    await expect.poll(() => tabs.count()).toBeGreaterThan(5);
    const found: Record<string, unknown> = {};
    for (let index = 0; index < (await tabs.count()); index++) {
      await tabs.nth(index).click();
      await expect.poll(() => tabs.nth(index).getAttribute('aria-current')).toBe('page');
      await extensionPage.waitForTimeout(300);
      const blockers = await axeBlockers(extensionPage);
      if (blockers.length > 0) found[(await tabs.nth(index).textContent()) ?? String(index)] = blockers;
    }
    expect(found).toEqual({});
  });
});
