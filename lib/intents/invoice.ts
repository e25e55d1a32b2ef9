import { defineIntent, type IntentMeta } from '@/lib/intents/define';

export const meta = {
  id: 'invoice',
  labels: { zh: '开发票', en: 'Invoice' },
  nodeFit: { best: ['delivered'], also: ['shipped', 'in_transit', 'awaiting_shipment'] },
  needsOrder: true,
} as const satisfies IntentMeta;

export default /* @__PURE__ */ defineIntent(meta, {
  rules: {
    cues: [
      { pattern: '发票|开票|专票|普票|电子票|纸质票|增值税', weight: 3.5, why: '“发票”' },
      { pattern: '抬头|税号|纳税人识别号|开具|报销凭证|收据', weight: 2.5, why: '抬头/税号' },
      { pattern: '开(?:个|张|一张)?票', weight: 1.5, why: '开票' },
    ],
    against: [{ pattern: '支票|车票|门票|彩票|股票|机票|优惠票', weight: -5, why: '别的票' }],
  },
  examples: {
    positive: ['能开发票吗', '发票抬头写公司', '我要开增值税专票', '电子发票在哪里下载', '税号发你', '發票什麼時候開'],
    negative: ['支票抬头写什么', '你好', '什么时候发货', '车票能报销吗'],
  },
});
