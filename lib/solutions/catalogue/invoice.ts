import type { IntentCatalogue } from '@/lib/solutions/catalogue/types';

/** 开发票: the same for any paid, open order; unpaid and closed orders can't be invoiced. */
export const invoice: IntentCatalogue = {
  intent: 'invoice',
  nodes: {
    unpaid: {
      replies: [{ id: 'invoice.unpaid.1', text: '亲，订单付款成功后就可以申请开具发票哦~' }],
      actions: ['open_order'],
    },
    closed: {
      replies: [
        {
          id: 'invoice.closed.1',
          text: '亲，您的订单{订单号}已经关闭，关闭的订单无法开具发票哦~如有疑问请随时告诉我。',
        },
      ],
      actions: ['open_order'],
    },
  },
  anyOrder: {
    replies: [
      {
        id: 'invoice.any.1',
        text: '亲，可以为您开具发票哦~麻烦您提供发票抬头和税号（个人发票提供姓名即可），我们会尽快为您开具。',
      },
      {
        id: 'invoice.any.2',
        text: '亲，您也可以在订单详情里申请开票，填写抬头和税号后提交就可以啦~',
      },
    ],
    actions: ['open_order'],
    notices: [
      {
        zh: '开票前请核对抬头、税号与订单实付金额（{订单金额}）。',
        en: 'Before issuing, check the title, tax number and the amount paid ({订单金额}).',
      },
    ],
  },
  none: {
    replies: [
      {
        id: 'invoice.none.1',
        text: '亲，麻烦您提供一下订单号和开票信息（抬头、税号），我帮您登记开票哦~',
      },
    ],
    actions: [],
  },
};
