import { describe, expect, it } from 'vitest';
import { PREDICTION_WEIGHTS, type PredictInput, predictOrder } from '@/lib/orders/predict';
import type { Order } from '@/lib/orders/types';

const NOW = new Date('2024-11-25T04:00:00Z'); // 12:00 Shanghai

// The demo workbench's first buyer: three orders in three states.
const dress: Order = {
  id: '6921847302918374651',
  product: '法式碎花雪纺连衣裙女夏季新款收腰显瘦中长款',
  status: '待发货',
  paidAt: '2024-11-23T12:00:00+08:00',
  promiseShipBy: '2024-11-25T16:00:00+08:00',
};
const nuts: Order = {
  id: '6921593046128837402',
  product: '每日坚果混合果仁 750g/30袋 零食礼盒',
  status: '运输中',
  paidAt: '2024-11-22T12:00:00+08:00',
  courier: '中通快递',
  trackingNo: '78452036917263',
};
const cleanser: Order = {
  id: '6920376518204937165',
  product: '氨基酸洁面乳 温和清洁控油 120g',
  status: '已签收',
  paidAt: '2024-11-15T12:00:00+08:00',
  courier: '圆通速递',
  trackingNo: 'YT7418529630174',
};
const orders = [dress, nuts, cleanser];

const predict = (fields: Partial<PredictInput>) =>
  predictOrder({ intent: 'ship_urge', text: '', history: [], orders, now: NOW, ...fields });
const top = (fields: Partial<PredictInput>) => predict(fields)[0];

describe('predictOrder', () => {
  it('returns nothing for a buyer without orders', () => {
    expect(predict({ orders: [] })).toEqual([]);
  });

  it('picks the only order, and says so', () => {
    const [only] = predict({ orders: [cleanser], text: '什么时候发货' });
    expect(only.orderId).toBe(cleanser.id);
    expect(only.reasons).toContain('买家只有这一个订单');
  });

  it('ranks every order, best first', () => {
    expect(predict({ text: '什么时候发货' }).map((prediction) => prediction.orderId)).toEqual([
      dress.id,
      nuts.id,
      cleanser.id,
    ]);
  });

  it('follows a full order number in the message over everything else', () => {
    const best = top({ text: `订单${cleanser.id}什么时候发货` });
    expect(best.orderId).toBe(cleanser.id);
    expect(best.score).toBeGreaterThanOrEqual(PREDICTION_WEIGHTS.fullId);
    expect(best.reasons).toContain(`消息里有订单号 ${cleanser.id}`);
  });

  it('follows the last four or more digits of an order number', () => {
    expect(top({ text: '尾号7402的那单发了吗' }).orderId).toBe(nuts.id);
    expect(top({ text: '尾号937165的那单发了吗' }).reasons).toContain('消息里有订单号尾号 937165');
  });

  it('gives its reasons in the UI language', () => {
    expect(top({ intent: 'logistics', text: '洁面乳到哪了', lang: 'en' }).reasons).toEqual([
      'Message names the product "洁面乳"',
    ]);
    expect(predict({ orders: [nuts], lang: 'en' })[0].reasons).toContain('The buyer has only this order');
  });

  it('reads full-width digits as digits', () => {
    expect(top({ text: '尾号７４０２的那单' }).orderId).toBe(nuts.id);
  });

  it('ignores three digits, which could be anything', () => {
    expect(top({ text: '165的那单什么时候发货' }).orderId).toBe(dress.id);
  });

  it('follows a product named in the message', () => {
    const best = top({ intent: 'logistics', text: '我买的洁面乳到哪了' });
    expect(best.orderId).toBe(cleanser.id);
    expect(best.reasons).toContain('消息提到商品「洁面乳」');
  });

  it('matches the piece of a long title a buyer actually says', () => {
    expect(top({ intent: 'logistics', text: '你好，我前天买的那条碎花裙子到哪了' }).orderId).toBe(dress.id);
  });

  it('weighs a product named earlier in the chat less than one named now', () => {
    const history = ['我买的坚果怎么样了'];
    expect(top({ intent: 'logistics', text: '洁面乳呢', history }).orderId).toBe(cleanser.id);
    const fromHistory = top({ intent: 'refund_return', text: '能退吗', history });
    expect(fromHistory.orderId).toBe(nuts.id);
    expect(fromHistory.reasons).toContain('聊天中提到过商品「坚果」');
  });

  it('counts a spec of four or more characters, but not a bare number or letter, as naming a product', () => {
    expect(top({ intent: 'escalation', text: '120g 的那个' }).orderId).toBe(cleanser.id);
    expect(top({ intent: 'escalation', text: '75 的那个' }).orderId).toBe(dress.id);
    expect(top({ intent: 'escalation', text: 'g 的那个' }).orderId).toBe(dress.id);
  });

  it.each([
    ['ship_urge', dress],
    ['logistics', nuts],
    ['quality_issue', cleanser],
    ['refund_return', cleanser],
    ['change_address', dress],
  ] as const)('prefers the order whose node fits %s', (intent, expected) => {
    expect(top({ intent, text: '在吗' }).orderId).toBe(expected.id);
  });

  it('treats overdue and on-time unshipped orders alike for ship_urge, leaving recency to decide', () => {
    const late: Order = {
      ...dress,
      id: '6921847302918370022',
      paidAt: '2024-11-20T12:00:00+08:00',
      promiseShipBy: '2024-11-25T10:00:00+08:00',
    };
    const ranked = predict({ orders: [late, dress], text: '什么时候发货' });
    expect(ranked[0].orderId).toBe(dress.id);
    expect(ranked[0].score - ranked[1].score).toBeLessThanOrEqual(PREDICTION_WEIGHTS.recency);
  });

  it('prefers an after-sale order for refund progress', () => {
    const refunding: Order = { ...nuts, id: '6921593046128830001', status: '售后中' };
    expect(top({ intent: 'refund_progress', text: '退款到哪一步了', orders: [...orders, refunding] }).orderId).toBe(
      refunding.id,
    );
  });

  it('breaks ties by the most recent payment, then by page order', () => {
    const olderTwin: Order = { ...dress, id: '6921847302918370001', paidAt: '2024-11-01T12:00:00+08:00' };
    expect(top({ orders: [olderTwin, dress], text: '在吗' }).orderId).toBe(dress.id);
    const unpaidA: Order = { id: '1111111111111111111', status: '待支付' };
    const unpaidB: Order = { id: '2222222222222222222', status: '待支付' };
    expect(top({ orders: [unpaidA, unpaidB], text: '在吗' }).orderId).toBe(unpaidA.id);
  });

  it('gives every order a reason-free but valid score when nothing matches', () => {
    const ranked = predict({ intent: 'escalation', text: '在吗', orders: [{ id: '1', status: '奇怪状态' }, dress] });
    expect(ranked).toHaveLength(2);
    expect(ranked.every((prediction) => Number.isFinite(prediction.score))).toBe(true);
  });
});
