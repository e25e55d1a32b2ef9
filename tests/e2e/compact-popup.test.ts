import { beforeAll, describe, expect, test } from 'vitest';
import { demo, type Page, popup, useFreshWorkbench } from '@/tests/e2e/workbench';

/**
 * The popup on a laptop screen and on a large one: how much of the thread it leaves in view, and that whatever it
 * opens (a reply, a notice, the reasons, the feedback form) or docks (the slow-reply badge) covers no more.
 */
const workbench = useFreshWorkbench();

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
/** The share of the thread the popup with three replies and a notice must leave in view. */
const MIN_VISIBLE_SHARE = 0.6;

beforeAll(async () => {
  // The smallest slow-reply threshold, so the workbench's waiting buyers show in the badge. Set from the options
  // page, which then closes: the measured page stays alone in its window.
  const options = await workbench.page.context().newPage();
  await options.goto(`chrome-extension://${workbench.extensionId}/options.html`);
  await options.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ huashu: 1, type: 'saveSettings', payload: { slowReplyThresholdSeconds: 10 } }),
  );
  await options.close();
  await workbench.page.bringToFront();
});

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  height: number;
}

/** Boxes of the thread, the popup's layer, the badge and every message, read in one go. */
function layout(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element | null | undefined): Box | null => {
      if (!element) return null;
      const { top, bottom, left, right, height } = element.getBoundingClientRect();
      return { top, bottom, left, right, height };
    };
    const assistant = document.querySelector('huashu-assistant')?.shadowRoot;
    return {
      thread: box(document.querySelector('.msg-list')) as Box,
      popup: box(assistant?.querySelector('.hs-layer:not([hidden])')),
      badge: box(document.querySelector('huashu-waiting')?.shadowRoot?.querySelector('.hw-badge')),
      composer: box(document.querySelector('.composer')) as Box,
      messages: [...document.querySelectorAll('.msg')].map((message) => box(message) as Box),
    };
  });
}

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The thread's height that neither the popup nor the badge covers (each covers the rows it spans). */
function visibleThread({ thread, popup: card, badge }: Awaited<ReturnType<typeof layout>>): number {
  const covered = [card, badge]
    .filter((layer): layer is Box => layer !== null && intersects(layer, thread))
    .map((layer) => [Math.max(thread.top, layer.top), Math.min(thread.bottom, layer.bottom)])
    .sort((a, b) => a[0] - b[0]);
  let hidden = 0;
  let reach = thread.top;
  for (const [top, bottom] of covered) {
    if (bottom > reach) hidden += bottom - Math.max(top, reach);
    reach = Math.max(reach, bottom);
  }
  return thread.height - hidden;
}

/** How a line of the popup reads: its box, how many lines it takes, and whether any of its text is cut off. */
function lineOf(page: Page, selector: string, index: number) {
  return page.evaluate(
    ([selector, index]) => {
      const root = document.querySelector('huashu-assistant')?.shadowRoot;
      const element = root?.querySelectorAll<HTMLElement>(selector)[index];
      if (!element) throw new Error(`no ${selector} #${index}`);
      const { top, bottom, left, right, height } = element.getBoundingClientRect();
      const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight);
      return {
        box: { top, bottom, left, right, height },
        lines: Math.round(element.clientHeight / lineHeight),
        cut: element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
      };
    },
    [selector, index] as const,
  );
}

/** Waits until the popup's place and the thread's room have followed the last change (two frames). */
const settled = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** A buyer with an unshipped order asks when it ships: three replies and the promised-time notice. */
async function threeRepliesAndANotice(page: Page) {
  await page.locator('huashu-waiting .hw-badge').waitFor({ state: 'visible' });
  await demo.open(page, 'c01');
  await demo.buyerSays(page, 'c01', '什么时候发货');
  await popup(page).waitFor({ state: 'visible' });
  await expect.poll(() => popup(page).locator('.hs-reply').count()).toBe(3);
  await expect(popup(page).locator('.hs-notice').count()).resolves.toBe(1);
  await settled(page);
}

describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
  test('three replies and a notice leave most of the thread in view, one line each until opened', async () => {
    const page = workbench.page;
    await page.setViewportSize(viewport);
    await threeRepliesAndANotice(page);

    const shown = await layout(page);
    expect(visibleThread(shown) / shown.thread.height).toBeGreaterThanOrEqual(MIN_VISIBLE_SHARE);
    // The buyer's new message stays in view above the popup.
    const last = shown.messages.at(-1) as Box;
    expect(last.bottom).toBeLessThanOrEqual((shown.popup as Box).top);

    const replies = await Promise.all([0, 1, 2].map((index) => lineOf(page, '.hs-reply-text', index)));
    for (const reply of replies) expect(reply.lines).toBe(1);
    expect((await lineOf(page, '.hs-notice-text', 0)).lines).toBe(1);
    // On a laptop the longest reply doesn't fit its line: it is cut, to be read in full on demand.
    if (viewport.width === 1366) expect(replies.some((reply) => reply.cut)).toBe(true);

    const threadRoom = () => page.locator('.msg-list').evaluate((list) => (list as HTMLElement).style.paddingBottom);
    const roomBefore = await threadRoom();

    // The keyboard opens the reply it is on, in full, and ↓ moves on to the next one.
    await popup(page).locator('.hs-reply').first().getByRole('button', { name: '复制' }).focus();
    const first = await lineOf(page, '.hs-reply-text', 0);
    expect(first.cut).toBe(false);
    await page.keyboard.press('ArrowDown');
    await settled(page);
    const second = await lineOf(page, '.hs-reply-text', 1);
    expect(second.cut).toBe(false);
    expect((await lineOf(page, '.hs-reply-text', 0)).lines).toBe(1);
    // It fits: inside the popup, inside the window.
    const opened = (await layout(page)).popup as Box;
    expect(second.box.top).toBeGreaterThanOrEqual(opened.top);
    expect(second.box.bottom).toBeLessThanOrEqual(opened.bottom);
    expect(opened.top).toBeGreaterThanOrEqual(0);
    // Opened for a moment's reading, it doesn't lay the thread out again: the thread stays where it was.
    expect(await threadRoom()).toBe(roomBefore);

    // The pointer opens the notice in full, and it fits too.
    await page.evaluate(() => {
      const focused = document.querySelector('huashu-assistant')?.shadowRoot?.activeElement;
      if (focused instanceof HTMLElement) focused.blur();
    });
    await expect.poll(async () => (await lineOf(page, '.hs-reply-text', 1)).lines).toBe(1);
    await popup(page).locator('.hs-notice').hover();
    await expect.poll(async () => (await lineOf(page, '.hs-notice-text', 0)).cut).toBe(false);
    const openNotice = await lineOf(page, '.hs-notice-text', 0);
    const withNotice = await layout(page);
    expect(openNotice.box.top).toBeGreaterThanOrEqual((withNotice.popup as Box).top);
    expect(openNotice.box.bottom).toBeLessThanOrEqual((withNotice.popup as Box).bottom);
    expect((withNotice.popup as Box).top).toBeGreaterThanOrEqual(0);
  });

  test('为什么推荐 and the feedback form open within the popup’s own place', async () => {
    const page = workbench.page;
    await page.setViewportSize(viewport);
    await threeRepliesAndANotice(page);
    const before = (await layout(page)).popup as Box;

    await popup(page).getByRole('button', { name: '为什么推荐' }).click();
    await expect.poll(() => popup(page).locator('.hs-why li').count()).toBeGreaterThan(0);
    await settled(page);
    const why = (await layout(page)).popup as Box;
    expect(why.top).toBeGreaterThanOrEqual(before.top - 1);
    expect(why.bottom).toBeLessThanOrEqual(before.bottom + 1);
    await popup(page).getByRole('button', { name: '收起原因' }).click();

    await popup(page).getByRole('button', { name: '我要反馈' }).click();
    await popup(page).locator('form.hs-feedback').waitFor();
    await settled(page);
    const form = (await layout(page)).popup as Box;
    expect(form.top).toBeGreaterThanOrEqual(before.top - 1);
    expect(form.bottom).toBeLessThanOrEqual(before.bottom + 1);
    // Its buttons stay in view within that height, and the description takes text.
    await expect(popup(page).getByRole('button', { name: '提交反馈' }).isVisible()).resolves.toBe(true);
    const submit = await popup(page).getByRole('button', { name: '提交反馈' }).boundingBox();
    expect(submit && submit.y + submit.height).toBeLessThanOrEqual(form.bottom);
    // Cancelled: a draft outlives the page, and the next test starts from the replies.
    await popup(page).getByRole('button', { name: '取消' }).click();
  });

  test('the slow-reply badge docks where it covers no message, nor the composer or the popup', async () => {
    const page = workbench.page;
    await page.setViewportSize(viewport);
    await threeRepliesAndANotice(page);
    await expect.poll(() => page.locator('huashu-waiting .hw-row').count()).toBeGreaterThan(0);
    await settled(page);

    const shown = await layout(page);
    const badge = shown.badge as Box;
    expect(shown.messages.length).toBeGreaterThan(0);
    for (const message of shown.messages) expect(intersects(badge, message)).toBe(false);
    expect(intersects(badge, shown.thread)).toBe(false);
    expect(intersects(badge, shown.composer)).toBe(false);
    expect(intersects(badge, shown.popup as Box)).toBe(false);
    // Whole, inside the window.
    expect(badge.top).toBeGreaterThanOrEqual(0);
    expect(badge.bottom).toBeLessThanOrEqual(viewport.height);

    // Making that room doesn't scroll the list: its first rows stay where the agent left them.
    await expect(page.locator('.conv-list').evaluate((list) => list.scrollTop)).resolves.toBe(0);
    // The list keeps room below its last row: scrolled to the end, no conversation stays hidden under the badge.
    const lastRow = await page.evaluate(() => {
      const list = document.querySelector('.conv-list') as HTMLElement;
      list.scrollTop = list.scrollHeight;
      const { top, bottom, left, right, height } = (list.lastElementChild as HTMLElement).getBoundingClientRect();
      return { top, bottom, left, right, height };
    });
    expect(intersects(badge, lastRow)).toBe(false);
  });
});
