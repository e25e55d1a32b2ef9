import type { Localized } from '@/lib/solutions/localized';

/**
 * The platform's late-shipment rule, shown whenever an unshipped order is past its promised time,
 * so the agent neither promises the buyer compensation twice nor thinks a promise changes it.
 */
export const LATE_SHIPMENT_NOTICE: Localized = {
  zh:
    '该订单已超过承诺发货时间（{承诺发货时间}，已超时 {超时时长}）。按平台规则，平台会先行赔付买家 {补偿金额} 元优惠券，' +
    '从店铺保证金中扣除，无论客服如何承诺都不会改变。回复时请致歉并给出明确的新发货时间，不要再向买家承诺这张券。',
  en:
    'This order is past its promised ship-by time ({承诺发货时间}, {超时时长} late). Under the platform rule the platform ' +
    'compensates the buyer in advance with a {补偿金额}-yuan coupon, deducted from the shop’s deposit, whatever you ' +
    'promise. Apologise and give a concrete new ship time; do not promise the buyer that coupon again.',
};
