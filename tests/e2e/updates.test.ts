/**
 * Updates under open chat tabs: Chrome replaces the extension while agents keep the page open all day. Its own
 * browser: reloading the extension after another Chromium loaded the same unpacked build (resilience.test.ts's
 * restart) leaves it blocked in this one, which no agent's browser does.
 */
import { describe, expect, test } from 'vitest';
import { demo, type Page, popup, useFreshWorkbench } from '@/tests/e2e/workbench';

const workbench = useFreshWorkbench();

describe('updates', () => {
  test('after an extension reload (as an update or the reload button does) open tabs get popups again without a refresh, and a half-written feedback draft survives', async () => {
    const { page } = workbench;
    const open = await demo.currentId(page);
    await demo.buyerSays(page, open, '什么时候发货');
    await expect.poll(() => popup(page).isVisible()).toBe(true);
    await popup(page).getByRole('button', { name: '我要反馈' }).click();
    await popup(page).locator('.hs-fb-text').fill('推荐的话术没提到预售');
    await page.locator('.composer-input').click();
    await page.keyboard.type('亲，稍等我查一下');

    await reloadExtension(page);
    // The old popup goes with the old script; the new version attaches by itself.
    await expect.poll(() => popup(page).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.locator('huashu-assistant[data-ready]').count(), { timeout: 10_000 }).toBe(1);

    await demo.buyerSays(page, open, '发货了吗');
    await expect.poll(() => popup(page).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect(popup(page).locator('.hs-fb-text').inputValue()).resolves.toBe('推荐的话术没提到预售');
    // Cancelled, the draft is gone for good: the next test starts without it.
    await popup(page).locator('.hs-feedback').getByRole('button', { name: '取消' }).click();
    await expect(page.locator('.composer-input').innerText()).resolves.toBe('亲，稍等我查一下');
    // Past the wait for a new version: nobody asks for a refresh that isn't needed.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await expect(page.locator('huashu-reload-notice').count()).resolves.toBe(0);
  });

  test('the reload button on chrome://extensions: the popup and the feedback draft come back without a refresh', async () => {
    const { page } = workbench;
    const open = await demo.currentId(page);
    await demo.buyerSays(page, open, '什么时候发货');
    await expect.poll(() => popup(page).isVisible()).toBe(true);
    await popup(page).getByRole('button', { name: '我要反馈' }).click();
    await popup(page).locator('.hs-fb-text').fill('半截反馈');
    const extensions = await page.context().newPage();
    try {
      await extensions.goto('chrome://extensions');
      const devMode = extensions.locator('extensions-toolbar #devMode');
      if ((await devMode.getAttribute('aria-pressed')) !== 'true') await devMode.click();
      await extensions.locator(`extensions-item#${workbench.extensionId} #dev-reload-button`).click();
    } finally {
      await extensions.close();
    }
    await expect.poll(() => popup(page).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.locator('huashu-assistant[data-ready]').count(), { timeout: 10_000 }).toBe(1);
    await demo.buyerSays(page, open, '发货了吗');
    await expect.poll(() => popup(page).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect(popup(page).locator('.hs-fb-text').inputValue()).resolves.toBe('半截反馈');
    await popup(page).locator('.hs-feedback').getByRole('button', { name: '取消' }).click();
  });

  test('disabled, the page says to reload at once; enabled again, popups come back without a refresh', async () => {
    const { page } = workbench;
    const open = await demo.currentId(page);
    const extensions = await page.context().newPage();
    try {
      await extensions.goto('chrome://extensions');
      const toggle = extensions.locator(`extensions-item#${workbench.extensionId} #enableToggle`);
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');

      await page.bringToFront();
      const notice = page.locator('huashu-reload-notice .hs-reload');
      // No buyer message needed: the agent learns it before relying on a popup that won't come.
      await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
      await expect(notice.textContent()).resolves.toContain('请刷新页面');

      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.locator('huashu-assistant[data-ready]').count(), { timeout: 10_000 }).toBe(1);
      await expect(notice.count()).resolves.toBe(0);
      await demo.buyerSays(page, open, '什么时候发货');
      await expect.poll(() => popup(page).isVisible(), { timeout: 10_000 }).toBe(true);
    } finally {
      await extensions.close();
    }
  });
});

/**
 * chrome.runtime.reload() from the options page: what an update and the reload button do to open tabs. From a
 * page rather than the service worker, which may be asleep.
 */
async function reloadExtension(page: Page) {
  const options = await page.context().newPage();
  await options.goto(`chrome-extension://${workbench.extensionId}/options.html`);
  // The page closes with the reload, so the evaluation itself may fail.
  await options
    .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => {});
  await page.bringToFront();
}
