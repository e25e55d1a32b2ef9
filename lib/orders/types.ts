/** The status labels a Chinese merchant workbench shows in its order panel. */
export const ORDER_STATUS_LABELS = ['待支付', '待发货', '已发货', '运输中', '已签收', '售后中', '已关闭'] as const;

/** An order as an adapter reads it from the page: plain strings, any field but id may be missing. */
export interface Order {
  id: string;
  product?: string;
  /** As shown, e.g. "¥89.00". */
  amount?: string;
  /** The label the page shows; unknown labels are kept as read. */
  status?: string;
  /** ISO 8601. */
  paidAt?: string;
  /** ISO 8601: the promised ship-by time (承诺发货时间). */
  promiseShipBy?: string;
  courier?: string;
  trackingNo?: string;
}

/** Where an order stands, which decides which solution fits. */
export const ORDER_NODES = [
  'unpaid',
  'awaiting_shipment',
  'overdue',
  'shipped',
  'in_transit',
  'delivered',
  'after_sale',
  'closed',
] as const;
export type OrderNode = (typeof ORDER_NODES)[number];
