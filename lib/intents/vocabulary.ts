/**
 * Phrases several intents need to agree on: one intent's evidence is often another's veto
 * (a courier name is courier_choice, and it tells ship_urge the buyer is not asking when).
 */

/**
 * A parcel leaving the shop: 发货, 出库, 寄出… but not 发票 or 发错. “寄给我” is left out: buyers say it of a
 * replacement part or a return label far more than of their order.
 */
export const SHIP = '(?:发货|出货|出库|发出|寄出|发走|发快递|寄快递|发过来|发给我|给我发|寄过来|安排发|揽收|打包)';

/** A bare 发/寄 that means shipping, not 发票, 发错, 发现, 发图… */
export const SEND = '(?:发|寄)(?![票错现烧生炎布表言图照个张链视信消短邮给你])';

/** Courier companies buyers name (`ems` is normalised to 邮政). */
export const COURIER =
  '(?:顺丰|京东快递|京东物流|邮政|中通|圆通|申通|韵达|百世|汇通|极兔|德邦|天天快递|宅急送|优速|丰网|邮局|平邮)';

/** A refund or return already requested, now waited for: the refund_progress question. */
export const REFUND_WAIT =
  '(?:退款|退的钱|退货|换货|售后|钱)(?:申请)?.{0,10}(?:进度|到账|还没|没到|没收到|怎么还|怎么样|审核|处理|同意|动静|反应|太慢|这么慢|要等|等多久|完成|成功|什么时候|(?:多久|几天)(?:能|才能|可以)?(?:到|退|回))|(?:什么时候|多久|几天|何时)[^ ]{0,4}(?:退款|退钱|到账|退给我|退回|把钱退)|同意[^ ]{0,2}(?:退款|退货|换货|售后)|(?:退款|钱)呢|(?:退款|退货)(?:以后|之后|后)[^ ]{0,8}(?:会|能|吗|怎么|多久)';

/** Things a buyer can ask to change about delivery. */
export const DELIVERY_DETAIL =
  '(?:收货地址|收件地址|配送地址|送货地址|地址|收货人|收件人|联系人|电话|手机号|号码|联系方式|联系电话|收货信息|收件信息|门牌号|楼号|房号|小区|街道|单元)';
