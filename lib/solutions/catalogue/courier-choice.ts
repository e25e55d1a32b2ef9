import type { IntentCatalogue } from '@/lib/solutions/catalogue/types';

const NOTE_THE_COURIER = {
  zh: '买家指定快递：请写进订单备注并告知仓库；无法满足时如实告诉买家，不要先答应。',
  en: 'Buyer wants a specific courier: add it to the order note and tell the warehouse; if it cannot be done, say so rather than agreeing first.',
};

/** 指定快递: can be noted until the parcel leaves; the answer never guarantees the courier. */
export const courierChoice: IntentCatalogue = {
  intent: 'courier_choice',
  nodes: {
    unpaid: {
      replies: [
        {
          id: 'courier_choice.unpaid.1',
          text: '亲，我们默认使用合作快递发货，您想要的快递我们会帮您备注，尽量为您安排，具体以实际发出为准哦~',
        },
      ],
      actions: ['open_order'],
      notices: [NOTE_THE_COURIER],
    },
    awaiting_shipment: {
      replies: [
        {
          id: 'courier_choice.awaiting_shipment.1',
          text: '亲，麻烦告诉我您想要的快递公司，我帮您备注给仓库，尽量为您安排，具体以实际发出为准哦~',
        },
        {
          id: 'courier_choice.awaiting_shipment.2',
          text: '亲，我们默认使用合作快递，时效都比较稳定，您的地址如果有快递不到的情况，请告诉我，我们帮您调整~',
        },
      ],
      actions: ['open_order'],
      notices: [NOTE_THE_COURIER],
    },
    overdue: {
      replies: [
        {
          id: 'courier_choice.overdue.1',
          text: '亲，抱歉订单发货晚了，您想要的快递我们帮您备注给仓库，尽量为您安排，会在{新发货时间}前发出哦~',
        },
      ],
      actions: ['open_order'],
      notices: [NOTE_THE_COURIER],
    },
    shipped: {
      replies: [
        {
          id: 'courier_choice.shipped.1',
          text: '亲，您的订单已经由{快递公司}发出了，暂时无法更换快递哦~运单号{运单号}，您可以在订单详情里查看物流。',
        },
        {
          id: 'courier_choice.shipped.2',
          text: '亲，包裹已经发出，无法再更换快递了，给您带来不便很抱歉~',
        },
      ],
      actions: ['send_logistics', 'copy_tracking_no'],
    },
    in_transit: {
      replies: [
        {
          id: 'courier_choice.in_transit.1',
          text: '亲，您的包裹已经由{快递公司}在运输途中了，无法再更换快递哦，给您带来不便很抱歉~',
        },
        {
          id: 'courier_choice.in_transit.2',
          text: '亲，包裹已经在路上了，无法再更换快递，您可以在订单详情里查看物流进度哦~',
        },
      ],
      actions: ['send_logistics', 'copy_tracking_no'],
    },
  },
  anyOrder: {
    replies: [
      {
        id: 'courier_choice.any.1',
        text: '亲，这笔订单已经不能更改快递了哦，下次下单后可以提前告诉我您想要的快递，我们帮您备注~',
      },
    ],
    actions: ['open_order'],
  },
  none: {
    replies: [
      {
        id: 'courier_choice.none.1',
        text: '亲，我们默认使用合作快递发货，如需指定快递，下单后告诉我，我帮您备注给仓库哦~',
      },
    ],
    actions: [],
  },
};
