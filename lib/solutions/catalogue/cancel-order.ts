import type { IntentCatalogue } from './types';

/** 取消订单. */
export const cancelOrder: IntentCatalogue = {
  intent: 'cancel_order',
  nodes: {},
  none: {
    replies: [{ id: 'cancel_order.none.1', text: '亲，麻烦您提供一下要取消的订单号，我帮您查看订单状态哦~' }],
    actions: [],
  },
};
