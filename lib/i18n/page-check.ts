/**
 * The page check in words: which parts of a chat page Huashu found, and what still works. The chat page's popup,
 * the toolbar icon's title and the options page's selector test all say it the same way.
 */
import type { Language } from '@/lib/language';

export const zh = {
  /** What the agent and the admin call each part of the page. */
  parts: { conversations: '会话列表', messages: '聊天消息', input: '输入框', send: '发送按钮', orders: '订单信息' },
  gap: '',
  ok: '页面识别正常：会话、消息、输入框、发送按钮和订单均已找到。',
  missing: (parts: string[]) => `未找到${parts.join('、')}。`,
  works: (features: string[]) => `仍可用：${features.join('、')}。`,
  nothing: '话术助手暂时无法在此页面工作，请刷新页面；若仍如此，请反馈“选择器失效”。',
  suggest: '话术建议',
  suggestWithoutOrders: '话术建议（按买家意图，不含订单信息）',
  copy: '复制到输入框',
  send: '一键发送',
  listOnly: '会话列表仅作显示，不影响话术建议。',
  orderNotice: '未能读取订单信息：以下话术按买家意图给出，不含订单内容。',
};

export type PageCheckStrings = typeof zh;

export const en: PageCheckStrings = {
  parts: {
    conversations: 'conversation list',
    messages: 'chat messages',
    input: 'input box',
    send: 'send button',
    orders: 'order details',
  },
  gap: ' ',
  ok: 'All parts of the page found: conversations, messages, input box, send button and orders.',
  missing: (parts: string[]) => `Not found: ${parts.join(', ')}.`,
  works: (features: string[]) => `Still works: ${features.join(', ')}.`,
  nothing: 'Huashu cannot work on this page right now; reload it, and if that does not help, report a broken selector.',
  suggest: 'reply suggestions',
  suggestWithoutOrders: 'reply suggestions (by intent, without order details)',
  copy: 'copy into the input box',
  send: 'one-click send',
  listOnly: 'The conversation list is informational; suggestions do not need it.',
  orderNotice: 'Could not read the order here: these replies follow the buyer’s intent, without order details.',
};

export function pageCheckStrings(language: Language): PageCheckStrings {
  return language === 'en' ? en : zh;
}
