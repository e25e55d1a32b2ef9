import type { IntentCatalogue } from './types';

/** 修改地址. */
export const changeAddress: IntentCatalogue = {
  intent: 'change_address',
  nodes: {},
  none: {
    replies: [{ id: 'change_address.none.1', text: '亲，麻烦您提供一下订单号和新的收货地址，我帮您看看能否修改哦~' }],
    actions: [],
  },
};
