/**
 * The words the background writes into a solution for the popup: why an order was picked, why an action is off,
 * what a notice says. Kept apart from popup.ts so the background loads none of the popup's own copy.
 */
import type { Language } from '@/lib/language';

export const zh = {
  chosenOrder: '已确认为该订单',
  unknownStatus: (status?: string) =>
    status
      ? `无法识别订单状态「${status}」，以下为通用回复，请先核对订单。`
      : '未读取到订单状态，以下为通用回复，请先核对订单。',
  ruleOnlyLabel: '店铺关键词规则',
  ruleReason: (keywords: string[]) => `店铺关键词规则：${keywords.join('、')}`,
  actionDisabled: {
    unsupported: '当前页面不支持此操作',
    noOrder: '买家暂无订单',
    noTrackingNo: '该订单暂无运单号',
  },
  prediction: {
    fullId: (id: string) => `消息里有订单号 ${id}`,
    idTail: (tail: string) => `消息里有订单号尾号 ${tail}`,
    productInText: (fragment: string) => `消息提到商品「${fragment}」`,
    productInHistory: (fragment: string) => `聊天中提到过商品「${fragment}」`,
    nodeFit: (status: string) => `订单状态「${status}」符合问题`,
    recency: (_detail: string) => '最近付款的订单',
    onlyOrder: (_detail: string) => '买家只有这一个订单',
  },
};

export type SolutionStrings = typeof zh;

export const en: SolutionStrings = {
  chosenOrder: 'Order confirmed',
  unknownStatus: (status?: string) =>
    status
      ? `Unknown order status "${status}": these are general replies, check the order first.`
      : 'Order status not found on the page: these are general replies, check the order first.',
  ruleOnlyLabel: 'Shop keyword rule',
  ruleReason: (keywords: string[]) => `Shop keyword rule: ${keywords.join(', ')}`,
  actionDisabled: {
    unsupported: 'This page does not support this action',
    noOrder: 'The buyer has no order',
    noTrackingNo: 'This order has no tracking number yet',
  },
  prediction: {
    fullId: (id: string) => `Order number ${id} in the message`,
    idTail: (tail: string) => `Order number ending ${tail} in the message`,
    productInText: (fragment: string) => `Message names the product "${fragment}"`,
    productInHistory: (fragment: string) => `Chat mentioned the product "${fragment}"`,
    nodeFit: (status: string) => `Order status "${status}" fits the question`,
    recency: (_detail: string) => 'Most recently paid order',
    onlyOrder: (_detail: string) => 'The buyer has only this order',
  },
};

export function solutionStrings(language: Language): SolutionStrings {
  return language === 'en' ? en : zh;
}
