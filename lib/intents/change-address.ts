import { defineIntent, type IntentMeta } from '@/lib/intents/define';
import { DELIVERY_DETAIL } from '@/lib/intents/vocabulary';

const CHANGE = '(?:改|修改|更改|更换|换|变更)';

export const meta = {
  id: 'change_address',
  labels: { zh: '修改地址', en: 'Change address' },
  nodeFit: { best: ['awaiting_shipment', 'overdue', 'unpaid'], also: ['shipped'] },
  needsOrder: true,
} as const satisfies IntentMeta;

export default /* @__PURE__ */ defineIntent(meta, {
  rules: {
    cues: [
      {
        pattern: `${CHANGE}[^ ]{0,6}${DELIVERY_DETAIL}|${DELIVERY_DETAIL}[^ ]{0,6}${CHANGE}`,
        weight: 3.5,
        why: '改地址/电话',
      },
      {
        pattern: `${DELIVERY_DETAIL}[^ ]{0,4}(?:写|填|留|弄|搞|下|选|打|输|填写)?(?:(?<![没不])错|不对|没选对|有误|不全|少写|漏写|写漏)`,
        weight: 3.5,
        why: '地址写错了',
      },
      { pattern: `(?:写|填|留|弄|搞|下|选|打|输)错(?:了)?${DELIVERY_DETAIL}`, weight: 3.5, why: '写错地址' },
      { pattern: `${DELIVERY_DETAIL}[^ ]{0,2}(?:写成|填成|留成|选成|写的是|留的是)`, weight: 3, why: '地址写成了别的' },
      {
        pattern: '(?:老|旧|以前的|原来的|去年的)地址|地址[^ ]{0,4}(?:老的|旧的|以前的|去年的)',
        weight: 2.5,
        why: '留了旧地址',
      },
      {
        pattern:
          '(?:改|换)(?:成|回|为)?(?:寄|送)?(?:到|去)[^ ]{0,6}|改(?:成|回)[^ ]{0,4}(?:家|公司|单位|学校|宿舍|酒店|老家)|改寄|改送(?:到|去)',
        weight: 2.5,
        why: '改寄到别处',
      },
      {
        pattern: '(?:电话|手机|号码|手机号)[^ ]{0,4}(?:打不通|停机|不用了|丢了|被偷|换了|注销)',
        weight: 3,
        why: '电话不能用了',
      },
      {
        pattern:
          '(?:联系方式|联系电话|联系我|打)[^ ]{0,3}(?:是|改成|换成|打)?这个(?:号码|电话|号)|(?:打|联系)这个(?:号码|电话)',
        weight: 2.5,
        why: '换个联系电话',
      },
      {
        pattern: '(?:改|换)(?:成|为)?(?:自提|上门自提|送货上门|快递柜)|不要送货上门|(?:配送|送货)方式',
        weight: 3,
        why: '改配送方式',
      },
    ],
    against: [
      { pattern: '(?:退货|退回|寄回|换货|退件|售后)[^ ]{0,3}地址', weight: -4, why: '退货地址' },
      { pattern: '发票[^ ]{0,6}(?:地址|寄)|(?:改|换)[^ ]{0,4}(?:抬头|税号)', weight: -4, why: '发票地址' },
      { pattern: '密码|账号|账户|绑定|登录', weight: -3, why: '账号设置' },
      { pattern: '送错(?:地方|了)|你们送错', weight: -3, why: '快递送错' },
      { pattern: '快递员|快递小哥|配送员|师傅', weight: -2.5, why: '快递员的电话' },
      { pattern: '换(?:货|颜色|尺码|码|个颜色|一件|一个|新)', weight: -2, why: '换货' },
      // A wrong address mentioned with a cancellation or a return explains that request; it does not ask for an edit.
      { pattern: '取消|退货|退款|拒收', weight: -2, why: '要的是取消/退货' },
    ],
  },
  examples: {
    positive: [
      '地址写错了能改吗',
      '帮我改一下收货地址',
      '我想把收件人改成我老公',
      '电话号码填错了',
      '能不能改成送到公司',
      '手机号不用了，可以更改手机号吗',
      '我地址选错了，怎么办',
      '改成上门自提可以吗',
      '地址錯了，麻煩幫我改一下',
      '门牌号写错了',
    ],
    negative: ['退货地址是哪里', '发票寄到哪个地址', '你们送错地方了', '我想修改登录密码', '快递员电话打不通', '你好'],
  },
});
