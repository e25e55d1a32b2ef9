import { defineIntent, type IntentMeta } from '@/lib/intents/define';
import { COURIER, SEND, SHIP } from '@/lib/intents/vocabulary';

export const meta = {
  id: 'ship_urge',
  labels: { zh: '什么时候发货', en: 'When will it ship' },
  nodeFit: { best: ['overdue', 'awaiting_shipment'], also: ['unpaid'] },
  needsOrder: true,
} as const satisfies IntentMeta;

export default /* @__PURE__ */ defineIntent(meta, {
  rules: {
    cues: [
      { pattern: SHIP, weight: 1.5, why: '“发货/出库”' },
      { pattern: `{WHEN}{GAP}${SHIP}|${SHIP}{GAP}{WHEN}`, weight: 2, why: '“发货” + 问时间' },
      {
        pattern: `{WHEN}[^ ]{0,4}(?:能|可以|会|才|才能|就)?${SEND}(?:出|走|出去)?(?:$| |吗|么|呢|啊|呀|\\?)`,
        weight: 2.5,
        why: '什么时候发',
      },
      {
        pattern: `(?:今天|明天|今日|今晚|晚上|周.|星期.|#号|马上|现在|这周|本周)(?:能|可以|会|就)?${SHIP}`,
        weight: 1.5,
        why: '“发货” + 日期',
      },
      {
        pattern: `${SHIP}[^ ]{0,4}(?:吗|么|嘛|没|了没|没有|\\?)|${SHIP}不(?:$| |\\?)`,
        weight: 1.5,
        why: '“发货” + 疑问',
      },
      {
        pattern: `(?:今天|明天|今晚|现在|马上|能|可以|会)(?:能|可以|会)?${SEND}(?:吗|么|嘛|不|了吗|了没|\\?)|${SEND}了(?:吗|没|么)|${SEND}出去了?(?:吗|没)|${SEND}不${SEND}|${SEND}没${SEND}`,
        weight: 2.5,
        why: '“发了吗”',
      },
      { pattern: `(?:能|可以|会)(?:不能|不可以|不会)?${SHIP}`, weight: 1, why: '能不能发货' },
      {
        pattern: `(?:还|怎么还|为什么还|咋还|为啥还|一直|迟迟|仍然|依然|至今|都|是不是|是否)(?:没|没有|未|不)${SHIP}|没有?${SHIP}(?:吗|么|呢|啊)`,
        weight: 3,
        why: '“还没发货”',
      },
      {
        // Bare 发: “还没发货” is the cue above, and the same words should not count twice.
        pattern: `(?:还|怎么还|为什么还|咋还|为啥还|一直|迟迟|都)(?:没|没有|未|不)(?:${SEND}(?!货|出)|动|出)`,
        weight: 2.5,
        why: '“还没发”',
      },
      { pattern: `(?:再不|还不|不)${SHIP}[^ ]{0,3}(?:就|我就|的话)`, weight: 2, why: '不发货就…' },
      {
        pattern: `(?:快点|赶快|赶紧|尽快|抓紧|快些|早点|催|麻烦|帮忙|帮我|(?<!申)请|先)[^ ]{0,3}(?:${SHIP}|${SEND}(?:$| |吧|啊|呀|一下))`,
        weight: 2.5,
        why: '催发货',
      },
      { pattern: '催(?:一下|下)?(?:发货|仓库|商家)|催单|催促', weight: 2.5, why: '“催”' },
      {
        pattern: '待发货|待出库|等待发货|(?:还在|还是|一直|处于)[^ ]{0,4}(?:待|未)?(?:发货|出库)(?:状态|中)',
        weight: 2,
        why: '“待发货/待出库”',
      },
      {
        pattern: `(?:付款|下单|拍下|买了|拍了|订的|下的单)[^ ]{0,8}(?:#|几|好几|多|三|两|四|五|一)(?:天|日|个星期|周)[^ ]{0,6}(?:没|未|不|还)`,
        weight: 2.5,
        why: '下单多天还没动',
      },
      { pattern: `忘(?:记|了)?[^ ]{0,3}${SHIP}|(?:说好|承诺|答应)[^ ]{0,6}${SEND}`, weight: 2.5, why: '说好的发货' },
      { pattern: '(?:有货|到货)[^ ]{0,4}(?:就|马上|立即)?发', weight: 1, why: '有货就发' },
      {
        pattern:
          '发货时间|发货时效|发货速度|发货期|几天内发|多久内发|预计发货|延迟发货|推迟发货|当天发|隔天发|次日发|#小时(?:内)?发',
        weight: 2.5,
        why: '问发货时效',
      },
    ],
    against: [
      // Praise or thanks about shipping is not a request.
      {
        pattern: `${SHIP}[^ ?]{0,4}(?:很快|挺快|真快|好快|蛮快|速度快|及时|神速)(?![^ ]{0,2}(?:吗|么|\\?))`,
        weight: -5,
        why: '夸发货快',
      },
      // Not wanting the shipment is cancellation, not urging.
      {
        pattern: `(?:不用|不要|别|先别|暂时别|不需要|先不要|暂停|停止|拦截)(?:${SHIP}|${SEND})`,
        weight: -6,
        why: '不要发货 → 取消',
      },
      // “Not shipped yet, so can I…” is the premise of another request (cancel, change), not a complaint.
      {
        pattern: `(?:没|未)${SHIP}(?:的话|之前|前|时)|(?:没|未)${SHIP}[^ ]{0,2}(?:能|可以|可不可以|是不是可以)`,
        weight: -5,
        why: '没发货前提下的别的请求',
      },
      // The parcel has left: questions are about tracking, not shipping.
      { pattern: `(?:已经|已)${SHIP}(?:了)?[^ ]{0,3}(?:怎么|为什么|但|可是|还)`, weight: -2, why: '已发货' },
      { pattern: '发票', weight: -1.5, why: '发票' },
      // Where it ships from is a product question; which courier is courier_choice.
      {
        pattern: `(?:哪里|哪儿|哪个仓|什么仓|从哪|保税|海外|国内|什么地方)[^ ]{0,4}${SHIP}|${SHIP}地`,
        weight: -3,
        why: '问发货地',
      },
      { pattern: `${SEND}[^ ]{0,3}${COURIER}|${COURIER}[^ ]{0,3}(?:能|可以)?${SEND}`, weight: -2, why: '问快递公司' },
    ],
    followUps: [
      {
        pattern:
          '^(?:那|那么|所以|请问|到底)?[^ ]{0,2}(?:还要|还得|要|得)等(?:多久|几天|多长时间|到什么时候)[^ ]{0,2}$',
        weight: 3,
        why: '接着问还要等多久',
      },
      {
        pattern:
          '^(?:那|那么|所以|请问)?(?:还没|还不|怎么还没|什么时候|多久|几天|今天|明天)[^ ]{0,4}(?:\\?|呢|吗|啊|呀)?$',
        weight: 3,
        why: '接着问发货',
      },
      { pattern: '^[^ ]{0,4}(?:好了没|好了吗|动了吗|怎么样了|有消息吗|呢\\?|呢)$', weight: 2.5, why: '接着催' },
    ],
  },
  examples: {
    positive: [
      '什么时候发货',
      '怎么还不发货',
      '几天能发货啊',
      '還沒發貨嗎',
      '还没发货就退款',
      '我昨天下的单今天能发出吗',
      '麻烦尽快安排发货，急用',
      '订单一直显示待出库，怎么回事',
      '拍下三天了还没动静，还没发？',
      '请问这个大概多久能寄出',
      '可以今天发吗？急着用',
      '你們什麼時候出貨，等好久了',
    ],
    negative: [
      '你好',
      '谢谢',
      '发货很快，谢谢',
      '不用发货了，我不要了',
      '发票什么时候开',
      '已经发货了怎么还没到',
      '发错货了',
      '还没发货的话能改地址吗',
      '能发顺丰吗',
    ],
  },
});
