import type { IntentCatalogue } from './types';

/** 退款进度. */
export const refundProgress: IntentCatalogue = {
  intent: 'refund_progress',
  nodes: {},
  none: {
    replies: [{ id: 'refund_progress.none.1', text: '亲，麻烦您提供一下订单号，我马上帮您查询退款进度哦~' }],
    actions: [],
  },
};
