import { describe, expect, it } from 'vitest';
import type { Order } from '../../lib/orders/types';
import { type SolveInput, solve } from '../../lib/solutions/solve';
import { ACTION_IDS } from '../../lib/solutions/types';

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
