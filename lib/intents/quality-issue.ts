import { defineIntent, type IntentMeta } from '@/lib/intents/define';

export const meta = {
  id: 'quality_issue',
  labels: { zh: '商品质量问题', en: 'Quality issue' },
  nodeFit: { best: ['delivered'], also: ['after_sale'] },
  needsOrder: true,
} as const satisfies IntentMeta;

export default /* @__PURE__ */ defineIntent(meta, {
  rules: {
    cues: [
      {
        pattern:
          '坏了|坏的|损坏|破损|破了|破洞|有(?:个|一个|几个)?洞|碎了|杂音|噪音|坏点|亮点|刺鼻|有使用痕迹|旧的|裂了|裂开|裂痕|裂缝|划痕|刮痕|磕碰|凹陷|变形|瑕疵|污渍|脏了|发霉|过期|异味|漏水|漏气|漏电|掉色|色差|起球|开线|脱线|开胶|断了|松动|生锈|失灵|故障',
        weight: 3,
        why: '损坏/瑕疵',
      },
      {
        pattern:
          '质量问题|质量(?:太|很|真|也太|这么)?(?:差|烂|不行|堪忧)|做工(?:太|很)?(?:差|粗糙|不好)|垃圾货|残次|次品|劣质',
        weight: 3.5,
        why: '质量差',
      },
      {
        pattern:
          '(?:不|没)(?:工作|加热|制冷|亮|转|出水|通电|响|充电|显示|反应)了?|(?:开|充|连|打)不(?:了|上|进|开|出)(?:机|电|网|蓝牙|去)?|不能用|用不了|没法用',
        weight: 2.5,
        why: '不能用',
      },
      { pattern: '假货|假的|不是正品|仿品|高仿|山寨|翻新|二手', weight: 2, why: '假货' },
      {
        pattern:
          '(?:是|卖|发|收到)[^ ]{0,3}(?:假货|假的|仿品|高仿|山寨|翻新|二手)|(?:假货|假的|二手的?)(?:吧|啊)|不是正品',
        weight: 1.5,
        why: '收到假货',
      },
      {
        pattern:
          '少发|漏发|少了(?:一|个|件|#|东西)?|缺(?:少|了)|(?:只|才)收到(?:一|#|两)|没有?(?:配件|说明书|充电器|螺丝)',
        weight: 3,
        why: '少件',
      },
      {
        pattern:
          '发错(?:了|货|颜色|尺码|型号)?|(?:颜色|型号|款式|尺码)不对|和(?:图片|描述|页面)不(?:符|一样)|与描述不符|货不对板',
        weight: 3,
        why: '发错/不符',
      },
      {
        pattern:
          '(?:配件|说明书|赠品|零件|螺丝|充电器|电池|附件)[^ ]{0,2}(?:都)?(?:没有|没|缺|少)(?:了|啊|呀)?(?:$| |\\?)',
        weight: 3,
        why: '缺配件',
      },
      {
        pattern: '(?:和|跟|与)[^ ]{0,8}(?:不一样|不符|差太多|差很多|差别很大|不是一个|不同)|不是我(?:买|拍|要)的',
        weight: 3,
        why: '与购买的不符',
      },
      { pattern: '有问题|毛病|不好用|坏', weight: 1.5, why: '有问题' },
      { pattern: '补发|补(?:一|个)', weight: 2, why: '补发' },
    ],
    against: [
      // A fault that might happen one day is a question about after-sales, not a complaint.
      {
        pattern: '(?:假如|如果|万一|要是|以后|将来|会不会)[^ ]{0,10}(?:坏|问题|起球|变形|掉色|破|裂)',
        weight: -4,
        why: '假设以后坏了',
      },
      { pattern: '不是质量问题|(?:没|不)(?:有)?(?:什么)?质量问题', weight: -4, why: '不是质量问题' },
      // Pre-sale questions about quality are not complaints.
      {
        pattern: '质量(?:怎么样|好不好|如何|可以吗|有保障|保障|保证|好吗|靠谱)|正品吗|是正品|会不会坏|容易坏吗',
        weight: -4,
        why: '售前问质量',
      },
      { pattern: '发错(?:地址|了地址)|地址', weight: -1.5, why: '地址' },
      { pattern: '发票|过期的?(?:信息|优惠|券|活动|链接)', weight: -3, why: '不是商品' },
      {
        pattern:
          '(?:没有|没|无|未)(?:任何)?(?:破损|损坏|问题|瑕疵|划痕|异味|坏)(?!.*(?:只有|但|可是|就是|不过))|完好无损|包装完好|(?:不会|会不会|容易)[^ ]{0,2}(?:坏|破|掉色|起球|褪色)',
        weight: -4,
        why: '没有问题/售前担心',
      },
      // “What counts as a quality problem?” asks about the policy, it does not report one.
      { pattern: '质量问题[^ ]{0,2}(?:指|是指|算|包括|哪)', weight: -4, why: '问什么算质量问题' },
      // “不能用吗” asks whether something can be used; a fault is reported as a statement.
      { pattern: '(?:不能用|用不了)(?:吗|么|嘛)', weight: -2, why: '问能不能用' },
      {
        pattern: '(?:退款|订单|申请|取消|物流|快递|账号|页面|系统)[^ ]{0,3}(?:有问题|不了|用不了)',
        weight: -2,
        why: '不是商品的问题',
      },
    ],
  },
  examples: {
    positive: [
      '收到的杯子碎了',
      '屏幕有划痕',
      '用了两天就坏了',
      '充不了电，不工作了',
      '你们少发了一件',
      '发错颜色了',
      '这是假货吧',
      '质量太差了',
      '收到的東西是壞的',
    ],
    negative: ['质量怎么样', '是正品吗', '发票有问题', '你好', '退款申请有问题'],
  },
});
