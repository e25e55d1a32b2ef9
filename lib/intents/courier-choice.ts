import { defineIntent, type IntentMeta } from '@/lib/intents/define';
import { COURIER } from '@/lib/intents/vocabulary';

export const meta = {
  id: 'courier_choice',
  labels: { zh: '指定快递', en: 'Courier choice' },
  nodeFit: { best: ['unpaid', 'awaiting_shipment'], also: ['overdue'] },
  needsOrder: true,
} as const satisfies IntentMeta;

export default /* @__PURE__ */ defineIntent(meta, {
  rules: {
    cues: [
      { pattern: COURIER, weight: 1.5, why: '快递公司名' },
      {
        pattern:
          '(?:发|走|用|送|寄)(?:的)?(?:什么|啥|哪个|哪家|哪种)(?:快递|物流)|(?:什么|哪个|哪家|哪种)(?:快递|物流)(?:发|送|寄)?',
        weight: 3,
        why: '发什么快递',
      },
      { pattern: `(?:发|走|用|换|改|寄|指定|给我发|要)${COURIER}`, weight: 2, why: '要求某家快递' },
      {
        pattern: `${COURIER}[^ ]{0,4}(?:可以|行|能)?(?:吗|么|嘛|不|\\?)|有没有${COURIER}`,
        weight: 1.5,
        why: '某家快递 + 疑问',
      },
      { pattern: `${COURIER}[^ ]{0,3}(?:能|可以)?(?:发|走|寄|送|到)`, weight: 1, why: '某家快递能发' },
      {
        pattern:
          '指定快递|默认快递|(?:换|改)(?:个|一个|家)?(?:快递|物流)|快递[^ ]{0,2}(?:能|可以)?选|选(?:择)?快递|换(?:个|一个)?别的',
        weight: 3,
        why: '指定快递',
      },
      {
        pattern:
          '(?:补|加|付)(?:差价|运费|邮费|钱)[^ ]{0,4}(?:发|走|用|换)|(?:发|走)[^ ]{0,4}(?:补|加)(?:差价|运费|钱)',
        weight: 2,
        why: '加钱换快递',
      },
      {
        pattern: `(?:快递|${COURIER})[^ ]{0,6}(?:太慢|慢|名声|不好|暴力|不靠谱|太差|麻烦)|(?:太慢|不好|暴力|麻烦)[^ ]{0,3}快递`,
        weight: 1.5,
        why: '嫌某家快递',
      },
    ],
    against: [
      { pattern: '(?:单号|到哪|物流信息|查不到|派送|签收|更新|丢)', weight: -2.5, why: '查物流' },
      { pattern: '退货|退回|寄回|换货', weight: -1.5, why: '退货的快递' },
      { pattern: '发票', weight: -2, why: '发票' },
    ],
  },
  examples: {
    positive: [
      '发什么快递',
      '能发顺丰吗',
      '可以走京东快递吗',
      '不要发邮政，太慢了',
      '补运费发顺丰可以吗',
      '你们默认什么快递',
      '能指定快递吗',
      '發什麼快遞呢',
    ],
    negative: ['顺丰单号多少', '顺丰到哪了', '快递什么时候到', '你好', '退货用什么快递寄回'],
  },
});
