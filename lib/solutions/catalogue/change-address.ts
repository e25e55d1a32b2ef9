import type { IntentCatalogue } from '@/lib/solutions/catalogue/types';

/** 修改地址: possible until the parcel leaves; after that only the courier can redirect it. */
export const changeAddress: IntentCatalogue = {
  intent: 'change_address',
  nodes: {
    unpaid: {
      replies: [
        {
          id: 'change_address.unpaid.1',
          text: '亲，您的订单还没有付款，付款前可以在下单页面确认或修改收货地址哦~',
        },
        {
          id: 'change_address.unpaid.2',
          text: '亲，如果地址填错了，也可以取消这笔订单后重新下单，{商品}我们会尽快为您安排~',
        },
      ],
      actions: ['send_order_card', 'open_order'],
    },
    awaiting_shipment: {
      replies: [
        {
          id: 'change_address.awaiting_shipment.1',
          text: '亲，您的订单还没有发货，可以修改地址哦~麻烦您把新的收货人、电话和详细地址发给我，我帮您修改。',
        },
        {
          id: 'change_address.awaiting_shipment.2',
          text: '亲，您也可以在订单详情里点击“修改地址”自行修改，提交后我这边帮您确认一下~',
        },
      ],
      actions: ['send_order_card', 'open_order'],
      notices: [
        {
          zh: '修改地址后请在订单后台核对新地址，确认无误再安排发货。',
          en: 'After the change, check the new address in the order backend before the order ships.',
        },
      ],
    },
    overdue: {
      replies: [
        {
          id: 'change_address.overdue.1',
          text: '亲，您的订单还没有发出，可以修改地址哦~麻烦您把新的收货人、电话和详细地址发给我，改好后会在{新发货时间}前为您发出。',
        },
        {
          id: 'change_address.overdue.2',
          text: '亲，抱歉订单发货晚了，您也可以在订单详情里点击“修改地址”自行修改，提交后我这边帮您确认~',
        },
      ],
      actions: ['send_order_card', 'open_order'],
      notices: [
        {
          zh: '该订单已超过承诺发货时间：改好地址后请尽快发货。',
          en: 'This order is past its ship-by time: ship it as soon as the address is changed.',
        },
      ],
    },
    shipped: {
      replies: [
        {
          id: 'change_address.shipped.1',
          text: '亲，您的订单已经发出，订单里暂时无法修改地址了哦~您可以联系{快递公司}（运单号{运单号}）申请改派。',
        },
        {
          id: 'change_address.shipped.2',
          text: '亲，包裹已经发出了，地址无法在订单里修改，麻烦您把新地址告诉我，我们帮您联系快递协商改派~',
        },
      ],
      actions: ['send_logistics', 'copy_tracking_no'],
    },
    in_transit: {
      replies: [
        {
          id: 'change_address.in_transit.1',
          text: '亲，您的包裹正在运输途中，订单里无法再修改地址了哦~您可以联系{快递公司}（运单号{运单号}）申请改派。',
        },
        {
          id: 'change_address.in_transit.2',
          text: '亲，包裹已经在路上了，建议您联系派送的快递员协商改派，或把新地址告诉我，我们帮您联系快递~',
        },
      ],
      actions: ['send_logistics', 'copy_tracking_no'],
    },
  },
  anyOrder: {
    replies: [
      {
        id: 'change_address.any.1',
        text: '亲，您这笔订单当前的状态已经无法修改收货地址了，如有其他问题请随时告诉我~',
      },
    ],
    actions: ['open_order'],
  },
  none: {
    replies: [{ id: 'change_address.none.1', text: '亲，麻烦您提供一下订单号和新的收货地址，我帮您看看能否修改哦~' }],
    actions: [],
  },
};
