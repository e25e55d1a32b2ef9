import { defineIntent, type IntentMeta } from '@/lib/intents/define';

export const meta = {
  id: 'discount',
  labels: { zh: '优惠价格', en: 'Price and discounts' },
  nodeFit: { best: ['unpaid'], also: ['awaiting_shipment'] },
  needsOrder: false,
} as const satisfies IntentMeta;

export default /* @__PURE__ */ defineIntent(meta, {
  rules: {
    cues: [
      {
        pattern: '优惠|优惠券|优惠卷|券|红包|满减|打折|折扣|促销|秒杀|活动|赠品|返现|定金|尾款|津贴|凑单',
        weight: 2.5,
        why: '“优惠/券”',
      },
      { pattern: '价保|保价|价格保护|退差价|补差价|差价|降价|涨价|变便宜|便宜了', weight: 3, why: '价保/降价' },
      { pattern: '(?:买|拍|下单)[^ ]{0,6}(?:就|又|今天|马上)降', weight: 3, why: '买了就降价' },
      {
        pattern:
          '便宜|少点|能少|砍价|讲价|议价|最低价|最低|最优惠|最大优惠|多少钱|什么价|价格|价钱|原价|到手价|会员价|批发价|团购',
        weight: 2.5,
        why: '问价/讲价',
      },
      { pattern: '包邮|运费|邮费|快递费', weight: 1.5, why: '运费' },
      {
        pattern:
          '(?:运费|邮费|快递费)[^ ]{0,4}(?:怎么算|多少|怎么收|要钱|还要)|(?:怎么|为什么|还)要(?:运费|邮费)|包邮(?:吗|么|嘛|\\?)?',
        weight: 1.5,
        why: '运费怎么算',
      },
      { pattern: '满#|减#|#折|打(?:个|几)?折|几折|叠加|领券|用券|返#', weight: 2.5, why: '满减/叠加' },
      {
        pattern: '(?:有|会)(?:没有)?(?:送|赠)(?:东西|礼品|赠品|小礼物|什么)?(?:吗|么|嘛|\\?)|送(?:什么|啥)',
        weight: 2.5,
        why: '有赠品吗',
      },
    ],
    against: [
      {
        pattern:
          '(?:退|寄回|退回|换).{0,12}(?:运费|邮费|快递费)|(?:运费|邮费)[^ ]{0,4}(?:谁出|谁承担|承担|报销)|运费险',
        weight: -3,
        why: '退货运费',
      },
      {
        pattern: '(?:补|加)(?:差价|运费|钱)[^ ]{0,4}(?:发|走|换)(?:顺丰|京东|邮政)?|顺丰[^ ]{0,4}(?:差价|运费)',
        weight: -3,
        why: '加钱换快递',
      },
      { pattern: '发票|开票', weight: -3, why: '发票' },
    ],
  },
  examples: {
    positive: [
      '有优惠券吗',
      '能便宜点吗',
      '昨天买的今天降价了，能保价吗',
      '满减可以叠加吗',
      '运费怎么算',
      '现在买有活动吗',
      '多少钱',
      '有沒有優惠',
    ],
    negative: ['退货运费谁出', '补运费发顺丰', '发票金额不对', '你好', '什么时候发货'],
  },
});
