import { LATE_SHIPMENT_NOTICE } from '@/lib/solutions/catalogue/notices';
import type { IntentCatalogue } from '@/lib/solutions/catalogue/types';

const STOP_SHIPMENT_NOTICE = {
  zh: '买家申请退款后请及时处理，并通知仓库拦截，不要再发货。',
  en: 'Once the buyer asks for a refund, handle it promptly and tell the warehouse not to ship.',
};

/** 取消订单: before shipping the buyer can refund directly; after, only return or refusal works. */
export const cancelOrder: IntentCatalogue = {
  intent: 'cancel_order',
  nodes: {
    unpaid: {
      replies: [
        {
          id: 'cancel_order.unpaid.1',
          text: '亲，您的订单还没有付款，可以在订单页面直接取消哦，不会产生任何费用~',
        },
        {
          id: 'cancel_order.unpaid.2',
          text: '亲，如果是拍错了，直接取消后重新下单就可以啦，需要帮您推荐的话也可以告诉我~',
        },
      ],
      actions: ['send_order_card', 'open_order'],
    },
    awaiting_shipment: {
      replies: [
        {
          id: 'cancel_order.awaiting_shipment.1',
          text: '亲，您的订单还没有发货，可以在订单详情里申请退款，我们会尽快为您处理哦~',
        },
        {
          id: 'cancel_order.awaiting_shipment.2',
          text: '亲，请问是什么原因想取消呢？如果是规格拍错了，订单还没发货，我们也可以帮您修改哦~',
        },
      ],
      actions: ['open_order'],
      notices: [STOP_SHIPMENT_NOTICE],
    },
    overdue: {
      replies: [
        {
          id: 'cancel_order.overdue.1',
          text: '亲，非常抱歉让您久等了！您的订单还没有发出，可以在订单详情里申请退款，我们会尽快为您处理。',
        },
        {
          id: 'cancel_order.overdue.2',
          text: '亲，实在抱歉耽误了您的时间。如果您愿意再等等，订单会在{新发货时间}前发出；不想等的话直接申请退款就可以哦~',
        },
      ],
      actions: ['open_order'],
      notices: [LATE_SHIPMENT_NOTICE, STOP_SHIPMENT_NOTICE],
    },
    shipped: {
      replies: [
        {
          id: 'cancel_order.shipped.1',
          text: '亲，您的订单已经发出了，暂时无法直接取消哦~您可以拒收包裹，或收到后申请退货退款，我们收到退货后会尽快处理。',
        },
        {
          id: 'cancel_order.shipped.2',
          text: '亲，包裹刚发出，如果不需要了，可以在订单里申请退款，我们会尽量联系{快递公司}拦截~',
        },
      ],
      actions: ['send_logistics', 'open_order'],
    },
    in_transit: {
      replies: [
        {
          id: 'cancel_order.in_transit.1',
          text: '亲，您的包裹已经在路上了，无法直接取消哦~您可以拒收包裹，或收到后申请退货退款，我们收到退货后会尽快处理。',
        },
      ],
      actions: ['send_logistics', 'open_order'],
    },
    delivered: {
      replies: [
        {
          id: 'cancel_order.delivered.1',
          text: '亲，您的订单已经签收了，如果不想要了，可以在订单详情里申请退货退款，符合售后条件的我们会尽快为您处理~',
        },
      ],
      actions: ['open_order'],
    },
    after_sale: {
      replies: [
        {
          id: 'cancel_order.after_sale.1',
          text: '亲，您这笔订单已经有售后申请在处理中了，进度可以在订单详情里查看，有问题随时找我~',
        },
      ],
      actions: ['open_order'],
    },
    closed: {
      replies: [
        {
          id: 'cancel_order.closed.1',
          text: '亲，您的订单{订单号}已经关闭了，不需要再取消哦~如有已付款项，会按原支付方式退回，到账时间以支付渠道为准。',
        },
      ],
      actions: ['open_order'],
    },
  },
  none: {
    replies: [{ id: 'cancel_order.none.1', text: '亲，麻烦您提供一下要取消的订单号，我帮您查看订单状态哦~' }],
    actions: [],
  },
};
