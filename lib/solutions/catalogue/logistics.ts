import { LATE_SHIPMENT_NOTICE } from '@/lib/solutions/catalogue/notices';
import type { IntentCatalogue } from '@/lib/solutions/catalogue/types';

/** 查询物流: before shipping there is no tracking to give, so every node has its own answer. */
export const logistics: IntentCatalogue = {
  intent: 'logistics',
  nodes: {
    unpaid: {
      replies: [
        {
          id: 'logistics.unpaid.1',
          text: '亲，您的订单{订单号}还没有付款哦，付款后我们会尽快安排发货，发货后就能查看物流啦~',
        },
      ],
      actions: ['send_order_card', 'open_order'],
    },
    awaiting_shipment: {
      replies: [
        {
          id: 'logistics.awaiting_shipment.1',
          text: '亲，您的订单还在打包中，暂时还没有物流信息哦~会在{承诺发货时间}前为您发出，发货后物流会同步到订单里。',
        },
        {
          id: 'logistics.awaiting_shipment.2',
          text: '亲，{商品}正在为您安排发货，暂时还没有物流信息，发出后您可以在订单详情里查看哦~',
        },
      ],
      actions: ['send_order_card', 'open_order'],
    },
    overdue: {
      replies: [
        {
          id: 'logistics.overdue.1',
          text: '亲，非常抱歉，您的订单{订单号}还没有发出，所以暂时没有物流信息。我们已经为您加急，会在{新发货时间}前发出。',
        },
        {
          id: 'logistics.overdue.2',
          text: '亲，实在抱歉让您久等了，{商品}正在加急打包，{新发货时间}前为您发出，发货后物流信息会同步到订单里哦~',
        },
      ],
      actions: ['send_order_card', 'open_order'],
      notices: [LATE_SHIPMENT_NOTICE],
    },
    shipped: {
      replies: [
        {
          id: 'logistics.shipped.1',
          text: '亲，您的包裹已由{快递公司}发出，运单号{运单号}，物流信息可能稍有延迟，您可以在订单详情里查看最新进度哦~',
        },
        {
          id: 'logistics.shipped.2',
          text: '亲，您的订单已经发货啦，快递揽收后物流信息一般几个小时内就会更新，请您稍后在订单详情里查看哦~',
        },
      ],
      actions: ['send_logistics', 'copy_tracking_no'],
    },
    in_transit: {
      replies: [
        {
          id: 'logistics.in_transit.1',
          text: '亲，您的包裹正在运输途中，{快递公司}运单号{运单号}，您可以在订单详情里查看实时位置哦~',
        },
        {
          id: 'logistics.in_transit.2',
          text: '亲，您的包裹正在路上，会按快递时效尽快送达，派送前快递员会联系您，请您保持电话畅通哦~',
        },
        {
          id: 'logistics.in_transit.3',
          text: '亲，如果物流长时间没有更新，请告诉我，我们马上帮您联系{快递公司}核实~',
        },
      ],
      actions: ['send_logistics', 'copy_tracking_no'],
    },
    delivered: {
      replies: [
        {
          id: 'logistics.delivered.1',
          text: '亲，物流显示您的包裹已经签收了哦~如果没有收到，麻烦您先看看快递柜、驿站或问问家人，仍然找不到请告诉我，我们帮您联系{快递公司}核实。',
        },
        {
          id: 'logistics.delivered.2',
          text: '亲，您的订单显示已签收，如果您没有收到包裹，请告诉我，我们马上帮您核实处理~',
        },
      ],
      actions: ['send_logistics', 'copy_tracking_no'],
    },
    after_sale: {
      replies: [
        {
          id: 'logistics.after_sale.1',
          text: '亲，您的订单{订单号}正在售后处理中，寄回商品的物流您可以在售后详情里查看哦~',
        },
        {
          id: 'logistics.after_sale.2',
          text: '亲，这笔订单有售后正在处理，如需查询寄回的快递进度，麻烦您提供一下退货运单号，我帮您看看~',
        },
      ],
      actions: ['open_order'],
    },
    closed: {
      replies: [
        {
          id: 'logistics.closed.1',
          text: '亲，您的订单{订单号}已经关闭了，所以没有新的物流信息哦~如有疑问请随时告诉我。',
        },
        {
          id: 'logistics.closed.2',
          text: '亲，这笔订单已关闭，如果您还需要{商品}，可以重新下单，我们会尽快为您安排发货~',
        },
      ],
      actions: ['open_order'],
    },
  },
  none: {
    replies: [
      { id: 'logistics.none.1', text: '亲，麻烦您提供一下订单号，我马上帮您查询物流信息哦~' },
      { id: 'logistics.none.2', text: '亲，您可以在“我的订单”里找到要查询的订单发送给我，我帮您看看物流到哪了~' },
    ],
    actions: [],
  },
};
