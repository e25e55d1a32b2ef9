import { describe, expect, it } from 'vitest';
import type { Order } from '@/lib/orders/types';
import { ACTIONS, buildAction } from '@/lib/solutions/actions';
import type { RenderContext } from '@/lib/solutions/render';
import { ACTION_IDS } from '@/lib/solutions/types';

const shipped: Order = {
  id: '6921593046128837402',
  product: '每日坚果混合果仁 750g/30袋 零食礼盒',
  status: '运输中',
  courier: '中通快递',
  trackingNo: '78452036917263',
};

const context = (order: Order | null): RenderContext => ({
  order,
  now: new Date('2024-11-25T04:00:00Z'),
  settings: { lateShipCompensationYuan: 3 },
});
const all = [...ACTION_IDS];

describe('actions', () => {
  it('defines every action id with labels in both languages', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual([...ACTION_IDS].sort());
    for (const action of Object.values(ACTIONS)) {
      expect(action.label.zh && action.label.en).toBeTruthy();
    }
  });

  it('fills the logistics message with courier and tracking number', () => {
    expect(buildAction('send_logistics', context(shipped), all, 'zh')).toEqual({
      id: 'send_logistics',
      label: '发送物流信息',
      orderId: shipped.id,
      enabled: true,
      payload: '亲，您的包裹由中通快递配送，运单号78452036917263，您可以在订单详情里查看实时物流哦~',
    });
  });

  it('still sends the tracking number when the courier is unknown', () => {
    const action = buildAction('send_logistics', context({ ...shipped, courier: undefined }), all, 'zh');
    expect(action.enabled).toBe(true);
    expect(action.payload).toContain('78452036917263');
    expect(action.payload).not.toMatch(/[{}]|undefined/);
  });

  it('copies just the tracking number', () => {
    expect(buildAction('copy_tracking_no', context(shipped), all, 'zh').payload).toBe('78452036917263');
  });

  it('sends the order card and opens the order by id, with nothing to fill', () => {
    for (const id of ['send_order_card', 'open_order'] as const) {
      expect(buildAction(id, context(shipped), all, 'en')).toEqual({
        id,
        label: ACTIONS[id].label.en,
        orderId: shipped.id,
        enabled: true,
      });
    }
  });

  it.each(['send_logistics', 'copy_tracking_no'] as const)('disables %s without a tracking number', (id) => {
    const action = buildAction(id, context({ ...shipped, trackingNo: undefined }), all, 'zh');
    expect(action).toMatchObject({ enabled: false, disabledReason: '该订单暂无运单号' });
    expect(action.payload).toBeUndefined();
  });

  it('disables an action the page cannot do, whatever the order', () => {
    const action = buildAction('send_logistics', context(shipped), ['copy_tracking_no'], 'zh');
    expect(action).toMatchObject({ enabled: false, disabledReason: '当前页面不支持此操作' });
    expect(buildAction('open_order', context(shipped), [], 'en').disabledReason).toBe(
      'This page does not support this action',
    );
  });

  it('disables order actions when the buyer has no order', () => {
    expect(buildAction('send_order_card', context(null), all, 'zh')).toEqual({
      id: 'send_order_card',
      label: '发送订单卡片',
      enabled: false,
      disabledReason: '买家暂无订单',
    });
  });
});
