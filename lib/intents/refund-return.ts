import { defineIntent, type IntentMeta } from '@/lib/intents/define';
import { REFUND_WAIT } from '@/lib/intents/vocabulary';

export const meta = {
  id: 'refund_return',
  labels: { zh: '退换货', en: 'Refund or return' },
  nodeFit: { best: ['delivered'], also: ['after_sale', 'in_transit', 'shipped'] },
  needsOrder: true,
} as const satisfies IntentMeta;

export default /* @__PURE__ */ defineIntent(meta, {
  rules: {
    cues: [
      { pattern: '退货|退款|退钱|退换|换货|退掉|退回|寄回|退了吧|无理由', weight: 2.5, why: '“退货/退款”' },
      {
        pattern:
          '(?:能|可以|能不能|可不可以|怎么|如何|我要|想|要|申请|帮我|给我|赶紧|可以申请)退(?!出|订|休|役|烧|步|到|回来)',
        weight: 2.5,
        why: '要退',
      },
      { pattern: '退(?:吗|嘛|么|不|\\?)', weight: 1, why: '能退吗' },
      {
        pattern:
          '换(?:成|个|一个|一件|一双|一台|件|双|台|新|货|别的|其他|颜色|尺码|码|大|小|黑|白|红|蓝)|(?:能|可以)换(?:吗|么|嘛|不|\\?)',
        weight: 2.5,
        why: '要换',
      },
      {
        pattern: '(?:退|寄|换)[^ ]{0,10}(?:运费|邮费|快递费)|(?:运费|邮费)[^ ]{0,4}(?:谁|承担|出|报销|退)|运费险',
        weight: 2.5,
        why: '退货运费',
      },
      { pattern: '(?:退货|退回|寄回|换货|售后)[^ ]{0,3}(?:地址|寄到哪|寄哪)', weight: 3, why: '退货地址' },
      { pattern: '上门取件|取件', weight: 2.5, why: '上门取件' },
      {
        pattern: '(?:赶紧|马上|立刻|立即|快点?|尽快)(?:给我)?(?:退款|退钱)|(?:退款|退钱)给我',
        weight: 2.5,
        why: '催退款',
      },
      { pattern: '(?:#|七|7)天无理由', weight: 1, why: '七天无理由' },
      // Apart from 七天无理由: 售后 is as often a chase of an application already made (refund_progress).
      { pattern: '售后', weight: 0.5, why: '“售后”' },
    ],
    against: [
      // “不用退款了，我自己处理”: the buyer withdraws the request (a question “不用退货吗” still asks).
      {
        pattern: '(?:不用|不要|不需要|无需|不想|别)(?:再)?(?:给我)?(?:退款|退货|退钱|退了|换货|换了)(?!吗|么|嘛|\\?)',
        weight: -5,
        why: '不用退了',
      },
      // Chasing a refund already requested is refund_progress.
      { pattern: REFUND_WAIT, weight: -3, why: '追退款进度' },
      {
        pattern:
          '(?:已经|已|昨天|之前)[^ ]{0,3}(?:申请|提交)(?:了)?.{0,8}(?:怎么|还|没|动静|反应)|(?:申请|提交|选择|点了)(?:了|过)?[^ ]{0,3}(?:退款|退货|换货|售后).{0,12}(?:怎么|为啥|为什么|还|没|动静|反应)',
        weight: -2,
        why: '已申请在等',
      },
      { pattern: '退差价|补差价|价保|保价|价格保护', weight: -4, why: '退差价 → 价保' },
      {
        pattern: '(?:还|都|一直|迟迟|再)(?:没|没有|未|不)(?:发货|发|出库)[^ ]{0,2}(?:就|我就|的话)?退',
        weight: -3,
        why: '没发货就退 → 催发货',
      },
      { pattern: '(?:拍|下|买)错', weight: -3, why: '拍错了 → 取消' },
      // A refund that comes with a cancellation is how the cancellation ends, not a return.
      { pattern: '取消', weight: -2, why: '取消订单的退款' },
      { pattern: '换[^ ]{0,3}(?:快递|地址|电话|号码|手机|收货人|收件人|联系|物流)', weight: -4, why: '换快递/地址' },
    ],
  },
  examples: {
    positive: [
      '这个可以退货吗',
      '怎么申请退款',
      '我要换个大一码的',
      '退货运费谁出',
      '退货地址发我一下',
      '不合适能退吗',
      '七天无理由退换吗',
      '不想要了，能退嗎',
      '想换成黑色的',
      '我要换码数',
    ],
    negative: [
      '退款什么时候到账',
      '我申请的退款怎么还没到',
      '降价了能退差价吗',
      '还没发货就退款',
      '能换个快递吗',
      '你好',
    ],
  },
});
