import type { IntentCatalogue } from './types';

/** 优惠价格. */
export const discount: IntentCatalogue = {
  intent: 'discount',
  nodes: {},
  none: {
    replies: [
      { id: 'discount.none.1', text: '亲，商品页面展示的就是当前的活动价哦，可以领取的优惠券也会在下单页自动显示~' },
    ],
    actions: [],
  },
};
