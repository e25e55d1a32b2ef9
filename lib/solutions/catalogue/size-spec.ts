import type { IntentCatalogue } from '@/lib/solutions/catalogue/types';

/** 尺码规格: mostly asked before buying; once paid, a wrong size can still be changed before shipping. */
export const sizeSpec: IntentCatalogue = {
  intent: 'size_spec',
  nodes: {
    unpaid: {
      replies: [
        {
          id: 'size_spec.unpaid.1',
          text: '亲，麻烦您告诉我您的身高和体重，我帮您确认一下{商品}选哪个尺码合适哦~',
        },
        {
          id: 'size_spec.unpaid.2',
          text: '亲，商品详情页有详细的尺码表，您可以对照一下，拿不准的话随时问我~',
        },
      ],
      actions: ['send_order_card'],
    },
    awaiting_shipment: {
      replies: [
        {
          id: 'size_spec.awaiting_shipment.1',
          text: '亲，订单还没有发货，如果尺码或规格拍错了，告诉我新的规格，我们帮您修改哦~',
        },
        {
          id: 'size_spec.awaiting_shipment.2',
          text: '亲，麻烦您告诉我您的身高和体重，我帮您确认一下{商品}的尺码是否合适~',
        },
      ],
      actions: ['open_order'],
      notices: [
        {
          zh: '改规格请在发货前完成，并确认库存。',
          en: 'Change the variant before the order ships, and check stock.',
        },
      ],
    },
    delivered: {
      replies: [
        {
          id: 'size_spec.delivered.1',
          text: '亲，如果尺码不合适，可以在订单详情里申请换货，我们收到后会尽快为您换发合适的尺码~',
        },
        {
          id: 'size_spec.delivered.2',
          text: '亲，麻烦您告诉我您的身高体重和穿着感受，我帮您看看换哪个尺码更合适~',
        },
      ],
      actions: ['open_order'],
    },
  },
  anyOrder: {
    replies: [
      {
        id: 'size_spec.any.1',
        text: '亲，麻烦您告诉我您的身高和体重，我帮您看看{商品}哪个尺码更合适哦~',
      },
    ],
    actions: ['open_order'],
  },
  none: {
    replies: [
      { id: 'size_spec.none.1', text: '亲，麻烦您告诉我您的身高和体重，我帮您推荐合适的尺码哦~' },
      { id: 'size_spec.none.2', text: '亲，商品详情页有详细的尺码表，您可以对照一下，拿不准的话随时问我~' },
    ],
    actions: [],
  },
};
