import { LATE_SHIPMENT_NOTICE } from '@/lib/solutions/catalogue/notices';
import type { IntentCatalogue } from '@/lib/solutions/catalogue/types';

/** 什么时候发货: the answer depends entirely on where the order stands, so every node has its own. */
export const shipUrge: IntentCatalogue = {
  intent: 'ship_urge',
  nodes: {
    unpaid: {
      replies: [
        {
          id: 'ship_urge.unpaid.1',
          text: '亲，您的订单{订单号}还没有付款哦~付款成功后我们会尽快为您安排发货，您可以在订单页面完成支付。',
        },
        {
          id: 'ship_urge.unpaid.2',
          text: '亲，订单付款后仓库就会安排打包，{商品}库存有限，建议您尽早付款哦~',
        },
      ],
      actions: ['send_order_card', 'open_order'],
    },
    awaiting_shipment: {
      replies: [
        {
          id: 'ship_urge.awaiting_shipment.1',
          text: '亲，您的订单{订单号}正在排队打包中，会在{承诺发货时间}前为您发出，请您放心~',
        },
        {
          id: 'ship_urge.awaiting_shipment.2',
          text: '亲，{商品}正在为您加紧安排，距承诺发货时间还有{剩余时间}，发出后物流信息会同步到订单里哦~',
        },
        {
          id: 'ship_urge.awaiting_shipment.3',
          text: '亲，您的订单我们已经收到啦，仓库会按付款顺序尽快发出，发货后您可以在订单详情里查看物流，请您耐心等待一下哦~',
        },
      ],
      actions: ['send_order_card', 'open_order'],
      notices: [
        {
          zh: '承诺发货时间：{承诺发货时间}（还剩 {剩余时间}）',
          en: 'Promised ship-by: {承诺发货时间} ({剩余时间} left)',
        },
      ],
    },
    overdue: {
      // Apologise and give a concrete time; never mention the coupon: the platform already gave it.
      replies: [
        {
          id: 'ship_urge.overdue.1',
          text: '亲，非常抱歉让您久等了！您的订单{订单号}没能按时发出，我们已经为您加急处理，会在{新发货时间}前发出，发货后物流信息会同步到订单里。',
        },
        {
          id: 'ship_urge.overdue.2',
          text: '亲，实在抱歉，{商品}没有按时发货是我们的问题。已经催促仓库优先打包，{新发货时间}前为您发出，给您添麻烦了~',
        },
        {
          id: 'ship_urge.overdue.3',
          text: '亲，给您带来不便真的很抱歉，您的订单已标记为加急，{新发货时间}前安排发出，发货后您可以在订单详情里查看物流哦~',
        },
      ],
      actions: ['send_order_card', 'open_order'],
      notices: [LATE_SHIPMENT_NOTICE],
    },
    shipped: {
      replies: [
        {
          id: 'ship_urge.shipped.1',
          text: '亲，您的订单已经发货啦~由{快递公司}配送，运单号{运单号}，您可以在订单详情里查看物流进度哦。',
        },
        {
          id: 'ship_urge.shipped.2',
          text: '亲，{商品}已经发出了，物流信息更新可能会有些延迟，请您留意订单里的物流动态，耐心等待一下哦~',
        },
      ],
      actions: ['send_logistics', 'copy_tracking_no'],
    },
    in_transit: {
      replies: [
        {
          id: 'ship_urge.in_transit.1',
          text: '亲，您的包裹已经在路上啦~{快递公司}运单号{运单号}，您可以在订单详情里查看实时物流哦。',
        },
        {
          id: 'ship_urge.in_transit.2',
          text: '亲，您的订单已经发货，正在运输途中，快递会按时效尽快送达，请您留意快递员的电话哦~',
        },
      ],
      actions: ['send_logistics', 'copy_tracking_no'],
    },
    delivered: {
      replies: [
        {
          id: 'ship_urge.delivered.1',
          text: '亲，物流显示您的订单已经签收了哦~如果没有收到包裹，麻烦您先问问家人、前台或看看快递柜，仍然找不到请告诉我，我们帮您联系{快递公司}核实。',
        },
        {
          id: 'ship_urge.delivered.2',
          text: '亲，您的包裹显示已签收，请您确认一下是否收到；如有任何问题随时联系我们，我们会帮您处理~',
        },
      ],
      actions: ['send_logistics', 'open_order'],
    },
    after_sale: {
      replies: [
        {
          id: 'ship_urge.after_sale.1',
          text: '亲，您的订单{订单号}目前正在售后处理中，发货会以售后处理结果为准，您可以在订单详情里查看进度哦~',
        },
        {
          id: 'ship_urge.after_sale.2',
          text: '亲，看到您这笔订单有售后申请正在处理，我们会尽快跟进，有任何需要请直接告诉我~',
        },
      ],
      actions: ['open_order'],
    },
    closed: {
      replies: [
        {
          id: 'ship_urge.closed.1',
          text: '亲，您的订单{订单号}已经关闭，不会再发货了哦~如果您还需要{商品}，可以重新下单，我们会尽快为您安排。',
        },
        {
          id: 'ship_urge.closed.2',
          text: '亲，这笔订单已经关闭了，如有疑问或需要重新购买，请随时告诉我哦~',
        },
      ],
      actions: ['open_order'],
    },
  },
  none: {
    replies: [
      { id: 'ship_urge.none.1', text: '亲，麻烦您提供一下订单号，我马上帮您查询发货进度哦~' },
      { id: 'ship_urge.none.2', text: '亲，您可以在“我的订单”里找到要咨询的订单发送给我，我帮您查看发货情况~' },
    ],
    actions: [],
  },
};
