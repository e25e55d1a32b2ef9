import type { IntentCatalogue } from './types';

/** 查询物流. */
export const logistics: IntentCatalogue = {
  intent: 'logistics',
  nodes: {},
  none: {
    replies: [{ id: 'logistics.none.1', text: '亲，麻烦您提供一下订单号，我马上帮您查询物流信息哦~' }],
    actions: [],
  },
};
