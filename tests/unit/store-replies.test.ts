import { describe, expect, test } from 'vitest';
import { effectiveSlot, intentState } from '@/lib/store/overlay';
import { MAX_REPLY_CHARS } from '@/lib/store/types';
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

    await expect(store.addOwn('ship_urge', 'awaiting_shipment', '自定义三')).rejects.toThrow(
      '每个订单节点最多添加 2 条自定义话术',
    );
    // Another node has its own limit.
    await store.addOwn('ship_urge', 'overdue', '超时的自定义');

    const again = await reopen();
    const own = effectiveSlot(again.snapshot(), 'ship_urge', 'awaiting_shipment').filter((r) => r.kind === 'own');
    expect(own.map((reply) => reply.text)).toEqual(['自定义一', '自定义二']);
  });

  test.each([
    ['empty text', '   ', '话术内容不能为空'],
    ['over 500 characters', '好'.repeat(MAX_REPLY_CHARS + 1), '不能超过 500 个字'],
    ['an unknown variable', '亲，{优惠券}已发放', '未知变量 {优惠券}'],
    ['an unpaired brace', '亲，{订单号 已发货', '花括号不成对'],
  ])('a reply with %s is refused and nothing changes', async (_name, text, reason) => {
    const { store, reopen } = await freshStore();
    await store.setOverride('ship_urge', 'awaiting_shipment', OFFICIAL_1, '先前的修改');
    const before = store.snapshot();

    await expect(store.setOverride('ship_urge', 'awaiting_shipment', OFFICIAL_1, text)).rejects.toThrow(reason);
    await expect(store.addOwn('ship_urge', 'awaiting_shipment', text)).rejects.toThrow(reason);

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
    await expect(
      store.setOverride('ship_urge', 'awaiting_shipment', 'ship_urge.awaiting_shipment.9', '好'),
    ).rejects.toThrow('没有这条官方话术');
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
    await expect(store.reorder('ship_urge', 'shipped', [ids[0], ids[0]])).rejects.toThrow('话术列表已变化');
  });

  test('disabling an intent is stored', async () => {
    const { store, reopen } = await freshStore();
    await store.setIntentEnabled('invoice', false);
    const again = await reopen();
    expect(intentState(again.snapshot(), 'invoice').enabled).toBe(false);
    await again.setIntentEnabled('invoice', true);
    expect(intentState(again.snapshot(), 'invoice').enabled).toBe(true);
  });

  test('error messages follow the UI language', async () => {
    const { store } = await freshStore();
    await store.saveSettings({ language: 'en' });
    await expect(store.addOwn('invoice', 'none', '')).rejects.toThrow('The reply is empty');
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
