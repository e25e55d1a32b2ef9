import { defineIntent, type IntentMeta } from '@/lib/intents/define';
import { REFUND_WAIT } from '@/lib/intents/vocabulary';

export const meta = {
  id: 'refund_progress',
  labels: { zh: '退款进度', en: 'Refund progress' },
  nodeFit: { best: ['after_sale'], also: ['closed'] },
  needsOrder: true,
} as const satisfies IntentMeta;

export default /* @__PURE__ */ defineIntent(meta, {
  rules: {
    cues: [
      { pattern: REFUND_WAIT, weight: 3.5, why: '退款什么时候到' },
      {
        pattern: '退(?:款|钱)?(?:到|回)[^ ]{0,3}(?:哪|微信|支付宝|银行|卡|白条|原|账户|余额)|原路(?:返回|退回)',
        weight: 3,
        why: '退到哪里',
      },
      {
        pattern:
          '(?:还|怎么还|怎么|为什么|为啥|一直|都)(?:没|没有|未)(?:退款|退钱|到账|退回|退给我|退)|没(?:收到|看到)(?:退款|钱|款)',
        weight: 3,
        why: '还没退款',
      },
      {
        pattern:
          '(?:(?:申请|提交)(?:了|过)|(?:申请|提交|选择|点了)[^ ]{0,3}(?:退款|退货|换货|售后)).{0,12}(?:怎么|为啥|为什么|还没|还是没|没有?|动静|反应|进度|多久|什么时候|审核|处理|同意)',
        weight: 2.5,
        why: '已申请，在等',
      },
      {
        pattern: '(?:退货|退回|寄回|换货)[^ ]{0,8}(?:收到了?吗|签收|寄回去了|已经寄|寄出了)',
        weight: 2,
        why: '退货寄回了',
      },
      {
        pattern: '退款(?:中|成功|失败|完成|状态)|已退款|(?:退|寄)回去[^ ]{0,4}(?:了|天)',
        weight: 1.5,
        why: '退款状态',
      },
      { pattern: '没(?:啥|什么)?(?:动静|反应)|没人处理|一直不处理|还没处理', weight: 1, why: '没动静' },
    ],
    against: [
      {
        pattern: '(?:不用|不要|不需要|无需|不想|别)(?:再)?(?:给我)?(?:退款|退货|退钱|退了|换货|换了)(?!吗|么|嘛|\\?)',
        weight: -5,
        why: '不用退了',
      },
      { pattern: '差价|价保|保价|价格保护', weight: -3, why: '退差价 → 价保' },
      { pattern: '发票|尾款|定金|付款', weight: -3, why: '不是退款' },
    ],
    followUps: [
      {
        pattern: '^[^ ]{0,4}(?:还没|还没到|还没退|到了吗|好了没|多久|什么时候|呢\\?|呢)[^ ]{0,2}$',
        weight: 3,
        why: '接着问退款',
      },
    ],
  },
  examples: {
    positive: [
      '退款什么时候到账',
      '我申请的退款怎么还没到',
      '钱退到哪里了',
      '退货已经寄回去了，什么时候退款',
      '订单取消了怎么没有退款',
      '申请了三天了还没处理',
      '退款進度怎麼樣了',
    ],
    negative: ['怎么申请退款', '可以退货吗', '降价了能退差价吗', '尾款什么时候付', '什么时候发货', '你好'],
  },
});
