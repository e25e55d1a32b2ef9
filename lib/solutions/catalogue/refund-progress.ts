import type { IntentCatalogue } from '@/lib/solutions/catalogue/types';

/** 退款进度: only an open after-sale has progress to report; otherwise say where things stand. */
export const refundProgress: IntentCatalogue = {
  intent: 'refund_progress',
  nodes: {
    unpaid: {
      replies: [
        {
          id: 'refund_progress.unpaid.1',
          text: '亲，您的订单还没有付款，不会产生扣款，也就不涉及退款哦~',
        },
      ],
      actions: ['open_order'],
    },
    after_sale: {
      replies: [
        {
          id: 'refund_progress.after_sale.1',
          text: '亲，您的售后申请正在处理中，我们会尽快审核，进度可以在订单详情的售后页面查看哦~',
        },
        {
          id: 'refund_progress.after_sale.2',
          text: '亲，如果需要寄回商品，寄出后麻烦把运单号填写到售后申请里，我们收到退货后会尽快为您处理退款~',
        },
        {
          id: 'refund_progress.after_sale.3',
          text: '亲，退款审核通过后会按原支付方式退回，具体到账时间以支付渠道为准，请您留意一下哦~',
        },
      ],
      actions: ['open_order'],
      notices: [
        {
          zh: '请在售后后台确认申请状态并及时审核，避免超时。',
          en: 'Check the request in the after-sale backend and review it promptly, before it times out.',
        },
      ],
    },
    closed: {
      replies: [
        {
          id: 'refund_progress.closed.1',
          text: '亲，您的订单{订单号}已经关闭，已退的款项会按原支付方式退回，具体到账时间以支付渠道为准哦~',
        },
        {
          id: 'refund_progress.closed.2',
          text: '亲，如果超过支付渠道的到账时间还没有收到退款，请告诉我，我帮您核实一下~',
        },
      ],
      actions: ['open_order'],
    },
  },
  anyOrder: {
    replies: [
      {
        id: 'refund_progress.any.1',
        text: '亲，您这笔订单目前还没有退款申请哦，如需退款可以在订单详情里申请，我们会尽快为您处理~',
      },
    ],
    actions: ['open_order'],
  },
  none: {
    replies: [{ id: 'refund_progress.none.1', text: '亲，麻烦您提供一下订单号，我马上帮您查询退款进度哦~' }],
    actions: [],
  },
};
