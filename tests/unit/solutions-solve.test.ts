import { describe, expect, it } from 'vitest';
import type { Order } from '@/lib/orders/types';
import { type SolveInput, solve } from '@/lib/solutions/solve';
import { ACTION_IDS } from '@/lib/solutions/types';

// 2024-11-25 12:00 in Shanghai.
const NOW = new Date('2024-11-25T04:00:00Z');

const awaiting: Order = {
  id: '6921847302918374651',
  product: '加厚珊瑚绒睡衣套装 粉色 L',
  amount: '¥89.00',
  status: '待发货',
  paidAt: '2024-11-24T20:15:00+08:00',
  promiseShipBy: '2024-11-25T15:20:00+08:00',
};
const overdue: Order = {
  id: '6921847302918370022',
  product: '无线蓝牙耳机 白色',
  amount: '¥199.00',
  status: '待发货',
  paidAt: '2024-11-22T09:00:00+08:00',
  promiseShipBy: '2024-11-25T10:00:00+08:00',
};
const shipped: Order = {
  id: '6921847302918361234',
  product: '陶瓷马克杯 两只装',
  amount: '¥45.00',
  status: '已发货',
  paidAt: '2024-11-20T10:00:00+08:00',
  promiseShipBy: '2024-11-21T18:00:00+08:00',
  courier: '中通快递',
  trackingNo: '78563412098765',
};

function input(overrides: Partial<SolveInput> = {}): SolveInput {
  return {
    conversationId: 'c1',
    messageId: 'm1',
    buyerName: '小雨',
    classification: { intent: 'ship_urge', confidence: 0.9, matched: ['什么时候发货'] },
    orders: [awaiting],
    text: '什么时候发货',
    history: [],
    now: NOW,
    lang: 'zh',
    capabilities: [...ACTION_IDS],
    settings: { lateShipCompensationYuan: 3 },
    ...overrides,
  };
}

describe('solve: ship_urge', () => {
  it('answers an order due today with its promised time and time left', () => {
    const solution = solve(input());
    expect(solution.node).toBe('awaiting_shipment');
    expect(solution.order?.id).toBe(awaiting.id);
    expect(solution.intentLabel).toBe('什么时候发货');
    expect(solution.replies.map((reply) => reply.text).join('\n')).toContain('11月25日 15:20');
    expect(solution.replies.map((reply) => reply.text).join('\n')).toContain('3小时20分');
    expect(solution.notices).toEqual(['承诺发货时间：11月25日 15:20（还剩 3小时20分）']);
    expect(solution.omitted).toEqual([]);
  });

  it('shows the late-shipment rule on an overdue order, and the replies apologise without promising the coupon', () => {
    const solution = solve(input({ orders: [overdue], settings: { lateShipCompensationYuan: 5 } }));
    expect(solution.node).toBe('overdue');
    expect(solution.notices).toHaveLength(1);
    expect(solution.notices[0]).toContain('已超过承诺发货时间（11月25日 10:00，已超时 2小时）');
    expect(solution.notices[0]).toContain('5 元优惠券');
    expect(solution.notices[0]).toContain('保证金');
    expect(solution.replies).toHaveLength(3);
    for (const reply of solution.replies) {
      expect(reply.text).toMatch(/抱歉/);
      expect(reply.text).toContain('今天 18:00');
      expect(reply.text).not.toMatch(/券|补偿|赔/);
    }
  });

  it('answers a shipped order with courier and tracking number, and enables the logistics actions', () => {
    const solution = solve(input({ orders: [shipped] }));
    expect(solution.node).toBe('shipped');
    expect(solution.replies[0].text).toContain('中通快递');
    expect(solution.replies[0].text).toContain('78563412098765');
    const logistics = solution.actions.find((action) => action.id === 'send_logistics');
    expect(logistics).toMatchObject({ enabled: true, orderId: shipped.id });
    expect(logistics?.payload).toContain('中通快递');
    expect(solution.actions.find((action) => action.id === 'copy_tracking_no')?.payload).toBe('78563412098765');
  });
});

describe('solve: picking the order', () => {
  const orders = [awaiting, overdue, shipped];

  it('follows the prediction when nobody has chosen, and lists the other orders', () => {
    const solution = solve(input({ orders, text: '耳机什么时候发货' }));
    expect(solution.order?.id).toBe(overdue.id);
    expect(solution.otherOrders.map((order) => order.id)).toEqual([awaiting.id, shipped.id]);
    expect(solution.why).toEqual(['什么时候发货', '消息提到商品「耳机」', '订单状态「待发货」符合问题']);
  });

  it('follows the order the buyer confirmed or the agent picked', () => {
    const solution = solve(input({ orders, text: '耳机什么时候发货', chosenOrderId: shipped.id }));
    expect(solution.order?.id).toBe(shipped.id);
    expect(solution.node).toBe('shipped');
    expect(solution.why).toEqual(['什么时候发货', '已确认为该订单']);
  });

  it('ignores a chosen id that is not one of the buyer’s orders', () => {
    expect(solve(input({ orders, chosenOrderId: '0000', text: '耳机呢' })).order?.id).toBe(overdue.id);
  });

  it('answers a buyer without orders with the intent’s general replies and disabled order actions', () => {
    const solution = solve(input({ orders: [] }));
    expect(solution.order).toBeNull();
    expect(solution.node).toBeNull();
    expect(solution.otherOrders).toEqual([]);
    expect(solution.replies[0].id).toBe('ship_urge.none.1');
    expect(solution.actions).toEqual([]);
  });

  it('warns the agent when the order status is unknown, and gives general replies', () => {
    const odd: Order = { ...awaiting, status: '部分发货' };
    const solution = solve(input({ orders: [odd] }));
    expect(solution.node).toBeNull();
    expect(solution.notices[0]).toBe('无法识别订单状态「部分发货」，以下为通用回复，请先核对订单。');
    expect(solution.replies[0].id).toBe('ship_urge.none.1');
  });
});

describe('solve: rendering', () => {
  it('reports the replies it left out and why', () => {
    const noPromise: Order = { ...awaiting, promiseShipBy: undefined };
    const solution = solve(input({ orders: [noPromise] }));
    expect(solution.replies.map((reply) => reply.id)).toEqual(['ship_urge.awaiting_shipment.3']);
    expect(solution.omitted).toEqual([
      { replyId: 'ship_urge.awaiting_shipment.1', reason: '缺少承诺发货时间' },
      { replyId: 'ship_urge.awaiting_shipment.2', reason: '承诺发货时间未知或已过' },
    ]);
    expect(solution.notices).toEqual([]);
  });

  it('writes labels, notices and reasons in the UI language, and replies in Chinese', () => {
    const solution = solve(input({ orders: [overdue], lang: 'en', capabilities: ['open_order'] }));
    expect(solution.intentLabel).toBe('When will it ship');
    expect(solution.notices[0]).toContain('3-yuan coupon');
    // The notice's times follow the UI language; no Chinese date or duration is left in the English line.
    expect(solution.notices[0]).toMatch(/\(\w{3} \d{1,2}, \d{2}:\d{2}, [\w ]+ late\)/);
    expect(solution.notices[0]).not.toMatch(/[月日时分]/);
    expect(solution.replies[0].text).toMatch(/^亲/);
    expect(solution.actions).toEqual([
      {
        id: 'send_order_card',
        label: 'Send order card',
        orderId: overdue.id,
        enabled: false,
        disabledReason: 'This page does not support this action',
      },
      { id: 'open_order', label: 'Open order', orderId: overdue.id, enabled: true },
    ]);
  });
});
