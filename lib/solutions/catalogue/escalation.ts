import { LATE_SHIPMENT_NOTICE } from '@/lib/solutions/catalogue/notices';
import type { IntentCatalogue } from '@/lib/solutions/catalogue/types';

const CALM_AND_RECORD = {
  zh: '买家要求投诉或转人工：先安抚情绪、记录诉求，必要时转交主管；不要承诺平台的处理结果。',
  en: 'Buyer wants to complain or a human: calm them, note what they want, hand over to a supervisor if needed; do not promise what the platform will decide.',
};

/** 投诉/转人工: the agent is the human; own the problem, and on a late order name the new time. */
export const escalation: IntentCatalogue = {
  intent: 'escalation',
  nodes: {
    overdue: {
      replies: [
        {
          id: 'escalation.overdue.1',
          text: '亲，非常抱歉订单没有按时发出，让您着急了！我们已经为您加急，会在{新发货时间}前发出。',
        },
        {
          id: 'escalation.overdue.2',
          text: '亲，我是人工客服，您的订单{订单号}由我来负责跟进，发出后您可以在订单详情里查看物流，再次向您道歉~',
        },
      ],
      actions: ['send_order_card', 'open_order'],
      notices: [LATE_SHIPMENT_NOTICE, CALM_AND_RECORD],
    },
  },
  anyOrder: {
    replies: [
      {
        id: 'escalation.any.1',
        text: '亲，非常抱歉给您带来不好的体验，我是人工客服，您的问题由我来负责处理，麻烦您说一下具体情况好吗？',
      },
      {
        id: 'escalation.any.2',
        text: '亲，您的心情我们非常理解，我已经在跟进您的订单{订单号}，会尽快给您一个处理方案~',
      },
    ],
    actions: ['open_order'],
    notices: [CALM_AND_RECORD],
  },
  none: {
    replies: [
      {
        id: 'escalation.none.1',
        text: '亲，非常抱歉给您带来不好的体验，我是人工客服，您的问题由我来负责处理，麻烦您说一下具体情况好吗？',
      },
    ],
    actions: [],
    notices: [CALM_AND_RECORD],
  },
};
