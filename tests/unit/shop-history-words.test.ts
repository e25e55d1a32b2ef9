import { describe, expect, test } from 'vitest';
import { changeWords } from '@/lib/shop-server/history';
import { diffShop } from '@/lib/store/pack';
import type { ShopData } from '@/lib/store/types';

const empty: ShopData = { slots: [], disabledIntents: [], rules: [], settings: {}, selectorOverrides: {} };
const slot = (overrides: Record<string, string>, own: { id: string; text: string }[] = []) => ({
  intent: 'ship_urge' as const,
  situation: 'awaiting_shipment' as const,
  overrides,
  own,
  order: [],
});

/** The lines the history shows for the change from `before` to `after`, as the server diffs them. */
const words = (before: ShopData, after: ShopData, language: 'zh' | 'en' = 'zh') =>
  diffShop(before, after).map((change) => changeWords(change, language));

describe("the library history's words", () => {
  test('an edited official reply names its place and both texts', () => {
    const first = { ...empty, slots: [slot({ 'ship.1': '亲，今天发出' })] };
    const second = { ...empty, slots: [slot({ 'ship.1': '亲，明天发出' })] };
    expect(words(first, second)).toEqual(['修改官方话术 · 什么时候发货 · 待发货：「亲，今天发出」→「亲，明天发出」']);
    expect(words(first, second, 'en')).toEqual([
      'Changed Official reply · When will it ship · Awaiting shipment: "亲，今天发出" → "亲，明天发出"',
    ]);
  });

  test('an official reply without its edit is the built-in text again; an own reply is added and removed', () => {
    const edited = { ...empty, slots: [slot({ 'ship.1': '亲，今天发出' })] };
    expect(words(edited, empty)).toEqual(['官方话术 · 什么时候发货 · 待发货恢复为内置话术（原为「亲，今天发出」）']);
    const own = { ...empty, slots: [slot({}, [{ id: 'own.1', text: '亲，顺丰包邮' }])] };
    expect(words(empty, own)).toEqual(['新增自定义话术 · 什么时候发货 · 待发货：「亲，顺丰包邮」']);
    expect(words(own, empty, 'en')).toEqual([
      'Removed Own reply · When will it ship · Awaiting shipment: "亲，顺丰包邮"',
    ]);
  });

  test('an intent switched off, a keyword rule and a setting are said in words', () => {
    const after: ShopData = {
      ...empty,
      disabledIntents: ['invoice'],
      rules: [{ id: 'rule.1', keywords: ['发票', '开票'], reply: '亲，发票随包裹寄出', enabled: true }],
      settings: { lateShipCompensationYuan: 5, orderPredictionCard: 'ask' },
    };
    expect(words(empty, after)).toEqual([
      '意图 · 开发票：停用',
      '新增关键词规则：「发票、开票 → 亲，发票随包裹寄出」',
      '新增超时发货补偿金额（元）：「5」',
      '新增订单确认卡片：「先问客服（弹窗中点击发送）」',
    ]);
  });
});
