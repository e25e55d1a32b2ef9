import { describe, expect, test } from 'vitest';
import { effectiveSlot } from '@/lib/store/overlay';
import { diffShop, packData, parsePack, parsePackText } from '@/lib/store/pack';
import { PACK_FORMAT, PACK_VERSION } from '@/lib/store/types';
import { freshStore } from '@/tests/unit/store-helpers';

async function storeWithEdits() {
  const fresh = await freshStore();
  const { store } = fresh;
  await store.setOverride('ship_urge', 'awaiting_shipment', 'ship_urge.awaiting_shipment.1', '亲，{订单号}今天发出~');
  await store.addOwn('ship_urge', 'awaiting_shipment', '店铺自己的话术');
  await store.setIntentEnabled('discount', false);
  await store.saveRule({ keywords: ['赠品', '送什么'], reply: '亲，下单即送精美小样一份~', enabled: true });
  await store.saveSettings({ lateShipCompensationYuan: 5 });
  return fresh;
}

describe('reply packs', () => {
  test('export → JSON → import into another browser gives the same replies, rules and settings', async () => {
    const { store } = await storeWithEdits();
    const text = JSON.stringify(store.exportPack());

    const { store: other } = await freshStore();
    await other.importPack(parsePackText(text, 'zh'));

    expect(other.snapshot().local).toEqual(store.snapshot().local);
    expect(effectiveSlot(other.snapshot(), 'ship_urge', 'awaiting_shipment')).toEqual(
      effectiveSlot(store.snapshot(), 'ship_urge', 'awaiting_shipment'),
    );
    expect(other.snapshot().settings.lateShipCompensationYuan).toBe(5);
  });

  test.each([
    ['text that is not JSON', '{"format": "huashu-reply-pack", ', '文件不是有效的 JSON'],
    ['another program’s JSON', '{"name": "my-app", "version": "1.0.0"}', '这不是话术助手的话术包文件'],
    ['a newer version', JSON.stringify({ format: PACK_FORMAT, version: 2, slots: [] }), '话术包版本 2 不受支持'],
    [
      'an unknown intent',
      JSON.stringify({
        format: PACK_FORMAT,
        version: PACK_VERSION,
        slots: [{ intent: 'teleport', situation: 'none' }],
      }),
      '未知意图「teleport」',
    ],
    [
      'a node the intent has no replies for',
      JSON.stringify({
        format: PACK_FORMAT,
        version: PACK_VERSION,
        slots: [{ intent: 'ship_urge', situation: 'moon' }],
      }),
      '未知订单节点「moon」',
    ],
    [
      'three own replies',
      JSON.stringify({
        format: PACK_FORMAT,
        version: PACK_VERSION,
        slots: [
          {
            intent: 'ship_urge',
            situation: 'none',
            own: [
              { id: 'own.1', text: '一' },
              { id: 'own.2', text: '二' },
              { id: 'own.3', text: '三' },
            ],
          },
        ],
      }),
      '什么时候发货 · 无订单：自定义话术最多 2 条',
    ],
    [
      'an unknown variable',
      JSON.stringify({
        format: PACK_FORMAT,
        version: PACK_VERSION,
        slots: [{ intent: 'ship_urge', situation: 'none', overrides: { 'ship_urge.none.1': '{红包}' } }],
      }),
      '什么时候发货 · 无订单 官方话术 1：未知变量 {红包}',
    ],
    [
      'a rule without keywords',
      JSON.stringify({ format: PACK_FORMAT, version: PACK_VERSION, rules: [{ id: 'r1', keywords: [], reply: '好' }] }),
      '第 1 条关键词规则：请至少填写一个关键词',
    ],
  ])('refuses %s with a clear reason, and the shop keeps its replies', async (_name, text, reason) => {
    const { store } = await storeWithEdits();
    const before = store.snapshot();
    let pack: ReturnType<typeof parsePackText> | undefined;
    expect(() => {
      pack = parsePackText(text, 'zh');
    }).toThrow(reason);
    expect(pack).toBeUndefined();
    expect(store.snapshot()).toBe(before);
  });

  test('the preview lists what an import adds, changes and removes', async () => {
    const { store } = await storeWithEdits();
    const pack = store.exportPack();
    const ownId = pack.slots[0].own[0].id;
    pack.slots[0].overrides['ship_urge.awaiting_shipment.1'] = '改过的';
    pack.slots[0].own = [];
    pack.slots.push({
      intent: 'invoice',
      situation: 'none',
      overrides: { 'invoice.none.1': '新的发票话术' },
      own: [],
      order: [],
    });
    pack.disabledIntents = [];

    const changes = diffShop(store.snapshot().local, packData(parsePack(pack, 'zh')));

    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          change: 'change',
          area: 'reply',
          id: 'ship_urge.awaiting_shipment.1',
          after: '改过的',
        }),
        expect.objectContaining({ change: 'remove', area: 'own', id: ownId }),
        expect.objectContaining({ change: 'add', area: 'reply', id: 'invoice.none.1' }),
        expect.objectContaining({ change: 'change', area: 'intent', id: 'discount', after: 'enabled' }),
      ]),
    );
    expect(changes).toHaveLength(4);
  });

  test('an unchanged pack previews no changes', async () => {
    const { store } = await storeWithEdits();
    expect(diffShop(store.snapshot().local, packData(parsePack(store.exportPack(), 'zh')))).toEqual([]);
  });
});
