import { defineIntent, type IntentMeta } from '@/lib/intents/define';

export const meta = {
  id: 'escalation',
  labels: { zh: '投诉/转人工', en: 'Complaint or escalation' },
  // An escalation is about whatever went wrong: no order state fits it better than another.
  nodeFit: { best: [], also: [] },
  needsOrder: false,
} as const satisfies IntentMeta;

export default /* @__PURE__ */ defineIntent(meta, {
  rules: {
    cues: [
      // Asking for a human usually comes with the actual question; other intents outweigh it (2.6 alone passes).
      { pattern: '人工(?!智能)|真人|活人', weight: 2.6, why: '要人工' },
      { pattern: '机器人', weight: 1, why: '“机器人”' },
      { pattern: '(?:都是|别|不要|不想)[^ ]{0,3}机器人|找(?:个|一个)?(?:人|活人)', weight: 2, why: '不要机器人' },
      {
        pattern: '投诉|申诉|举报|12315|消协|消费者协会|工商局|市场监督|维权|曝光|律师|起诉|报警|媒体|315',
        weight: 4,
        why: '投诉/举报',
      },
      {
        pattern: '(?:给|打|写|要|就|必须|只能)(?:你们?)?(?:个|一个)?差评|差评(?:警告|伺候)|中差评',
        weight: 4,
        why: '威胁差评',
      },
      { pattern: '差评', weight: 1.5, why: '“差评”' },
      {
        pattern:
          '态度[^ ]{0,3}(?:差|不好|恶劣|敷衍)|不满意|很失望|太失望|骗子|欺骗|骗人|坑人|黑店|垃圾(?:店|客服|商家|服务)|什么破|诚信|失信|不靠谱|敷衍|耍我|忽悠|误导',
        weight: 3,
        why: '不满/指责',
      },
      {
        pattern:
          '(?:找|叫|让)(?:你们)?(?:的)?(?:领导|经理|主管|负责人|店长|上级)|(?:领导|经理|主管|负责人)(?:呢|在吗|电话)',
        weight: 3.5,
        why: '找领导',
      },
      {
        pattern: '(?:再不|不给|还不|如果不)[^ ]{0,8}(?:解决|处理|退|发)[^ ]{0,6}(?:就|我就|我要|我会)',
        weight: 2,
        why: '最后通牒',
      },
      {
        pattern:
          '客服(?:电话|热线)|联系不上(?:客服|你们|商家)|没人(?:理|回|管)|不回(?:复|消息)|(?:客服|qq)[^ ]{0,3}(?:没人接|不加)|客服呢',
        weight: 2.6,
        why: '联系不上',
      },
    ],
    against: [
      { pattern: '已经好评|好评|不用人工|不需要人工|聪明|厉害', weight: -3, why: '好评/不要人工' },
      // “不会给差评的” reassures; “是不是骗子” is a question, not a negation, so 不是 is not in this list.
      {
        pattern:
          '(?:不会|不想|不打算|没打算|没想|没有|没|不|别担心|放心)[^ ]{0,2}(?:给|打|写|去)?(?:你们?)?(?:个)?(?:差评|投诉|举报)',
        weight: -6,
        why: '不会差评/投诉',
      },
    ],
  },
  examples: {
    positive: [
      '转人工',
      '人工客服在吗',
      '我要投诉你们',
      '再不处理我就给差评',
      '你们态度太差了',
      '找你们经理来',
      '我要打12315',
      '我要轉人工',
    ],
    negative: ['已经好评了，谢谢', '你好', '谢谢', '差评在哪里看'],
  },
});
