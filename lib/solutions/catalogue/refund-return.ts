import type { IntentCatalogue } from '@/lib/solutions/catalogue/types';

/** 退换货: unshipped orders refund directly; delivered ones go through return or exchange. */
export const refundReturn: IntentCatalogue = {
  intent: 'refund_return',
  nodes: {
    unpaid: {
      replies: [
        {
          id: 'refund_return.unpaid.1',
          text: '亲，您的订单还没有付款，不涉及退款哦~不需要的话直接取消订单就可以了。',
        },
      ],
      actions: ['open_order'],
    },
    awaiting_shipment: {
      replies: [
        {
          id: 'refund_return.awaiting_shipment.1',
          text: '亲，您的订单还没有发货，可以直接在订单详情里申请退款，我们会尽快为您处理~',
        },
        {
          id: 'refund_return.awaiting_shipment.2',
          text: '亲，如果是想换规格，订单还没发货，告诉我新的规格，我们帮您修改就可以啦~',
        },
      ],
      actions: ['open_order'],
    },
    overdue: {
      replies: [
        {
          id: 'refund_return.overdue.1',
          text: '亲，非常抱歉让您久等了，订单还没有发货，您可以直接在订单详情里申请退款，我们会尽快为您处理。',
        },
        {
          id: 'refund_return.overdue.2',
          text: '亲，实在抱歉，如果您还想要{商品}，我们已经加急，会在{新发货时间}前为您发出~',
        },
      ],
      actions: ['open_order'],
    },
    shipped: {
      replies: [
        {
          id: 'refund_return.shipped.1',
          text: '亲，包裹已经发出了，您可以拒收，或收到后申请退货退款，我们收到退货后会尽快为您处理~',
        },
      ],
      actions: ['send_logistics', 'open_order'],
    },
    in_transit: {
      replies: [
        {
          id: 'refund_return.in_transit.1',
          text: '亲，包裹正在运输途中，您可以拒收，或收到后申请退货退款，我们收到退货后会尽快为您处理~',
        },
      ],
      actions: ['send_logistics', 'open_order'],
    },
    delivered: {
      replies: [
        {
          id: 'refund_return.delivered.1',
          text: '亲，收到的商品不满意的话，可以在订单详情里申请退货退款或换货，符合售后条件的我们会尽快为您处理~',
        },
        {
          id: 'refund_return.delivered.2',
          text: '亲，麻烦您说一下退换的原因，如果是尺码不合适，我们可以帮您换一个合适的尺码哦~',
        },
        {
          id: 'refund_return.delivered.3',
          text: '亲，退货时请保持{商品}和包装完好、不影响二次销售，寄回后把运单号填到售后申请里，我们收到后会尽快处理~',
        },
      ],
      actions: ['open_order'],
      notices: [
        {
          zh: '是否支持七天无理由退货以商品页标注为准；质量问题请先请买家上传照片凭证。',
          en: 'Whether 7-day no-reason returns apply depends on the product page; for quality issues ask the buyer for photos first.',
        },
      ],
    },
    after_sale: {
      replies: [
        {
          id: 'refund_return.after_sale.1',
          text: '亲，您的售后申请我们已经收到了，会尽快为您处理，进度可以在订单详情里查看哦~',
        },
      ],
      actions: ['open_order'],
    },
    closed: {
      replies: [
        {
          id: 'refund_return.closed.1',
          text: '亲，您的订单{订单号}已经关闭了，如果有款项方面的疑问，请告诉我具体情况，我帮您核实~',
        },
      ],
      actions: ['open_order'],
    },
  },
  none: {
    replies: [{ id: 'refund_return.none.1', text: '亲，麻烦您提供一下订单号，我帮您看看退换货怎么处理哦~' }],
    actions: [],
  },
};
