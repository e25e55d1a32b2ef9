import { describe, expect, test } from 'vitest';
import { errorText } from '@/lib/i18n/errors';
import { openShopDb } from '@/lib/store/db';
import { type ManagedPolicy, readManagedValue } from '@/lib/store/managed';
import { effectiveSettings, effectiveSlot } from '@/lib/store/overlay';
import { diffShop, packData, parsePack, parsePackText } from '@/lib/store/pack';
import { PACK_FORMAT, PACK_VERSION } from '@/lib/store/types';
import { asyncRefusal, backgroundRequest, refusal } from '@/tests/unit/message-helpers';
import { freshStore } from '@/tests/unit/store-helpers';

const pack = (fields: Record<string, unknown>) =>
  JSON.stringify({ format: PACK_FORMAT, version: PACK_VERSION, ...fields });

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
    await other.importPack(parsePackText(text));

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
    let parsed: ReturnType<typeof parsePackText> | undefined;
    expect(
      refusal(() => {
        parsed = parsePackText(text);
      }),
    ).toContain(reason);
    expect(parsed).toBeUndefined();
    expect(store.snapshot()).toBe(before);
  });

  test.each([
    ['text that is not JSON', '{"format": "huashu-reply-pack", ', '文件不是有效的 JSON（第 1 行第 33 列），无法导入'],
    [
      'JSON broken on its third line',
      '{\n  "format": "huashu-reply-pack",\n  "version": 1,,\n}',
      '文件不是有效的 JSON（第 3 行第 16 列），无法导入',
    ],
    ['a file over 1 MB', ' '.repeat(1_000_001), '文件太大，不是话术包'],
    ['a newer version', pack({ version: 2 }), '话术包版本 2 不受支持（当前支持版本 1），请用同一版本的话术助手导出'],
    ['slots that are not a list', pack({ slots: {} }), 'slots：应为列表'],
    [
      'a slot without order',
      pack({ slots: [{ intent: 'invoice', situation: 'shipped' }] }),
      '第 1 组话术：未知订单节点「shipped」',
    ],
    [
      'a slot twice',
      pack({
        slots: [
          { intent: 'invoice', situation: 'none', own: [{ id: 'own.a', text: '一' }] },
          { intent: 'invoice', situation: 'none', own: [{ id: 'own.b', text: '二' }] },
        ],
      }),
      '开发票 · 无订单：重复出现',
    ],
    [
      'an official reply the catalogue lacks',
      pack({ slots: [{ intent: 'invoice', situation: 'none', overrides: { 'invoice.none.9': '好' } }] }),
      '开发票 · 无订单：没有官方话术 invoice.none.9',
    ],
    [
      'an own reply id without own.',
      pack({ slots: [{ intent: 'invoice', situation: 'none', own: [{ id: 'x', text: '好' }] }] }),
      '开发票 · 无订单 自定义话术 1：自定义话术编号应以 own. 开头',
    ],
    [
      'an over-long own reply',
      pack({ slots: [{ intent: 'invoice', situation: 'none', own: [{ id: 'own.a', text: '好'.repeat(501) }] }] }),
      '开发票 · 无订单 自定义话术 1：话术不能超过 500 个字（当前 501 个字）',
    ],
    [
      'an id used twice',
      pack({
        slots: [{ intent: 'invoice', situation: 'none', own: [{ id: 'own.a', text: '好' }] }],
        rules: [{ id: 'own.a', keywords: ['发票'], reply: '好' }],
      }),
      '第 1 条关键词规则：编号 own.a 重复',
    ],
    [
      'a rule whose reply is not text',
      pack({ rules: [{ id: 'r1', keywords: ['发票'], reply: 3 }] }),
      '第 1 条关键词规则：话术应为文字',
    ],
    [
      'a rule with a keyword too long',
      pack({ rules: [{ id: 'r1', keywords: ['长'.repeat(31)], reply: '好' }] }),
      `第 1 条关键词规则：关键词「${'长'.repeat(31)}」太长（最多 30 个字）`,
    ],
    [
      'a rule whose switch is not true or false',
      pack({ rules: [{ id: 'r1', keywords: ['发票'], reply: '好', enabled: 'yes' }] }),
      '第 1 条关键词规则：enabled 应为 true 或 false',
    ],
    ['an unknown disabled intent', pack({ disabledIntents: ['teleport'] }), 'disabledIntents：未知意图「teleport」'],
    [
      'compensation out of range',
      pack({ settings: { lateShipCompensationYuan: 1001 } }),
      'settings：补偿金额应在 0–1000 元之间',
    ],
  ])('words %s exactly, naming where it is', (_name, text, words) => {
    expect(refusal(() => parsePackText(text))).toBe(words);
  });

  test.each([
    [
      'a newer version',
      pack({ version: 2 }),
      'Reply pack version 2 is not supported (this version reads 1); export it again with the same Huashu version',
    ],
    [
      'three own replies',
      pack({
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
      'When will it ship · No order: at most 2 own replies',
    ],
    [
      'an unknown variable',
      pack({ slots: [{ intent: 'ship_urge', situation: 'none', overrides: { 'ship_urge.none.1': '{红包}' } }] }),
      'When will it ship · No order official reply 1: Unknown variable {红包}: pick one from the list',
    ],
    [
      'a rule without keywords',
      pack({ rules: [{ id: 'r1', keywords: [], reply: '好' }] }),
      'Keyword rule 1: Add at least one keyword',
    ],
  ])('words %s in English for an English admin', (_name, text, words) => {
    expect(refusal(() => parsePackText(text), 'en')).toBe(words);
  });

  test('a malformed pack sent to the background is refused whole and changes nothing', async () => {
    const { store, reopen } = await storeWithEdits();
    const before = store.snapshot().local;
    const bad = { ...store.exportPack(), rules: [{ id: 'r1', keywords: ['发票'], reply: '好' }, { id: 'r2' }] };
    expect(refusal(() => backgroundRequest('importPack', { pack: bad }))).toBe('第 2 条关键词规则：关键词应为文字列表');
    expect(store.snapshot().local).toEqual(before);
    expect((await reopen()).snapshot().local).toEqual(before);
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

    const changes = diffShop(store.snapshot().local, packData(parsePack(pack)));

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
    expect(diffShop(store.snapshot().local, packData(parsePack(store.exportPack())))).toEqual([]);
  });
});

describe('hostile packs', () => {
  const own = (text: string) =>
    pack({ slots: [{ intent: 'invoice', situation: 'none', own: [{ id: 'own.a', text }] }] });
  test.each([
    ['a right-to-left override', own('亲，\u202e发货了'), '第 3 个字是看不见的控制字符 U+202E'],
    ['a control character', own('亲\u0007'), '控制字符 U+0007'],
    ['bytes that were not text (U+FFFD)', own('亲\ufffd'), '控制字符 U+FFFD'],
  ])('a reply with %s is refused, naming where and which', (_name, text, reason) => {
    expect(refusal(() => parsePackText(text))).toContain('开发票 · 无订单 自定义话术 1：');
    expect(refusal(() => parsePackText(text))).toContain(reason);
  });

  test('a reply with a newline or tab is fine', () => {
    expect(() => parsePackText(own('亲，\n\t好的'))).not.toThrow();
  });

  test.each([['body'], ['html'], ['*'], [':root'], ['html > body'], ['body *'], ['.box, BODY']])(
    'the whole-page selector %s is refused',
    (selector) => {
      const text = pack({ selectorOverrides: { 'demo-workbench': { composer: [selector] } } });
      expect(refusal(() => parsePackText(text))).toContain('选中的是整个页面');
    },
  );

  test('a selector that only mentions body inside is fine', () => {
    const text = pack({ selectorOverrides: { 'demo-workbench': { composer: ['body .composer-input'] } } });
    expect(() => parsePackText(text)).not.toThrow();
  });

  test.each([
    ['an object for an intent', { intent: { a: 1 }, situation: 'none' }],
    ['a missing intent', { situation: 'none' }],
    ['null for a situation', { intent: 'invoice', situation: null }],
    ['an array for a situation', { intent: 'invoice', situation: [1, 2] }],
  ])('%s is named, never as 「undefined」 or 「[object Object]」', (_name, slot) => {
    const reason = refusal(() => parsePackText(pack({ slots: [slot] })));
    expect(reason).not.toMatch(/undefined|\[object Object\]/);
    expect(reason).toMatch(/intent|situation|意图|订单节点/);
  });

  test('a deeply nested payload is refused with a message, by the file and by the message path alike', () => {
    let nested: unknown = 'x';
    for (let level = 0; level < 100_000; level++) nested = [nested];
    const payload = { format: PACK_FORMAT, version: PACK_VERSION, slots: [], rules: [], junk: nested };
    expect(refusal(() => parsePack(payload))).toBe('文件嵌套太深（最多 10 层），不是话术包');
    expect(refusal(() => backgroundRequest('importPack', { pack: payload }))).toBe(
      '文件嵌套太深（最多 10 层），不是话术包',
    );
  });

  test('the message path refuses a pack over 1 MB as the file path does', () => {
    const payload = { format: PACK_FORMAT, version: PACK_VERSION, slots: [], note: 'x'.repeat(1_000_001) };
    expect(refusal(() => backgroundRequest('importPack', { pack: payload }))).toBe('文件太大，不是话术包');
  });
});

describe('the order confirmation card’s setting', () => {
  test('is automatic unless the shop chose; its mode travels in a pack to another browser', async () => {
    const { store } = await freshStore();
    expect(store.snapshot().settings.orderPredictionCard).toBe('auto');
    await store.saveSettings({ orderPredictionCard: 'ask' });
    const text = JSON.stringify(store.exportPack());

    const { store: other } = await freshStore();
    await other.importPack(parsePackText(text));
    expect(other.snapshot().settings.orderPredictionCard).toBe('ask');
  });

  test.each<[string, ManagedPolicy]>([
    ['the managed pack', { replyPack: pack({ settings: { orderPredictionCard: 'off' } }) }],
    ['its own policy key', { orderPredictionCard: 'off' }],
    // The key wins over the pack beside it.
    [
      'its own key beside a pack',
      { replyPack: pack({ settings: { orderPredictionCard: 'ask' } }), orderPredictionCard: 'off' },
    ],
  ])('the mode set by %s wins, and the agent cannot change it', async (_how, policy) => {
    const { store } = await freshStore({ readManaged: async () => policy });
    expect(effectiveSettings(store.snapshot()).orderPredictionCard).toBe('off');
    expect(store.snapshot().managedError).toBeNull();
    expect(await asyncRefusal(() => store.saveSettings({ orderPredictionCard: 'auto' }))).toBe(
      '该设置由管理员统一下发',
    );
  });

  test('an invalid mode in the policy is ignored and reported; the pack beside it still applies', () => {
    const read = readManagedValue({
      replyPack: pack({ settings: { lateShipCompensationYuan: 7 } }),
      orderPredictionCard: true,
    });
    expect(read.managed?.settings).toEqual({ lateShipCompensationYuan: 7 });
    expect(errorText(read.error, 'en')).toBe('The order confirmation card must be one of auto / ask / off');
  });

  test.each([
    [true, 'auto'],
    [false, 'off'],
  ] as const)('a pack or a saved setting from when it was a switch (%s) reads as %s', async (old, mode) => {
    expect(parsePackText(pack({ settings: { orderPredictionCard: old } })).settings.orderPredictionCard).toBe(mode);
    const { store, factory, reopen } = await freshStore();
    store.close();
    const db = await openShopDb(factory);
    await db.put('settings', { orderPredictionCard: old as never }, 'shop');
    db.close();
    expect((await reopen()).snapshot().settings.orderPredictionCard).toBe(mode);
  });

  test('any other mode is refused, naming the three', () => {
    expect(refusal(() => parsePackText(pack({ settings: { orderPredictionCard: 'sometimes' } })))).toBe(
      'settings：订单确认卡片应为 auto / ask / off 之一',
    );
    expect(refusal(() => backgroundRequest('saveSettings', { orderPredictionCard: 'on' }), 'en')).toBe(
      'The order confirmation card must be one of auto / ask / off',
    );
  });
});
