import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { launchWithExtension } from '@/demo/browser.mjs';
import { startWorkbench } from '@/demo/server.mjs';
import { demo, popup } from '@/tests/e2e/workbench';

describe('resilience', () => {
  test('a browser restart (and so a new service worker) keeps the shop’s edited reply', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'huashu-restart-'));
    const workbenchServer = await startWorkbench({ port: 0 });
    const edited = '亲，重启后也记得您：订单{订单号}今天发出';
    try {
      const first = await launchWithExtension({ userDataDir: profile });
      const options = await first.context.newPage();
      await options.goto(`chrome-extension://${first.extensionId}/options.html`);
      const saved = await options.evaluate(
        (text) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }
          ).chrome.runtime.sendMessage({
            huashu: 1,
            type: 'saveReply',
            payload: {
              intent: 'ship_urge',
              situation: 'awaiting_shipment',
              replyId: 'ship_urge.awaiting_shipment.1',
              text,
            },
          }),
        edited,
      );
      expect(saved.ok).toBe(true);
      await first.context.close();

      const second = await launchWithExtension({ userDataDir: profile });
      const page = second.context.pages()[0] ?? (await second.context.newPage());
      await page.goto(workbenchServer.url);
      await page.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
      await demo.buyerSays(page, await demo.currentId(page), '什么时候发货');
      await expect.poll(() => popup(page).isVisible(), { timeout: 5000 }).toBe(true);
      await expect(popup(page).locator('.hs-reply-text').first().textContent()).resolves.toBe(
        '亲，重启后也记得您：订单6921847302918374651今天发出',
      );
      await second.context.close();
    } finally {
      await workbenchServer.close();
    }
  });
});
