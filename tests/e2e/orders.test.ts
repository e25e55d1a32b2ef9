import { afterEach, describe, expect, test } from 'vitest';
import { PREDICTION_CARD_TEXT } from '@/lib/orders/prediction-card';
import { type DemoConversation, demo, popup, useFreshWorkbench } from '@/tests/e2e/workbench';

const workbench = useFreshWorkbench();

/** The first conversation whose orders satisfy `wanted`, from the workbench's own data. */
async function conversationWhere(wanted: (conversation: DemoConversation) => boolean): Promise<DemoConversation> {
  const found = (await demo.conversations(workbench.page)).find(wanted);
  if (!found) throw new Error('the workbench fixture has no such conversation');
  return found;
}

const unshippedCount = (c: DemoConversation) => c.orders.filter((o) => o.status === '待发货').length;
/** A buyer with two orders not yet shipped, and no order card in the thread. */
const twoUnshipped = (c: DemoConversation) => unshippedCount(c) === 2;
/** One order waiting to ship and one on its way (c01, whose thread also holds a card and its confirmation). */
const confirmedOnScreen = (c: DemoConversation) =>
  unshippedCount(c) === 1 && c.orders.some((o) => o.status === '运输中');

const isOverdue = (order: DemoConversation['orders'][number]) =>
  order.status === '待发货' && Boolean(order.promiseShipBy) && Date.parse(order.promiseShipBy ?? '') < Date.now();

describe('order-aware solutions in the workbench', () => {
  test('an overdue order shows the compensation rule and apologetic replies', async () => {
    const buyer = await conversationWhere((c) => c.orders.some(isOverdue));
    const overdue = buyer.orders.find(isOverdue);
    await demo.open(workbench.page, buyer.id);

    await demo.buyerSays(workbench.page, buyer.id, '怎么还不发货？都超时了');

    await expect.poll(() => popup(workbench.page).isVisible()).toBe(true);
    await expect(popup(workbench.page).locator('.hs-order-id').textContent()).resolves.toBe(overdue?.id);
    await expect(popup(workbench.page).locator('.hs-tag').textContent()).resolves.toBe('超时未发货');
    const notice = await popup(workbench.page).locator('.hs-notice').allTextContents();
    expect(notice.join('')).toMatch(/3\s*元/);
    expect(notice.join('')).toContain('保证金');
    const replies = (await popup(workbench.page).locator('.hs-reply-text').allTextContents()).join('\n');
    expect(replies).toMatch(/抱歉|歉意|不好意思/);
    expect(replies).not.toMatch(/3\s*元/);
  });

  test('a shipped order answers 催发货 with its courier and tracking number', async () => {
    const buyer = await conversationWhere((c) => c.orders.length === 1 && c.orders[0].status === '已发货');
    const [order] = buyer.orders;
    await demo.open(workbench.page, buyer.id);

    await demo.buyerSays(workbench.page, buyer.id, '发货了吗');

    await expect.poll(() => popup(workbench.page).isVisible()).toBe(true);
    const replies = (await popup(workbench.page).locator('.hs-reply-text').allTextContents()).join('\n');
    expect(replies).toContain(order.courier ?? 'no courier in fixture');
    expect(replies).toContain(order.trackingNo ?? 'no tracking number in fixture');
  });

  test('several orders not yet shipped: one prediction card, said in the popup; the buyer picks another, the popup follows it', async () => {
    const buyer = await conversationWhere(twoUnshipped);
    const [predicted, other] = buyer.orders.filter((o) => o.status === '待发货');
    await demo.open(workbench.page, buyer.id);
    const before = (await demo.thread(workbench.page, buyer.id)).length;

    await demo.buyerSays(workbench.page, buyer.id, '什么时候发货');

    await expect
      .poll(async () =>
        (await demo.thread(workbench.page, buyer.id)).slice(before).map((m) => [m.from, m.kind, m.orderId ?? m.text]),
      )
      .toEqual([
        ['buyer', 'text', '什么时候发货'],
        ['agent', 'text', PREDICTION_CARD_TEXT],
        ['agent', 'order-card', predicted?.id],
      ]);
    await expect(popup(workbench.page).locator('.hs-order-id').textContent()).resolves.toBe(predicted?.id);
    await expect.poll(() => popup(workbench.page).textContent()).toContain('已自动发送订单确认卡片');

    await demo.buyerSendsOrder(workbench.page, buyer.id, other?.id ?? '');

    await expect.poll(() => popup(workbench.page).locator('.hs-order-id').textContent()).toBe(other?.id);

    await demo.buyerSays(workbench.page, buyer.id, '那什么时候能发');
    await expect.poll(() => popup(workbench.page).locator('.hs-quote').textContent()).toContain('那什么时候能发');
    const cards = (await demo.thread(workbench.page, buyer.id)).slice(before).filter((m) => m.kind === 'order-card');
    expect(cards.filter((m) => m.from === 'agent')).toHaveLength(1);
  });

  test('the buyer confirming the card keeps the predicted order', async () => {
    const buyer = await conversationWhere(twoUnshipped);
    await demo.open(workbench.page, buyer.id);
    await demo.buyerSays(workbench.page, buyer.id, '几天发货');
    await expect.poll(async () => (await demo.thread(workbench.page, buyer.id)).at(-1)?.kind).toBe('order-card');
    const predicted = (await demo.thread(workbench.page, buyer.id)).at(-1)?.orderId;

    expect(await demo.buyerConfirms(workbench.page, buyer.id)).toBe(true);

    await expect.poll(async () => (await demo.thread(workbench.page, buyer.id)).at(-1)?.kind).toBe('order-confirm');
    await expect(popup(workbench.page).locator('.hs-order-id').textContent()).resolves.toBe(predicted);
  });

  test.each([
    ['a quality complaint', twoUnshipped, '屏幕有裂痕'],
    // The case: this buyer's thread holds a card and the buyer's confirmation, and one order is on its way.
    ['a 催发货 from a buyer who already confirmed an order', confirmedOnScreen, '到底什么时候发货！！！'],
  ])('no card goes out for %s, and the popup still suggests', async (_case, wanted, text) => {
    const buyer = await conversationWhere(wanted);
    await demo.open(workbench.page, buyer.id);
    const before = (await demo.thread(workbench.page, buyer.id)).length;

    await demo.buyerSays(workbench.page, buyer.id, text);

    await expect.poll(() => popup(workbench.page).locator('.hs-quote').textContent()).toContain(text);
    // Time for an automatic send to have happened, had one been decided.
    await workbench.page.waitForTimeout(500);
    const after = (await demo.thread(workbench.page, buyer.id)).slice(before);
    expect(after.map((m) => m.from)).toEqual(['buyer']);
  });

  test('the send-logistics action puts the courier and tracking number into the thread', async () => {
    const buyer = await conversationWhere((c) => c.orders.length === 1 && c.orders[0].status === '运输中');
    const [order] = buyer.orders;
    await demo.open(workbench.page, buyer.id);

    await demo.buyerSays(workbench.page, buyer.id, '我的快递到哪了');
    await expect.poll(() => popup(workbench.page).isVisible()).toBe(true);
    await popup(workbench.page).locator('[data-action-id="send_logistics"]').click();

    await expect.poll(async () => (await demo.thread(workbench.page, buyer.id)).at(-1)?.from).toBe('agent');
    const sent = (await demo.thread(workbench.page, buyer.id)).at(-1)?.text ?? '';
    expect(sent).toContain(order.trackingNo ?? 'no tracking number in fixture');
    expect(sent).toContain(order.courier ?? 'no courier in fixture');
  });
});

/** The options page's words for each of the card's modes. */
const CARD_MODES = { auto: '自动发送', ask: '先问客服（弹窗中点击发送）', off: '关闭' } as const;

describe('the order confirmation card’s setting', () => {
  /** The admin picks a mode on the settings tab; the workbench loads again with it. */
  async function chooseCardMode(mode: keyof typeof CARD_MODES, open?: string) {
    const options = await workbench.page.context().newPage();
    await options.goto(`chrome-extension://${workbench.extensionId}/options.html`);
    await options.getByRole('button', { name: '设置', exact: true }).click();
    await options.getByLabel('订单确认卡片').selectOption({ label: CARD_MODES[mode] });
    await options.locator('.toast', { hasText: '已保存' }).waitFor();
    await options.close();
    modeChanged = mode !== 'auto';
    await workbench.load(open);
  }
  let modeChanged = false;

  afterEach(async () => {
    if (modeChanged) await chooseCardMode('auto');
  });

  const cardButton = () => popup(workbench.page).locator('[data-action-id="send_prediction_card"]');
  const agentMessages = async (id: string, from: number) =>
    (await demo.thread(workbench.page, id)).slice(from).filter((m) => m.from === 'agent');

  test('is automatic by default, but a 催发货 already on screen when the page loaded only gets the button; one click sends the card once', async () => {
    const buyer = await conversationWhere(twoUnshipped);
    await workbench.load(buyer.id);
    const before = (await demo.thread(workbench.page, buyer.id)).length;

    // The button is what Huashu decided instead of sending: nothing went to the buyer by itself.
    await expect.poll(() => cardButton().isVisible()).toBe(true);
    await expect(cardButton().textContent()).resolves.toBe('发送订单确认卡片');
    expect(await agentMessages(buyer.id, before)).toEqual([]);

    await cardButton().click();

    await expect
      .poll(async () => (await agentMessages(buyer.id, before)).map((m) => [m.kind, m.orderId ?? m.text]))
      .toEqual([
        ['text', PREDICTION_CARD_TEXT],
        ['order-card', await popup(workbench.page).locator('.hs-order-id').textContent()],
      ]);
    await expect.poll(() => popup(workbench.page).locator('.hs-status').textContent()).toContain('已发送订单确认卡片');
    await expect(cardButton().count()).resolves.toBe(0);

    // The next 催发货 in this conversation gets no second card, sent or offered.
    await demo.buyerSays(workbench.page, buyer.id, '什么时候发货');
    await expect.poll(() => popup(workbench.page).locator('.hs-quote').textContent()).toContain('什么时候发货');
    await workbench.page.waitForTimeout(500);
    expect(await agentMessages(buyer.id, before)).toHaveLength(2);
    await expect(cardButton().count()).resolves.toBe(0);
  });

  test('先问客服: a new 催发货 shows the button and sends nothing until the agent clicks it', async () => {
    const buyer = await conversationWhere(twoUnshipped);
    await chooseCardMode('ask');
    await demo.open(workbench.page, buyer.id);
    const before = (await demo.thread(workbench.page, buyer.id)).length;

    await demo.buyerSays(workbench.page, buyer.id, '什么时候发货');

    await expect.poll(() => popup(workbench.page).locator('.hs-quote').textContent()).toContain('什么时候发货');
    await expect.poll(() => cardButton().isVisible()).toBe(true);
    expect(await agentMessages(buyer.id, before)).toEqual([]);

    await cardButton().click();
    await expect
      .poll(async () => (await agentMessages(buyer.id, before)).map((m) => m.kind))
      .toEqual(['text', 'order-card']);
    await expect.poll(() => popup(workbench.page).locator('.hs-status').textContent()).toContain('已发送订单确认卡片');
  });

  test('关闭: a 催发货 gets its suggestion, and no card is sent or offered', async () => {
    const buyer = await conversationWhere(twoUnshipped);
    await chooseCardMode('off');
    await demo.open(workbench.page, buyer.id);
    const before = (await demo.thread(workbench.page, buyer.id)).length;

    await demo.buyerSays(workbench.page, buyer.id, '什么时候发货');

    await expect.poll(() => popup(workbench.page).locator('.hs-quote').textContent()).toContain('什么时候发货');
    // Time for an automatic send to have happened, had one been decided.
    await workbench.page.waitForTimeout(500);
    expect(await agentMessages(buyer.id, before)).toEqual([]);
    await expect(cardButton().count()).resolves.toBe(0);
    await expect(popup(workbench.page).locator('.hs-reply').count()).resolves.toBeGreaterThan(0);
  });
});
