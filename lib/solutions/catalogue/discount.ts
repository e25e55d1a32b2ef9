import type { IntentCatalogue } from '@/lib/solutions/catalogue/types';

const NO_PRICE_PROMISES = {
  zh: '价保、补差价、返现以平台和店铺规则为准，请勿口头承诺。',
  en: 'Price protection, refunds of the difference and cashback follow platform and shop rules: do not promise them.',
};

/** 优惠价格: before payment, point to the coupons; after, explain the price without promising a refund. */
export const discount: IntentCatalogue = {
  intent: 'discount',
  nodes: {
    unpaid: {
      replies: [
        {
          id: 'discount.unpaid.1',
          text: '亲，现在下单就是活动价哦~可以领取的店铺优惠券会在付款页面自动显示，别错过啦~',
        },
        {
          id: 'discount.unpaid.2',
          text: '亲，{商品}目前是活动价，库存有限，喜欢的话建议尽早付款哦~',
        },
      ],
      actions: ['send_order_card'],
      notices: [NO_PRICE_PROMISES],
    },
  },
  anyOrder: {
    replies: [
      {
        id: 'discount.any.1',
        text: '亲，您下单时的价格已经是当时的活动价哦~价格会随活动调整，还请您理解~',
      },
      {
        id: 'discount.any.2',
        text: '亲，关注店铺可以第一时间收到上新和活动通知，下次购物更优惠哦~',
      },
    ],
    actions: [],
    notices: [NO_PRICE_PROMISES],
  },
  none: {
    replies: [
      {
        id: 'discount.none.1',
        text: '亲，商品页面展示的就是当前的活动价哦，可以领取的优惠券会在下单页自动显示~',
      },
      { id: 'discount.none.2', text: '亲，关注店铺可以第一时间收到上新和活动通知，下次购物更优惠哦~' },
    ],
    actions: [],
    notices: [NO_PRICE_PROMISES],
  },
};
