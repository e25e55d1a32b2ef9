import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { errorText } from '@/lib/i18n/errors';
import type { SuggestRequest } from '@/lib/messages/background-map';
import { createSuggestService } from '@/lib/service/suggest';
import { MANAGED_CARD_KEY, MANAGED_PACK_KEY, type ManagedPolicy, readManagedPolicy } from '@/lib/store/managed';
import { effectiveSlot } from '@/lib/store/overlay';
import { createShopStore } from '@/lib/store/shop-store';
import { PACK_FORMAT, PACK_VERSION, type ReplyPack } from '@/lib/store/types';
import { asyncRefusal } from '@/tests/unit/message-helpers';
import { freshStore } from '@/tests/unit/store-helpers';

// 2024-11-25 12:00 in Shanghai.
const NOW = new Date('2024-11-25T04:00:00Z');
const ORDER_ID = '6921847302918374651';
const OFFICIAL_1 = 'ship_urge.awaiting_shipment.1';

function request(text: string): SuggestRequest {
  return {
    conversationId: 'c1',
    messageId: `m-${text}`,
    text,
    history: [],
    buyerName: '小雨',
    orders: [
      {
        id: ORDER_ID,
        product: '珊瑚绒睡衣',
        status: '待发货',
        paidAt: '2024-11-24T20:15:00+08:00',
        promiseShipBy: '2024-11-25T15:20:00+08:00',
      },
    ],
    chosenOrderId: ORDER_ID,
    capabilities: [],
  };
}

function managedPack(partial: Partial<ReplyPack>): ReplyPack {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    slots: [],
    disabledIntents: [],
    rules: [],
    settings: {},
    ...partial,
  };
}

async function serviceWith(options: Parameters<typeof freshStore>[0] = {}) {
  const fresh = await freshStore(options);
  const service = createSuggestService({ now: () => NOW, shop: fresh.store.snapshot });
  return { ...fresh, service };
}

describe('suggestions with the shop’s overlay', () => {
  test('without edits the popup gets the catalogue’s replies', async () => {
    const { service } = await serviceWith();
    const solution = service.suggest(request('什么时候发货'));
    expect(solution?.replies[0]).toMatchObject({ id: OFFICIAL_1, source: 'official' });
    expect(solution?.replies[0].text).toContain(ORDER_ID);
  });

  test('an edited reply is what the next buyer message gets, filled', async () => {
    const { store, service } = await serviceWith();
    await store.setOverride('ship_urge', 'awaiting_shipment', OFFICIAL_1, '{买家昵称}，订单{订单号}今天加急发出！');

    const solution = service.suggest(request('什么时候发货'));
    expect(solution?.replies[0]).toEqual({
      id: OFFICIAL_1,
      text: `小雨，订单${ORDER_ID}今天加急发出！`,
      source: 'shop',
    });
  });

  test('own replies follow the shop’s order', async () => {
    const { store, service } = await serviceWith();
    await store.addOwn('ship_urge', 'awaiting_shipment', '店铺话术：{商品}马上发');
    const ids = effectiveSlot(store.snapshot(), 'ship_urge', 'awaiting_shipment').map((reply) => reply.id);
    await store.reorder('ship_urge', 'awaiting_shipment', [ids.at(-1) as string, ...ids.slice(0, -1)]);

    expect(service.suggest(request('什么时候发货'))?.replies[0]).toMatchObject({ text: '店铺话术：珊瑚绒睡衣马上发' });
  });

  test('a disabled intent raises no suggestion', async () => {
    const { store, service } = await serviceWith();
    await store.setIntentEnabled('ship_urge', false);
    expect(service.suggest(request('什么时候发货'))).toBeNull();
  });

  test('a shop keyword rule and a built-in intent on one message: the intent’s replies first, the rule’s after', async () => {
    const { store, service } = await serviceWith();
    await store.saveRule({ keywords: ['发货'], reply: '亲，本店满99元包邮哦~', enabled: true });

    const solution = service.suggest(request('什么时候发货呀'));
    expect(solution?.intent).toBe('ship_urge');
    expect(solution?.replies.length).toBeLessThanOrEqual(3);
    expect(solution?.replies[0].id).toBe(OFFICIAL_1);
    expect(solution?.replies.at(-1)).toMatchObject({ text: '亲，本店满99元包邮哦~', source: 'shop' });
    expect(solution?.why.at(-1)).toContain('发货');
  });

  test('a disabled rule or one whose keywords are absent adds nothing', async () => {
    const { store, service } = await serviceWith();
    await store.saveRule({ keywords: ['发货'], reply: '关掉的规则', enabled: false });
    await store.saveRule({ keywords: ['赠品'], reply: '别的规则', enabled: true });
    const texts = service.suggest(request('什么时候发货'))?.replies.map((reply) => reply.text);
    expect(texts).not.toContain('关掉的规则');
    expect(texts).not.toContain('别的规则');
  });

  test('a message only a shop rule matches gets that rule’s reply, with no built-in intent claimed', async () => {
    const { store, service } = await serviceWith();
    await store.saveRule({ keywords: ['礼盒'], reply: '亲，{商品}可以免费礼盒包装哦~', enabled: true });

    const solution = service.suggest(request('可以用礼盒包装吗'));
    expect(solution).toMatchObject({
      intent: null,
      intentLabel: '店铺关键词规则',
      actions: [],
      node: 'awaiting_shipment',
    });
    expect(solution?.replies).toEqual([
      { id: expect.stringMatching(/^rule:/), text: '亲，珊瑚绒睡衣可以免费礼盒包装哦~', source: 'shop' },
    ]);
    expect(solution?.why[0]).toContain('礼盒');
    expect(service.suggest(request('你好'))).toBeNull();
  });

  test('a switched-off intent leaves the message to a matching shop rule', async () => {
    const { store, service } = await serviceWith();
    await store.saveRule({ keywords: ['发货'], reply: '亲，48小时内发货哦~', enabled: true });
    await store.setIntentEnabled('ship_urge', false);

    const solution = service.suggest(request('什么时候发货'));
    expect(solution?.intent).toBeNull();
    expect(solution?.replies.map((reply) => reply.text)).toEqual(['亲，48小时内发货哦~']);
  });

  test('settings come from the store', async () => {
    const { store, service } = await serviceWith();
    await store.saveSettings({ language: 'en' });
    expect(service.suggest(request('什么时候发货'))?.intentLabel).toBe('When will it ship');
  });
});

describe('precedence: managed > shop edits > official', () => {
  test('a managed override wins over the shop’s edit, and the shop cannot change it', async () => {
    const pack = managedPack({
      slots: [
        {
          intent: 'ship_urge',
          situation: 'awaiting_shipment',
          overrides: { [OFFICIAL_1]: '总部话术{订单号}' },
          own: [],
          order: [],
        },
      ],
    });
    const { store, service } = await serviceWith({ readManaged: async () => ({ replyPack: JSON.stringify(pack) }) });

    expect(service.suggest(request('什么时候发货'))?.replies[0].text).toBe(`总部话术${ORDER_ID}`);
    expect(await asyncRefusal(() => store.setOverride('ship_urge', 'awaiting_shipment', OFFICIAL_1, '本店改的'))).toBe(
      '这条话术由管理员统一下发，不能在此修改',
    );
    // The shop's edit of another reply still applies under the policy.
    await store.setOverride('ship_urge', 'awaiting_shipment', 'ship_urge.awaiting_shipment.2', '本店改的第二条');
    const slot = effectiveSlot(store.snapshot(), 'ship_urge', 'awaiting_shipment');
    expect(slot.slice(0, 2).map((reply) => [reply.origin, reply.text])).toEqual([
      ['managed', '总部话术{订单号}'],
      ['shop', '本店改的第二条'],
    ]);
  });

  test('managed own replies count towards the limit of two', async () => {
    const pack = managedPack({
      slots: [
        { intent: 'invoice', situation: 'none', overrides: {}, own: [{ id: 'own.hq', text: '总部自定义' }], order: [] },
      ],
    });
    const { store } = await serviceWith({ readManaged: async () => ({ replyPack: pack }) });
    await store.addOwn('invoice', 'none', '本店一');
    expect(await asyncRefusal(() => store.addOwn('invoice', 'none', '本店二'))).toBe(
      '每个订单节点最多添加 2 条自定义话术，请先删除一条',
    );
  });

  test('a managed disabled intent stays off whatever the shop does', async () => {
    const { store, service } = await serviceWith({
      readManaged: async () => ({ replyPack: managedPack({ disabledIntents: ['ship_urge'] }) }),
    });
    expect(service.suggest(request('什么时候发货'))).toBeNull();
    expect(await asyncRefusal(() => store.setIntentEnabled('ship_urge', true))).toBe(
      '该意图由管理员统一停用，不能在此启用',
    );
  });

  test('a slow policy does not hold up suggestions; its pack applies once it arrives', async () => {
    let answer: (value: ManagedPolicy) => void = () => {};
    const policy = new Promise<ManagedPolicy>((resolve) => {
      answer = resolve;
    });
    const { factory } = await freshStore();
    const store = await createShopStore({ factory, readManaged: () => policy });
    const service = createSuggestService({ now: () => NOW, shop: store.snapshot });

    expect(service.suggest(request('什么时候发货'))?.replies[0].source).toBe('official');
    answer({ replyPack: managedPack({ disabledIntents: ['ship_urge'] }) });
    await store.managedReady;
    expect(service.suggest(request('什么时候发货'))).toBeNull();
  });

  test('an invalid managed pack is ignored, local edits apply and the reason is kept', async () => {
    const { store, service } = await serviceWith({
      readManaged: async () => ({ replyPack: '{"format":"huashu-reply-pack","version":9}' }),
    });
    await store.setOverride('ship_urge', 'awaiting_shipment', OFFICIAL_1, '本店的');
    expect(store.snapshot().managed).toBeNull();
    expect(errorText(store.snapshot().managedError, 'zh')).toBe(
      '话术包版本 9 不受支持（当前支持版本 1），请用同一版本的话术助手导出',
    );
    expect(service.suggest(request('什么时候发货'))?.replies[0].text).toBe('本店的');
  });
});

describe('the managed policy in browser storage', () => {
  beforeEach(() => fakeBrowser.reset());

  test('reads the pack the policy holds, and nothing when there is no policy', async () => {
    await expect(readManagedPolicy()).resolves.toBeUndefined();
    const pack = JSON.stringify(managedPack({ disabledIntents: ['invoice'] }));
    await fakeBrowser.storage.managed.set({ [MANAGED_PACK_KEY]: pack });
    const { store } = await freshStore({ readManaged: readManagedPolicy });
    expect(store.snapshot().managed?.disabledIntents).toEqual(['invoice']);
  });

  test('reads the order confirmation card’s mode from its own key, with or without a pack', async () => {
    await fakeBrowser.storage.managed.set({ [MANAGED_CARD_KEY]: 'ask' });
    const { store } = await freshStore({ readManaged: readManagedPolicy });
    expect(store.snapshot().managed?.settings).toEqual({ orderPredictionCard: 'ask' });
  });
});

describe('what the engine adds to a suggestion', () => {
  const plain = createSuggestService({ now: () => NOW });

  test('two requests in one message: both named, the second in the popup’s words', () => {
    const solution = plain.suggest(request('还没发货吗？顺便帮我开个发票'));
    expect([solution?.intent, solution?.second?.intent]).toEqual(expect.arrayContaining(['ship_urge', 'invoice']));
    expect(solution?.second?.label).toMatch(/发货|发票/);
  });

  test('an upset buyer is urgent, and says why; a calm promise not to complain is not', () => {
    const upset = plain.suggest(request('你们是不是骗子啊'));
    expect(upset?.urgent).toBe(true);
    expect(upset?.intent).toBe('escalation');
    expect(upset?.why[0]).toBe('投诉/转人工的意思明确');
    expect(plain.suggest(request('东西挺好的，不会给差评的'))?.urgent ?? false).toBe(false);
  });

  test('a shouted request keeps its intent and turns urgent', () => {
    const shouted = plain.suggest(request('到底什么时候发货？？？'));
    expect(shouted?.intent).toBe('ship_urge');
    expect(shouted?.urgent).toBe(true);
  });

  test('the order’s state reaches the engine: a parcel question about an unshipped order is a shipping one', () => {
    // The buyer's only order has not shipped, so “到哪了” can only mean “when will it ship”.
    expect(plain.suggest(request('我的快递到哪了'))?.intent).toBe('ship_urge');
  });
});
