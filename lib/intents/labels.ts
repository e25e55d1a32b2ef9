import type { IntentId } from '@/lib/intents/ids';

/** What the popup says the buyer wants ("买家意图：…"), in each UI language. */
export const INTENT_LABELS: Record<IntentId, { zh: string; en: string }> = {
  ship_urge: { zh: '什么时候发货', en: 'When will it ship' },
  logistics: { zh: '查询物流', en: 'Where is my parcel' },
  change_address: { zh: '修改地址', en: 'Change address' },
  cancel_order: { zh: '取消订单', en: 'Cancel order' },
  refund_return: { zh: '退换货', en: 'Refund or return' },
  refund_progress: { zh: '退款进度', en: 'Refund progress' },
  courier_choice: { zh: '指定快递', en: 'Courier choice' },
  invoice: { zh: '开发票', en: 'Invoice' },
  discount: { zh: '优惠价格', en: 'Price and discounts' },
  quality_issue: { zh: '商品质量问题', en: 'Quality issue' },
  size_spec: { zh: '尺码规格', en: 'Size and spec' },
  escalation: { zh: '投诉/转人工', en: 'Complaint or escalation' },
};
