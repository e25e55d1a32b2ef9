import type { IntentCatalogue } from './types';

/** 指定快递. */
export const courierChoice: IntentCatalogue = {
  intent: 'courier_choice',
  nodes: {},
  none: {
    replies: [{ id: 'courier_choice.none.1', text: '亲，麻烦您提供一下订单号，我帮您看看快递安排哦~' }],
    actions: [],
  },
};
