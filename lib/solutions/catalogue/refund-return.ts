import type { IntentCatalogue } from './types';

/** 退换货. */
export const refundReturn: IntentCatalogue = {
  intent: 'refund_return',
  nodes: {},
  none: {
    replies: [{ id: 'refund_return.none.1', text: '亲，麻烦您提供一下订单号，我帮您看看退换货怎么处理哦~' }],
    actions: [],
  },
};
