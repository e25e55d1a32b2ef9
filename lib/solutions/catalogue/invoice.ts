import type { IntentCatalogue } from './types';

/** 开发票. */
export const invoice: IntentCatalogue = {
  intent: 'invoice',
  nodes: {},
  none: {
    replies: [{ id: 'invoice.none.1', text: '亲，麻烦您提供一下订单号和开票信息（抬头、税号），我帮您登记开票哦~' }],
    actions: [],
  },
};
