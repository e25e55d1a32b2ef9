import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demo, popup, type Session, startSession } from '@/tests/e2e/workbench';

/**
 * Keyboard and zoom on every surface: Tab reaches every control, each shows a focus ring when it gets there,
 * and at 125% browser zoom nothing scrolls sideways or lands on top of its neighbour.
 */

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

interface TabWalk {
  /** Controls Tab never reached (label or class, for the failure message). */
  unreached: string[];
  /** Controls that got the focus without a visible outline or focus shadow. */
  noRing: string[];
}

/**
 * Presses Tab until the focus comes back round to a control it has reached, and compares what it reached with
 * every visible, enabled control in `scope` (a shadow host, or the document).
 */
async function walkWithTab(page: Page, scope: string | null, start?: () => Promise<void>): Promise<TabWalk> {
  const probe = (scopeSelector: string | null) => {
    const root: Document | ShadowRoot =
      scopeSelector === null ? document : (document.querySelector(scopeSelector)?.shadowRoot as ShadowRoot);
    const controls = [
      ...root.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]'),
    ].filter(
      (el) =>
        el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.checkVisibility({ visibilityProperty: true }),
    );
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${el.className} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
    const style = active ? getComputedStyle(active) : null;
    const ring =
      style !== null &&
      ((style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none');
    return {
      names: controls.map(name),
      index: active ? controls.indexOf(active as HTMLElement) : -1,
      activeName: active ? name(active) : '',
      ring,
    };
  };
  if (start) await start();
  else await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const { names } = await page.evaluate(probe, scope);
  const reached = new Set<number>();
  const noRing: string[] = [];
  for (let presses = 0; presses < names.length + 5; presses++) {
    const state = await page.evaluate(probe, scope);
    // Past the last control the focus leaves the page once, then Tab starts again from the top.
    if (state.index >= 0) {
      if (reached.has(state.index)) break;
      reached.add(state.index);
      if (!state.ring) noRing.push(state.activeName);
    }
    await page.keyboard.press('Tab');
  }
  return { unreached: names.filter((_, index) => !reached.has(index)), noRing };
}

async function zoomTo125(page: Page, width: number, height: number) {
  const cdp = await page.context().newCDPSession(page);
  // A 125% zoom in a window `width × 1.25` wide lays the page out `width` CSS pixels wide, drawn at 1.25 scale.
  await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1.25, mobile: false });
  return cdp;
}

/** Sideways scroll, and pairs of `selector` boxes that overlap (more than a pixel of rounding). */
async function layoutProblems(page: Page, selector: string, within?: string) {
  return page.evaluate(
    ([selector, within]) => {
      const problems: string[] = [];
      const root = within ? (document.querySelector(within)?.shadowRoot ?? document) : document;
      const page = document.documentElement;
      if (page.scrollWidth > page.clientWidth + 1) problems.push(`page scrolls sideways: ${page.scrollWidth}px`);
      const boxes = [...root.querySelectorAll(selector)]
        .filter((el) => (el as HTMLElement).checkVisibility())
        .map((el) => ({ el, box: el.getBoundingClientRect() }));
      for (const { el, box } of boxes) {
        if (box.right > page.clientWidth + 1) problems.push(`${el.className} ends at ${box.right}px`);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].box;
          const b = boxes[j].box;
          if (boxes[i].el.contains(boxes[j].el) || boxes[j].el.contains(boxes[i].el)) continue;
          const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (overlapX > 1 && overlapY > 1)
            problems.push(`${boxes[i].el.className} overlaps ${boxes[j].el.className} "${boxes[j].el.textContent}"`);
        }
      }
      return problems;
    },
    [selector, within ?? null] as const,
  );
}

describe('keyboard', () => {
  test('the suggestion popup: Tab reaches every control with a focus ring; ↑/↓ move through the replies', async () => {
    const { page } = session;
    await session.load();
    await demo.buyerSays(page, await demo.currentId(page), '什么时候发货');
    await expect.poll(() => popup(page).locator('.hs-reply').count()).toBeGreaterThan(1);

    const walk = await walkWithTab(page, 'huashu-assistant', async () => {
      await popup(page).locator('button').first().focus();
    });
    expect(walk).toEqual({ unreached: [], noRing: [] });

    const sends = popup(page).getByRole('button', { name: '发送' });
    await sends.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => sends.nth(1).evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => sends.first().evaluate((el) => el.matches(':focus'))).toBe(true);
  });

  test('the toolbar popup and every options tab: Tab reaches every control with a focus ring', async () => {
    const { context, extensionId } = session;
    const toolbar = await context.newPage();
    await toolbar.goto(`chrome-extension://${extensionId}/popup.html`);
    await toolbar.locator('.tp-name').waitFor();
    expect(await walkWithTab(toolbar, null)).toEqual({ unreached: [], noRing: [] });
    await toolbar.close();

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const tabs = options.locator('nav.tabs button');
    await expect.poll(() => tabs.count()).toBeGreaterThan(5);
    const found: Record<string, TabWalk> = {};
    for (let index = 0; index < (await tabs.count()); index++) {
      await tabs.nth(index).click();
      await expect.poll(() => tabs.nth(index).getAttribute('aria-current')).toBe('page');
      await options.locator('.loading').waitFor({ state: 'detached' });
      const walk = await walkWithTab(options, null);
      if (walk.unreached.length + walk.noRing.length > 0) found[(await tabs.nth(index).textContent()) ?? ''] = walk;
    }
    await options.close();
    expect(found).toEqual({});
  });
});

describe('125% zoom', () => {
  for (const language of ['zh', 'en'] as const) {
    test(`options page, toolbar popup and suggestion popup hold their layout (${language})`, async () => {
      const { context, extensionId, page } = session;
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.evaluate(
        (value) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime.sendMessage({ huashu: 1, type: 'saveSettings', payload: { language: value } }),
        language,
      );
      // A 1280 × 800 window at 125%.
      await zoomTo125(options, 1024, 640);
      await options.reload();
      const tabs = options.locator('nav.tabs button');
      await expect.poll(() => tabs.count()).toBeGreaterThan(5);
      const found: Record<string, string[]> = {};
      for (let index = 0; index < (await tabs.count()); index++) {
        await tabs.nth(index).click();
        await options.locator('.loading').waitFor({ state: 'detached' });
        const problems = [
          ...(await layoutProblems(options, '.topbar > *, nav.tabs button')),
          ...(await layoutProblems(options, 'main button, main label, main input, main select')),
        ];
        if (problems.length > 0) found[(await tabs.nth(index).textContent()) ?? ''] = problems;
      }
      expect(found).toEqual({});

      // The toolbar popup is 300 CSS pixels wide whatever the zoom; its rows must fit that.
      await session.load();
      const toolbar = await context.newPage();
      await zoomTo125(toolbar, 300, 480);
      const [tab] = await session.context
        .serviceWorkers()[0]
        .evaluate(
          (url) =>
            (
              globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<{ id: number }[]> } } }
            ).chrome.tabs.query({ url: `${url}*` }),
          session.url,
        );
      await toolbar.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab.id}`);
      await expect.poll(() => toolbar.locator('.tp-row').count()).toBeGreaterThan(0);
      expect(await layoutProblems(toolbar, '.tp-head > *, .tp-jump, .tp-row > *')).toEqual([]);
      await toolbar.close();

      // The suggestion popup on a 1400-pixel window at 125%.
      const cdp = await zoomTo125(page, 1120, 720);
      await page.bringToFront();
      await demo.buyerSays(page, await demo.currentId(page), '什么时候发货');
      await expect.poll(() => popup(page).locator('.hs-reply').count()).toBeGreaterThan(0);
      expect(
        await layoutProblems(
          page,
          '.hs-header > *, .hs-reply > *, .hs-reply-buttons > *, .hs-actions > *',
          'huashu-assistant',
        ),
      ).toEqual([]);
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await options.evaluate(() =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ huashu: 1, type: 'saveSettings', payload: { language: 'zh' } }),
      );
      await options.close();
    });
  }
});
