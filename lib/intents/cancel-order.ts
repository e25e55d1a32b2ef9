import { defineIntent, type IntentMeta } from '@/lib/intents/define';
import { SEND } from '@/lib/intents/vocabulary';

export const meta = {
  id: 'cancel_order',
  labels: { zh: '取消订单', en: 'Cancel order' },
  nodeFit: { best: ['unpaid', 'awaiting_shipment', 'overdue'], also: ['shipped', 'in_transit'] },
  needsOrder: true,
} as const satisfies IntentMeta;

export default /* @__PURE__ */ defineIntent(meta, {
  rules: {
    cues: [
      { pattern: '取消|撤单|撤销订单|关闭订单|订单[^ ]{0,4}关(?:闭|掉)|关掉订单', weight: 2, why: '“取消”' },
      {
        pattern:
          '取消[^ ]{0,3}(?:订单|单|掉|了吧|一下|吧)|(?:这|那|该)(?:个)?(?:单|订单)(?:就|帮我)?(?:取消|关闭)|(?:帮我|想|要|申请|我要|怎么|能|可以|麻烦)(?:帮我)?(?:取消|撤)',
        weight: 2.5,
        why: '要取消订单',
      },
      {
        pattern:
          '(?:订单|单子)?(?:无法|不能|没法|没有|没|怎么没)取消|取消不了|取消失败|取消[^ ]{0,3}(?:审核|审批|通过)',
        weight: 2.5,
        why: '取消不了',
      },
      {
        pattern:
          '(?<!地址|电话|号码|发票|抬头)(?:拍|下|买|点|选)错(?:了)?(?:单|东西|订单)?|下错单|多拍|多买了|重复(?:下单|购买|付款|拍)|误拍|不小心(?:拍|买|下|点)',
        weight: 3,
        why: '拍错了',
      },
      {
        pattern: `(?:不用|不要|别|先别|暂时别|不需要|先不要|暂停|停止)(?:给我)?(?:发货|发出|寄出|发了|寄了|${SEND}(?=$| |吧|啦|呀|哦|了))|拦截`,
        weight: 4,
        why: '不要发货',
      },
      { pattern: '(?:不想|不)要了|不买了|不想买了', weight: 2.5, why: '不要了' },
    ],
    against: [
      // Negation and tense: “我没有取消订单”, “那我不取消了”, “刚才取消了” say what is (not) done, they ask nothing.
      { pattern: '(?:不|没有?|别|不想|不要|不用|不会)(?:要|用|去)?取消', weight: -4, why: '不取消' },
      {
        pattern: '(?:已经|刚才|刚刚|昨天|之前|早就|我)[^ ]{0,2}取消(?:了|过)(?!吗|么|没|\\?)',
        weight: -3,
        why: '已经取消了',
      },
      {
        pattern: '取消.{0,10}(?:没有?|还没|怎么还没|未|多久|几天|什么时候)[^ ]{0,4}(?:退款|退钱|到账|到)',
        weight: -4,
        why: '取消后等退款',
      },
      { pattern: '取消(?:售后|申请|关注|会员|自动续费|订阅|收藏)', weight: -4, why: '取消别的' },
      // “Don't want it” said with 退 is about sending it back.
      { pattern: '(?:不想|不)要了.{0,6}退|退.{0,6}(?:不想|不)要了', weight: -2, why: '不要了要退' },
      {
        pattern: '(?:拍|下|买|选)错[^ ]{0,2}(?:码|尺码|颜色|规格|型号|尺寸|地址|电话)',
        weight: -3,
        why: '选错规格/地址',
      },
      {
        pattern: '(?:谁|你们|怎么|为什么|为何)[^ ]{0,6}(?:把|给)?我[^ ]{0,4}(?:订单)?取消|被取消|自动取消|强行',
        weight: -3,
        why: '被取消',
      },
    ],
  },
  examples: {
    positive: [
      '我想取消订单',
      '不用发货了，我不要了',
      '拍错了，帮我取消一下',
      '下错单了怎么办',
      '这个订单取消不了啊',
      '先别发了，我不想要了',
      '重复下单了，取消一个',
      '幫我取消訂單',
      '还没发货能取消吗',
    ],
    negative: [
      '取消了怎么还没退款',
      '怎么取消售后申请',
      '拍错尺码了能换吗',
      '地址下错了能改吗',
      '为什么把我订单取消了',
      '你好',
      '发货很快，谢谢',
    ],
  },
});
