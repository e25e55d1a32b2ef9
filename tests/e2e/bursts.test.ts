import { describe, expect, test } from 'vitest';
import { demo, popup, useFreshWorkbench } from '@/tests/e2e/workbench';

/** Long enough for every answer of a burst to have come back (each takes milliseconds). */
const QUIET_MS = 800;

const workbench = useFreshWorkbench();

describe('a burst of buyer messages keeps the open question’s suggestion', () => {
  test('我要改地址 then 在吗, 5 ms apart', async () => {
    const page = workbench.page;
    const open = await demo.currentId(page);
    await page.evaluate(async (id) => {
      window.demo.buyerSays(id, '我要改地址');
      await new Promise((resolve) => setTimeout(resolve, 5));
      window.demo.buyerSays(id, '在吗');
    }, open);

    await expect.poll(() => popup(page).isVisible()).toBe(true);
    await page.waitForTimeout(QUIET_MS);
    await expect(popup(page).locator('.hs-intent').textContent()).resolves.toContain('修改地址');
  });

  test('我要改地址 then 在吗, both waiting in a conversation the agent opens later', async () => {
    const page = workbench.page;
    const open = await demo.currentId(page);
    const other = (await demo.conversations(page)).find((conversation) => conversation.id !== open);
    if (!other) throw new Error('the workbench shows a single conversation');
    await demo.buyerSays(page, other.id, '我要改地址');
    await demo.buyerSays(page, other.id, '在吗');

    await demo.open(page, other.id);

    await expect.poll(() => popup(page).isVisible()).toBe(true);
    await page.waitForTimeout(QUIET_MS);
    await expect(popup(page).locator('.hs-intent').textContent()).resolves.toContain('修改地址');
  });
});
