import { describe, expect, test } from 'vitest';
import { effectiveSlot, intentState } from '@/lib/store/overlay';
import { MAX_REPLY_CHARS } from '@/lib/store/types';
import { asyncRefusal, backgroundRequest, refusal } from '@/tests/unit/message-helpers';
import { freshStore } from '@/tests/unit/store-helpers';

const OFFICIAL_1 = 'ship_urge.awaiting_shipment.1';

describe('shop replies in the store', () => {
  test('an edited official reply replaces the catalogue text and survives a restart; restore brings the official back', async () => {
    const { store, reopen } = await freshStore();
    await store.setOverride('ship_urge', 'awaiting_shipment', OFFICIAL_1, '亲，订单{订单号}今天发出~');

    const again = await reopen();
    const [first] = effectiveSlot(again.snapshot(), 'ship_urge', 'awaiting_shipment');
    expect(first).toMatchObject({ id: OFFICIAL_1, text: '亲，订单{订单号}今天发出~', origin: 'shop' });

    await again.restoreOfficial('ship_urge', 'awaiting_shipment', OFFICIAL_1);
    const [restored] = effectiveSlot(again.snapshot(), 'ship_urge', 'awaiting_shipment');
    expect(restored.origin).toBe('official');
    expect(restored.text).toBe(restored.officialText);
  });

  test('two own replies per intent and node; the third is refused with the reason and not stored', async () => {
    const { store, reopen } = await freshStore();
    await store.addOwn('ship_urge', 'awaiting_shipment', '自定义一');
    await store.addOwn('ship_urge', 'awaiting_shipment', '自定义二');

    expect(await asyncRefusal(() => store.addOwn('ship_urge', 'awaiting_shipment', '自定义三'))).toBe(
      '每个订单节点最多添加 2 条自定义话术，请先删除一条',
    );
    // Another node has its own limit.
    await store.addOwn('ship_urge', 'overdue', '超时的自定义');

    const again = await reopen();
    const own = effectiveSlot(again.snapshot(), 'ship_urge', 'awaiting_shipment').filter((r) => r.kind === 'own');
    expect(own.map((reply) => reply.text)).toEqual(['自定义一', '自定义二']);
  });

  test.each([
    ['empty text', '   ', '话术内容不能为空'],
    ['over 500 characters', '好'.repeat(MAX_REPLY_CHARS + 1), '话术不能超过 500 个字（当前 501 个字）'],
    ['an unknown variable', '亲，{优惠券}已发放', '未知变量 {优惠券}，请从变量列表中选择'],
    ['an unpaired brace', '亲，{订单号 已发货', '花括号不成对：变量请写成 {订单号} 这样的形式'],
  ])('a reply with %s is refused and nothing changes', async (_name, text, reason) => {
    const { store, reopen } = await freshStore();
    await store.setOverride('ship_urge', 'awaiting_shipment', OFFICIAL_1, '先前的修改');
    const before = store.snapshot();

    expect(await asyncRefusal(() => store.setOverride('ship_urge', 'awaiting_shipment', OFFICIAL_1, text))).toBe(
      reason,
    );
    expect(await asyncRefusal(() => store.addOwn('ship_urge', 'awaiting_shipment', text))).toBe(reason);

    expect(store.snapshot()).toBe(before);
    const again = await reopen();
    expect(again.snapshot().local).toEqual(before.local);
  });

  test('exactly 500 characters is accepted', async () => {
    const { store } = await freshStore();
    await store.addOwn('invoice', 'none', '票'.repeat(MAX_REPLY_CHARS));
    expect(effectiveSlot(store.snapshot(), 'invoice', 'none').at(-1)?.text).toHaveLength(MAX_REPLY_CHARS);
  });

  test('refuses a reply id the catalogue does not have', async () => {
    const { store } = await freshStore();
    expect(
      await asyncRefusal(() =>
        store.setOverride('ship_urge', 'awaiting_shipment', 'ship_urge.awaiting_shipment.9', '好'),
      ),
    ).toBe('没有这条官方话术');
  });

  test('deleting an own reply frees its place; reordering is kept', async () => {
    const { store } = await freshStore();
    await store.addOwn('ship_urge', 'shipped', '一');
    await store.addOwn('ship_urge', 'shipped', '二');
    const ids = effectiveSlot(store.snapshot(), 'ship_urge', 'shipped').map((reply) => reply.id);
    await store.reorder('ship_urge', 'shipped', [...ids].reverse());
    expect(effectiveSlot(store.snapshot(), 'ship_urge', 'shipped').map((reply) => reply.id)).toEqual(
      [...ids].reverse(),
    );

    await store.deleteOwn('ship_urge', 'shipped', ids.at(-1) as string);
    await store.addOwn('ship_urge', 'shipped', '三');
    const texts = effectiveSlot(store.snapshot(), 'ship_urge', 'shipped').map((reply) => reply.text);
    expect(texts).toContain('三');
    expect(texts).not.toContain('二');
  });

  test('a reorder that does not name every reply exactly once is refused', async () => {
    const { store } = await freshStore();
    const ids = effectiveSlot(store.snapshot(), 'ship_urge', 'shipped').map((reply) => reply.id);
    expect(await asyncRefusal(() => store.reorder('ship_urge', 'shipped', [ids[0], ids[0]]))).toBe(
      '话术列表已变化，请刷新后重试',
    );
  });

  test('disabling an intent is stored', async () => {
    const { store, reopen } = await freshStore();
    await store.setIntentEnabled('invoice', false);
    const again = await reopen();
    expect(intentState(again.snapshot(), 'invoice').enabled).toBe(false);
    await again.setIntentEnabled('invoice', true);
    expect(intentState(again.snapshot(), 'invoice').enabled).toBe(true);
  });

  test('a refusal is worded in the language of the page that shows it, whatever the store’s setting', async () => {
    const { store } = await freshStore();
    expect(await asyncRefusal(() => store.addOwn('invoice', 'none', ''), 'en')).toBe('The reply is empty');
    await store.saveSettings({ language: 'en' });
    expect(await asyncRefusal(() => store.addOwn('invoice', 'none', ''), 'zh')).toBe('话术内容不能为空');
    expect(await asyncRefusal(() => store.addOwn('invoice', 'none', '好'.repeat(501)), 'en')).toBe(
      'A reply may have at most 500 characters (this one has 501)',
    );
  });

  test('settings out of range are refused with the range, by the request map and by the store alike', async () => {
    const { store } = await freshStore();
    const request = (patch: unknown) => () => backgroundRequest('saveSettings', patch);
    expect(refusal(request({ lateShipCompensationYuan: 1001 }))).toBe('补偿金额应在 0–1000 元之间');
    expect(refusal(request({ lateShipCompensationYuan: -1 }), 'en')).toBe('Compensation must be 0–1000 yuan');
    expect(refusal(request({ slowReplyThresholdSeconds: 9 }))).toBe('慢回复提醒时间应为 10–1800 秒的整数');
    expect(request({ lateShipCompensationYuan: 1000, slowReplyThresholdSeconds: 1800 })()?.payload).toEqual({
      lateShipCompensationYuan: 1000,
      slowReplyThresholdSeconds: 1800,
    });
    expect(await asyncRefusal(() => store.saveSettings({ lateShipCompensationYuan: Number.NaN }))).toBe(
      '补偿金额应在 0–1000 元之间',
    );
    expect(await asyncRefusal(() => store.saveSettings({ slowReplyThresholdSeconds: 1801 }), 'en')).toBe(
      'The slow-reply alert needs whole seconds, 10–1800',
    );
    expect(store.snapshot().settings.lateShipCompensationYuan).toBe(3);
  });

  test('hit counts are kept in memory at once and written shortly after', async () => {
    const { store, reopen } = await freshStore({ hitFlushMs: 5 });
    store.countHit('ship_urge');
    store.countHit('ship_urge');
    expect(store.snapshot().hits.ship_urge).toBe(2);
    await store.flushHits();
    const again = await reopen();
    expect(again.snapshot().hits.ship_urge).toBe(2);
  });
});

describe('two admins editing the same reply', () => {
  const slotText = (snapshot: Parameters<typeof effectiveSlot>[0], id: string) =>
    effectiveSlot(snapshot, 'ship_urge', 'awaiting_shipment').find((reply) => reply.id === id)?.text;

  test('a save that started from an older text is refused with both texts, and the newer one stays', async () => {
    const { store } = await freshStore();
    const official = slotText(store.snapshot(), OFFICIAL_1) ?? '';
    // Both open the editor on the official text; A saves first.
    await store.setOverride('ship_urge', 'awaiting_shipment', OFFICIAL_1, '亲，A 的版本', official);
    const refused = await store
      .setOverride('ship_urge', 'awaiting_shipment', OFFICIAL_1, '亲，B 的版本', official)
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'replyConflict', params: { theirs: '亲，A 的版本', yours: '亲，B 的版本' } });
    expect(slotText(store.snapshot(), OFFICIAL_1)).toBe('亲，A 的版本');
    // B chose to keep theirs over A's: saved from A's text, it goes through.
    await store.setOverride('ship_urge', 'awaiting_shipment', OFFICIAL_1, '亲，B 的版本', '亲，A 的版本');
    expect(slotText(store.snapshot(), OFFICIAL_1)).toBe('亲，B 的版本');
  });

  test('the same holds for the shop’s own replies; a retried save that went through is no conflict', async () => {
    const { store } = await freshStore();
    await store.addOwn('ship_urge', 'awaiting_shipment', '原文');
    const own = effectiveSlot(store.snapshot(), 'ship_urge', 'awaiting_shipment').find((r) => r.kind === 'own');
    const id = own?.id ?? '';
    await store.updateOwn('ship_urge', 'awaiting_shipment', id, '改一', '原文');
    // The answer was lost; the page sends the same save again.
    await store.updateOwn('ship_urge', 'awaiting_shipment', id, '改一', '原文');
    expect(
      await store.updateOwn('ship_urge', 'awaiting_shipment', id, '改二', '原文').catch((error: unknown) => error),
    ).toMatchObject({ code: 'replyConflict', params: { theirs: '改一' } });
    expect(slotText(store.snapshot(), id)).toBe('改一');
  });

  test('an add retried with its request id adds one reply', async () => {
    const { store } = await freshStore();
    const requestId = '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
    await store.addOwn('ship_urge', 'awaiting_shipment', '新话术', requestId);
    await store.addOwn('ship_urge', 'awaiting_shipment', '新话术', requestId);
    const own = effectiveSlot(store.snapshot(), 'ship_urge', 'awaiting_shipment').filter((r) => r.kind === 'own');
    expect(own.map((reply) => reply.text)).toEqual(['新话术']);
  });
});
