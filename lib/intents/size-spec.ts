import { defineIntent, type IntentMeta } from '@/lib/intents/define';

/** What is measured: garment sizes, body measurements, product dimensions and capacities. */
const MEASURE =
  '(?:偏大|偏小|尺码|码数|尺寸|码子|大小|长宽高|多长(?!时间|期|久)|多宽|多高|多重|多厚|多大|容量|规格|型号|参数|重量|长度|宽度|高度|厚度|直径|内径|外径|肩宽|胸围|腰围|臀围|裤长|衣长|袖长|脚长|偏码|[smlx]{1,3}码|#码|均码|大码|小码|加大码)';

export const meta = {
  id: 'size_spec',
  labels: { zh: '尺码规格', en: 'Size and spec' },
  nodeFit: { best: ['unpaid', 'awaiting_shipment'], also: ['delivered'] },
  needsOrder: false,
} as const satisfies IntentMeta;

export default /* @__PURE__ */ defineIntent(meta, {
  rules: {
    cues: [
      { pattern: MEASURE, weight: 2, why: '“尺码/尺寸”' },
      { pattern: `${MEASURE}.{0,8}{ASK}|{ASK}.{0,6}${MEASURE}`, weight: 1, why: '问尺码' },
      { pattern: '尺码|码数|尺寸|几码|什么码|哪个码|尺码表|码表', weight: 1, why: '“尺码”' },
      {
        // 多长时间 asks how long something takes, not a length.
        pattern: '多(?:长(?!时间|期|久)|宽|高|重|厚)|多大(?:的|尺寸|号|码)?(?:$| |\\?|呢|啊)',
        weight: 1,
        why: '问多大',
      },
      {
        pattern:
          '(?:穿|选|买|拍|要|拿)[^ ]{0,3}(?:多大|几码|什么码|哪个码|哪个尺码|大码|小码|什么号|哪个|[smlx]{1,3}|#码)',
        weight: 2,
        why: '穿多大',
      },
      {
        pattern: '偏大|偏小|大了|小了|紧了|松了|正码|标准码|[smlx]{1,3}(?:还是|够|行|合适)',
        weight: 2,
        why: '偏大偏小',
      },
      {
        pattern: '身高|体重|#斤|#kg|#cm|#公分|#厘米|#毫米|#mm|#寸|一米[一二三四五六七八九]|#岁',
        weight: 1,
        why: '身材/尺寸',
      },
      { pattern: '(?:能穿|穿得下|合适|够)(?:吗|么|嘛|不|\\?)', weight: 1.5, why: '能穿吗' },
      { pattern: '(?:有|还有)(?:没有)?(?:大|小)(?:一点|点|号|码)', weight: 2.5, why: '有大号吗' },
      { pattern: '几个规格|哪些规格|什么规格|哪个型号|什么型号|适合我', weight: 1, why: '选规格' },
    ],
    against: [
      { pattern: '退|换(?!季)', weight: -1.5, why: '换码属退换货' },
      { pattern: '发错|不对', weight: -2, why: '发错尺码' },
      { pattern: '多大(?:的)?(?:优惠|折扣|力度)|(?:价格|运费|优惠)[^ ]{0,3}(?:多大|多少)', weight: -3, why: '问优惠' },
      { pattern: '年龄|多大了|岁了', weight: -1, why: '问年龄' },
      // Praise after trying it on.
      { pattern: '^(?!.*(?:吗|么|嘛|\\?|什么|多大|哪|几)).*(?:合适|正好|刚好|合身|舒服)', weight: -3, why: '穿着合适' },
    ],
  },
  examples: {
    positive: [
      '身高170体重130斤穿多大',
      'M码是多少斤穿的',
      '这个尺寸多大',
      '尺码偏大还是偏小',
      '有没有大一点的',
      '容量是多少',
      '我平時穿L碼，選哪個',
    ],
    negative: [
      '发错尺码了',
      '想换个大一码的',
      '优惠力度有多大',
      '都等了多长时间了还不到',
      '尺寸合适，穿着很舒服',
      '你好',
      '什么时候发货',
    ],
  },
});
