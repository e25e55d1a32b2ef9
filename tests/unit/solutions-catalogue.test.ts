import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INTENT_IDS } from '@/lib/intents/ids';
import { ORDER_NODES, type Order, type OrderNode } from '@/lib/orders/types';
import { ACTIONS } from '@/lib/solutions/actions';
import { CATALOGUE, type CatalogueEntry, catalogueEntry } from '@/lib/solutions/catalogue';
import { KNOWN_VARIABLES, templateVariables } from '@/lib/solutions/render';
import { solve } from '@/lib/solutions/solve';
import { ACTION_IDS } from '@/lib/solutions/types';

const NOW = new Date('2024-11-25T04:00:00Z'); // 12:00 Shanghai

/** Workbench-like orders, one per node: 19-digit ids, real couriers and tracking numbers. */
const ORDER_AT: Record<OrderNode, Order> = {
  unpaid: { id: '6921847302918374651', product: '法式碎花雪纺连衣裙', amount: '¥129.00', status: '待支付' },
  awaiting_shipment: {
    id: '6921847302918374652',
    product: '加厚珊瑚绒睡衣套装 粉色 L',
    amount: '¥89.00',
    status: '待发货',
    paidAt: '2024-11-24T20:15:00+08:00',
    promiseShipBy: '2024-11-26T20:15:00+08:00',
  },
  overdue: {
    id: '6921847302918370022',
    product: '无线蓝牙耳机 白色',
    amount: '¥199.00',
    status: '待发货',
    paidAt: '2024-11-22T09:00:00+08:00',
    promiseShipBy: '2024-11-24T09:00:00+08:00',
  },
  shipped: {
    id: '6921593046128837402',
    product: '每日坚果混合果仁 750g/30袋 零食礼盒',
    amount: '¥89.00',
    status: '已发货',
    paidAt: '2024-11-22T12:00:00+08:00',
    promiseShipBy: '2024-11-24T12:00:00+08:00',
    courier: '中通快递',
    trackingNo: '78452036917263',
  },
  in_transit: {
    id: '6921593046128831111',
    product: '陶瓷马克杯 两只装',
    amount: '¥45.00',
    status: '运输中',
    paidAt: '2024-11-21T12:00:00+08:00',
    promiseShipBy: '2024-11-23T12:00:00+08:00',
    courier: '顺丰速运',
    trackingNo: 'SF1402938475612',
  },
  delivered: {
    id: '6920376518204937165',
    product: '氨基酸洁面乳 温和清洁控油 120g',
    amount: '¥119.80',
    status: '已签收',
    paidAt: '2024-11-15T12:00:00+08:00',
    promiseShipBy: '2024-11-17T12:00:00+08:00',
    courier: '圆通速递',
    trackingNo: 'YT7418529630174',
  },
  after_sale: {
    id: '6920376518204931234',
    product: '纯棉四件套 1.8m床',
    amount: '¥259.00',
    status: '售后中',
    paidAt: '2024-11-10T12:00:00+08:00',
    courier: '韵达快递',
    trackingNo: '4312098765432',
  },
  closed: {
    id: '6920376518204930001',
    product: '保温杯 500ml',
    amount: '¥59.00',
    status: '已关闭',
    paidAt: '2024-11-05T12:00:00+08:00',
  },
};

/** The least an adapter may read for each node: id, status, and the promise only where the node needs it. */
const MINIMAL_ORDER_AT = Object.fromEntries(
  ORDER_NODES.map((node) => [
    node,
    {
      id: ORDER_AT[node].id,
      status: ORDER_AT[node].status,
      ...(node === 'overdue' ? { promiseShipBy: ORDER_AT.overdue.promiseShipBy } : {}),
    },
  ]),
) as Record<OrderNode, Order>;

const solveFor = (intent: (typeof INTENT_IDS)[number], order: Order | null) =>
  solve({
    conversationId: 'c01',
    messageId: 'm01',
    buyerName: '橙子不酸',
    classification: { intent, confidence: 0.9, matched: [] },
    orders: order ? [order] : [],
    text: '',
    history: [],
    now: NOW,
    lang: 'zh',
    capabilities: [...ACTION_IDS],
    settings: { lateShipCompensationYuan: 3 },
  });

const SITUATIONS = [...ORDER_NODES, 'none'] as const;
const BROKEN_TEXT = /[{}]|undefined|null|NaN/;

const entries = (): [string, string, CatalogueEntry][] =>
  INTENT_IDS.flatMap((intent) => {
    const catalogue = CATALOGUE[intent];
    const own = Object.entries(catalogue.nodes).map(
      ([node, entry]) => [intent, node, entry] as [string, string, CatalogueEntry],
    );
    const any = catalogue.anyOrder ? [[intent, 'any', catalogue.anyOrder] as [string, string, CatalogueEntry]] : [];
    return [...own, ...any, [intent, 'none', catalogue.none] as [string, string, CatalogueEntry]];
  });

describe('catalogue registry', () => {
  it.each(INTENT_IDS)('has a catalogue file for %s', (intent) => {
    const file = `../../lib/solutions/catalogue/${intent.replaceAll('_', '-')}.ts`;
    expect(existsSync(fileURLToPath(new URL(file, import.meta.url)))).toBe(true);
    expect(CATALOGUE[intent].intent).toBe(intent);
  });

  it.each(['ship_urge', 'logistics'] as const)('gives %s its own entry for every order node', (intent) => {
    expect(Object.keys(CATALOGUE[intent].nodes).sort()).toEqual([...ORDER_NODES].sort());
  });
});

describe('catalogue data', () => {
  it.each(entries())(
    '%s.%s has 1–3 replies with stable ids, known variables and actions',
    (intent, situation, entry) => {
      expect(entry.replies.length).toBeGreaterThanOrEqual(1);
      expect(entry.replies.length).toBeLessThanOrEqual(3);
      entry.replies.forEach((reply, index) => {
        expect(reply.id).toBe(`${intent}.${situation}.${index + 1}`);
        expect(reply.text.startsWith('亲')).toBe(true);
      });
      const templates = [
        ...entry.replies.map((reply) => reply.text),
        ...(entry.notices ?? []).flatMap((notice) => [notice.zh, notice.en]),
      ];
      for (const name of templates.flatMap(templateVariables)) expect(KNOWN_VARIABLES).toContain(name);
      for (const action of entry.actions) expect(ACTION_IDS).toContain(action);
    },
  );

  it('never reuses a reply id', () => {
    const ids = entries().flatMap(([, , entry]) => entry.replies.map((reply) => reply.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses only known variables in action payloads', () => {
    for (const action of Object.values(ACTIONS)) {
      for (const name of (action.payloads ?? []).flatMap(templateVariables)) expect(KNOWN_VARIABLES).toContain(name);
    }
  });

  it('never mentions the coupon in replies to a late order: the platform already gave it', () => {
    for (const [, situation, entry] of entries()) {
      if (situation !== 'overdue') continue;
      for (const reply of entry.replies) expect(reply.text).not.toMatch(/券|补偿|赔/);
    }
  });
});

describe('every intent × node renders from a workbench order', () => {
  const cases = INTENT_IDS.flatMap((intent) => SITUATIONS.map((situation) => [intent, situation] as const));

  it.each(cases)('%s × %s', (intent, situation) => {
    const order = situation === 'none' ? null : ORDER_AT[situation];
    const solution = solveFor(intent, order);
    expect(solution.node).toBe(situation === 'none' ? null : situation);
    expect(solution.replies.length).toBeGreaterThanOrEqual(1);
    expect(solution.replies.length).toBeLessThanOrEqual(3);
    expect(solution.omitted).toEqual([]);
    for (const reply of solution.replies) {
      expect(reply.text).not.toMatch(BROKEN_TEXT);
      expect(reply.text.length).toBeGreaterThanOrEqual(10);
      expect(reply.text.length).toBeLessThanOrEqual(120);
    }
    for (const notice of solution.notices) expect(notice).not.toMatch(BROKEN_TEXT);
    for (const action of solution.actions) expect(action.payload ?? '').not.toMatch(BROKEN_TEXT);
  });

  it.each(cases.filter(([, situation]) => situation !== 'none'))(
    '%s × %s still has a reply when the page shows only id and status',
    (intent, situation) => {
      const solution = solveFor(intent, MINIMAL_ORDER_AT[situation as OrderNode]);
      expect(solution.replies.length).toBeGreaterThanOrEqual(1);
      for (const reply of solution.replies) expect(reply.text).not.toMatch(BROKEN_TEXT);
    },
  );

  it('falls back to the general answer for an order whose status is unknown', () => {
    expect(catalogueEntry('invoice', true, null).situation).toBe('any');
    expect(catalogueEntry('ship_urge', true, null).situation).toBe('none');
    expect(catalogueEntry('ship_urge', false, 'shipped').situation).toBe('none');
  });
});
