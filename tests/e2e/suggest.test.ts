import { describe, expect, test } from 'vitest';
import type { Language } from '@/lib/language';
import { demo, type Page, popup, useFreshWorkbench } from '@/tests/e2e/workbench';

/** Long enough for a suggestion that was going to appear to have appeared (it takes milliseconds). */
const QUIET_MS = 800;

const workbench = useFreshWorkbench();

function composer(target: Page) {
  return target.locator('.composer-input');
}

describe('催发货 from the buyer to the agent', () => {
  test('a buyer asking 什么时候发货 gets a popup with the intent and replies', async () => {
    const open = await demo.currentId(workbench.page);
    await demo.buyerSays(workbench.page, open, '什么时候发货');

    await expect.poll(() => popup(workbench.page).isVisible()).toBe(true);
    await expect(popup(workbench.page).locator('.hs-intent').textContent()).resolves.toContain('什么时候发货');
    const replies = await popup(workbench.page).locator('.hs-reply-text').allTextContents();
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(replies.length).toBeLessThanOrEqual(3);
    for (const reply of replies) expect(reply).not.toMatch(/[{}]|undefined/);

    // It sits above the composer and leaves the buyer's new message in view above it.
    const box = await popup(workbench.page).boundingBox();
    const composerBox = await workbench.page.locator('.composer').boundingBox();
    const lastMessage = await workbench.page.locator('.msg').last().boundingBox();
    expect(box && composerBox && box.y + box.height).toBeLessThanOrEqual(composerBox?.y ?? 0);
    expect(box && lastMessage && lastMessage.y + lastMessage.height).toBeLessThanOrEqual(box?.y ?? 0);
  });

  test('发送 sends that reply as the agent', async () => {
    const open = await demo.currentId(workbench.page);
    await demo.buyerSays(workbench.page, open, '亲，什么时候发货呀');
    const firstReply = popup(workbench.page).locator('.hs-reply').first();
    const text = await firstReply.locator('.hs-reply-text').textContent();

    await firstReply.getByRole('button', { name: '发送' }).click();

    await expect
      .poll(async () => (await demo.thread(workbench.page, open)).at(-1))
      .toMatchObject({ from: 'agent', text: text?.trim() });
    await expect(composer(workbench.page).innerText()).resolves.toBe('');
  });

  test('复制 puts the reply into the composer and sends nothing', async () => {
    const open = await demo.currentId(workbench.page);
    await demo.buyerSays(workbench.page, open, '几天能发货啊');
    await expect.poll(() => popup(workbench.page).isVisible()).toBe(true);
    // Let the order prediction card (this buyer has several orders) go out before counting.
    await workbench.page.waitForTimeout(QUIET_MS);
    const before = await demo.thread(workbench.page, open);
    const firstReply = popup(workbench.page).locator('.hs-reply').first();
    const text = (await firstReply.locator('.hs-reply-text').textContent())?.trim();

    await firstReply.getByRole('button', { name: '复制' }).click();

    await expect.poll(() => composer(workbench.page).innerText()).toBe(text);
    await workbench.page.waitForTimeout(QUIET_MS);
    expect(await demo.thread(workbench.page, open)).toHaveLength(before.length);
    // The workbench.page's own state saw the text: sending with Enter delivers exactly it.
    await composer(workbench.page).press('End');
    await composer(workbench.page).press('Enter');
    await expect
      .poll(async () => (await demo.thread(workbench.page, open)).at(-1))
      .toMatchObject({ from: 'agent', text });
  });

  test('a buyer message in a conversation that is not open raises no popup in the open one', async () => {
    const open = await demo.currentId(workbench.page);
    const other = (await demo.conversations(workbench.page)).find((conversation) => conversation.id !== open);
    if (!other) throw new Error('the fixture needs two conversations');

    await demo.buyerSays(workbench.page, other.id, '什么时候发货');
    await workbench.page.waitForTimeout(QUIET_MS);

    await expect(popup(workbench.page).count()).resolves.toBe(0);
  });

  test('loaded history and the agent’s own messages raise nothing', async () => {
    await workbench.page.waitForTimeout(QUIET_MS);
    await expect(popup(workbench.page).count()).resolves.toBe(0);

    await composer(workbench.page).click();
    await workbench.page.keyboard.type('您好，请问什么时候发货合适？');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.waitForTimeout(QUIET_MS);

    const open = await demo.currentId(workbench.page);
    expect((await demo.thread(workbench.page, open)).at(-1)).toMatchObject({ from: 'agent' });
    await expect(popup(workbench.page).count()).resolves.toBe(0);
  });

  test('answered history raises nothing, on load or after a switch', async () => {
    const answered = (await demo.conversations(workbench.page)).filter((c) => c.waitingSeconds === 0);
    expect(answered.length).toBeGreaterThanOrEqual(3);
    for (const conversation of answered) {
      await demo.open(workbench.page, conversation.id);
      await workbench.page.waitForTimeout(QUIET_MS / 4);
      await expect(popup(workbench.page).count()).resolves.toBe(0);
    }
    await workbench.load(answered[1].id);
    await workbench.page.waitForTimeout(QUIET_MS);
    await expect(popup(workbench.page).count()).resolves.toBe(0);
  });

  test('switching conversations shows each conversation’s own suggestion', async () => {
    const open = await demo.currentId(workbench.page);
    await demo.buyerSays(workbench.page, open, '怎么还不发货');
    await expect.poll(() => popup(workbench.page).isVisible()).toBe(true);

    // A buyer nobody is waiting on: the agent answered the last message.
    const other = (await demo.conversations(workbench.page)).find(
      (conversation) => conversation.id !== open && conversation.waitingSeconds === 0,
    );
    if (!other) throw new Error('the fixture needs an answered conversation');
    await demo.open(workbench.page, other.id);
    await expect.poll(() => popup(workbench.page).count()).toBe(0);

    await demo.open(workbench.page, open);
    await expect.poll(() => popup(workbench.page).isVisible()).toBe(true);
    await expect(popup(workbench.page).locator('.hs-quote').textContent()).resolves.toContain('怎么还不发货');
  });

  test('keyboard: Alt+Shift+2 copies reply 2, Alt+1 sends reply 1, Esc collapses, focus stays in the composer', async () => {
    const open = await demo.currentId(workbench.page);
    await composer(workbench.page).click();
    await demo.buyerSays(workbench.page, open, '还没发货吗');
    await expect.poll(() => popup(workbench.page).isVisible()).toBe(true);
    await workbench.page.waitForTimeout(QUIET_MS);
    const [first, second] = await popup(workbench.page).locator('.hs-reply-text').allTextContents();

    await workbench.page.keyboard.press('Alt+Shift+Digit2');
    await expect.poll(() => composer(workbench.page).innerText()).toBe(second.trim());
    await composer(workbench.page).press('Control+A');
    await composer(workbench.page).press('Delete');

    await workbench.page.keyboard.press('Alt+Digit1');
    await expect
      .poll(async () => (await demo.thread(workbench.page, open)).at(-1))
      .toMatchObject({ from: 'agent', text: first.trim() });
    await expect(workbench.page.evaluate(() => document.activeElement?.className)).resolves.toContain('composer-input');

    await workbench.page.keyboard.press('Escape');
    await expect.poll(() => popup(workbench.page).locator('.hs-reply').count()).toBe(0);
  });

  test('a key event the page makes up sends nothing', async () => {
    const open = await demo.currentId(workbench.page);
    await demo.buyerSays(workbench.page, open, '什么时候发货呀');
    await expect.poll(() => popup(workbench.page).isVisible()).toBe(true);
    await workbench.page.waitForTimeout(QUIET_MS);
    const before = await demo.thread(workbench.page, open);

    // What a hostile page script could do: a forged Alt+1 on the composer.
    await composer(workbench.page).evaluate((el) => {
      el.dispatchEvent(new KeyboardEvent('keydown', { code: 'Digit1', key: '1', altKey: true, bubbles: true }));
    });
    await workbench.page.waitForTimeout(QUIET_MS);
    expect(await demo.thread(workbench.page, open)).toHaveLength(before.length);
    await expect(popup(workbench.page).locator('.hs-reply').count()).resolves.toBeGreaterThan(0);
  });

  test('English: after the admin switches the language, the open popup and the next one speak English', async () => {
    const { page } = workbench;
    const open = await demo.currentId(page);
    await demo.buyerSays(page, open, '什么时候发货');
    await expect.poll(() => popup(page).isVisible()).toBe(true);

    const extensionId = new URL(page.context().serviceWorkers()[0].url()).host;
    const options = await page.context().newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const setLanguage = (language: Language) =>
      options.evaluate(
        (value) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime.sendMessage({ huashu: 1, type: 'saveSettings', payload: { language: value } }),
        language,
      );
    await setLanguage('en');
    try {
      await expect.poll(() => popup(page).locator('.hs-intent').textContent()).toContain('Buyer wants');
      await expect(popup(page).getByRole('button', { name: 'Send' }).count()).resolves.toBeGreaterThan(0);
      // Replies go to the buyer, so they stay Chinese.
      await expect(popup(page).locator('.hs-reply-text').first().textContent()).resolves.toContain('亲');
    } finally {
      await setLanguage('zh');
      await options.close();
    }
  });

  test('hostile buyer text is shown literally, never as HTML', async () => {
    const dialogs: string[] = [];
    workbench.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const open = await demo.currentId(workbench.page);
    const hostile = '<img src=x onerror=alert(1)> 什么时候发货';

    await demo.buyerSays(workbench.page, open, hostile);

    await expect.poll(() => popup(workbench.page).isVisible()).toBe(true);
    await expect(popup(workbench.page).locator('.hs-quote').textContent()).resolves.toContain(
      '<img src=x onerror=alert(1)>',
    );
    await expect(popup(workbench.page).locator('img').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });
});

describe('the conversation around a question', () => {
  test('a question followed at once by 好的 keeps the question’s suggestion', async () => {
    const open = await demo.currentId(workbench.page);
    // Both messages land before either answer is back: the second, with no request, must not erase the first.
    await workbench.page.evaluate(
      ([id]) => {
        window.demo.buyerSays(id, '我要改一下收货地址');
        window.demo.buyerSays(id, '好的');
      },
      [open] as const,
    );
    await expect.poll(() => popup(workbench.page).getAttribute('data-intent')).toBe('change_address');
    await workbench.page.waitForTimeout(QUIET_MS);
    await expect(popup(workbench.page).getAttribute('data-intent')).resolves.toBe('change_address');
  });

  test('在吗 after a question is read with it', async () => {
    const open = await demo.currentId(workbench.page);
    await demo.buyerSays(workbench.page, open, '我想取消订单');
    await expect.poll(() => popup(workbench.page).getAttribute('data-intent')).toBe('cancel_order');
    await demo.buyerSays(workbench.page, open, '在吗');
    await expect.poll(() => popup(workbench.page).locator('.hs-quote').textContent()).toContain('在吗');
    await expect(popup(workbench.page).getAttribute('data-intent')).resolves.toBe('cancel_order');
  });

  test('two requests in one message: the popup answers one and names the other', async () => {
    const open = await demo.currentId(workbench.page);
    await demo.buyerSays(workbench.page, open, '还没发货吗？顺便帮我开个发票');
    await expect.poll(() => popup(workbench.page).locator('.hs-second').textContent()).toMatch(/^还有一个问题：/);
  });
});

describe('buyers already waiting before Huashu started', () => {
  /** The fixture's buyers waiting on an unanswered question, and the question each gets a suggestion for. */
  const WAITING: Record<string, string> = {
    // Two unanswered messages: 能不能快点，急用 says nothing the engine is sure of, so the question before it stands.
    c02: '怎么还没发货？说好的48小时内发货，现在都超时了',
    c05: '照片在售后申请里上传了，什么时候能退款？',
  };

  test('the conversation open when the page loads gets a suggestion for its latest question, and nothing is sent', async () => {
    await workbench.load('c05');
    const before = await demo.thread(workbench.page, 'c05');

    await expect.poll(() => popup(workbench.page).locator('.hs-quote').textContent()).toContain(WAITING.c05);
    await expect(popup(workbench.page).locator('.hs-intent').textContent()).resolves.toContain('退款');
    await workbench.page.waitForTimeout(QUIET_MS);
    expect(await demo.thread(workbench.page, 'c05')).toEqual(before);
  });

  test('switching to a waiting buyer shows the suggestion for their latest question', async () => {
    await demo.open(workbench.page, 'c02');
    await expect.poll(() => popup(workbench.page).locator('.hs-quote').textContent()).toContain(WAITING.c02);
    await expect(popup(workbench.page).locator('.hs-intent').textContent()).resolves.toContain('什么时候发货');

    await demo.open(workbench.page, 'c05');
    await expect.poll(() => popup(workbench.page).locator('.hs-quote').textContent()).toContain(WAITING.c05);
  });

  test('Alt+J opens the longest-waiting buyer with the suggestion for their question', async () => {
    const longest = (await demo.conversations(workbench.page)).reduce((a, b) =>
      b.waitingSeconds > a.waitingSeconds ? b : a,
    );
    await composer(workbench.page).click();
    await workbench.page.keyboard.press('Alt+KeyJ');

    await expect.poll(() => demo.currentId(workbench.page)).toBe(longest.id);
    await expect
      .poll(() => popup(workbench.page).locator('.hs-quote').textContent())
      .toContain(WAITING[longest.id] ?? 'a question in WAITING');
  });
});
