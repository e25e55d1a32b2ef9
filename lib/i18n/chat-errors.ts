/**
 * The words of the refusals the chat page can show (the connection, a request field, the feedback form). The
 * content script bundles these alone; lib/i18n/errors.ts adds the options page's and words every code.
 */
import type { Language } from '@/lib/language';
import {
  type ChatErrorCode,
  type ErrorCode,
  type ErrorParam,
  type ErrorParams,
  isErrorData,
} from '@/lib/messages/errors';
import type { Field } from '@/lib/messages/fields';

/** `say` words a parameter: a nested coded error or place in the same language, anything else as it is. */
export type ErrorTexts<C extends ErrorCode> = {
  [K in C]: (params: ErrorParams, say: (param: ErrorParam | undefined) => string) => string;
};

export const str = (value: ErrorParam | undefined) => (typeof value === 'object' ? '' : String(value ?? ''));

/** Why a request field was refused, per field: what the person should fix. */
const FIELD_TEXTS: Record<Language, Record<Field, string>> = {
  zh: {
    request: '请求无效',
    conversation: '会话无效',
    message: '消息无效',
    text: '消息文本无效',
    history: '历史消息无效',
    buyerName: '买家昵称无效',
    orders: '订单列表无效',
    order: '订单无效',
    orderId: '订单号无效',
    orderField: '订单信息无效',
    actions: '操作无效',
    intent: '意图无效',
    situation: '订单节点无效',
    replyId: '话术编号无效',
    reply: '话术无效',
    replyOrder: '排序无效',
    keywords: '关键词无效',
    ruleId: '规则编号无效',
    ruleOrder: '规则排序无效',
    enabled: '启用状态无效',
    language: '语言无效',
    compensation: '补偿金额无效',
    threshold: '慢回复提醒时间无效',
    sound: '提醒声音设置无效',
    pack: '话术包无效',
    selectorOverrides: '页面选择器无效',
    pageCheck: '页面检查结果无效',
    waitingCount: '等待人数无效',
    statsEvents: '统计事件无效',
    dailySummary: '每日摘要设置无效',
    feedbackId: '反馈编号无效',
    category: '问题类型无效',
    description: '问题描述无效',
    images: '图片无效',
    imageType: '图片格式无效',
    image: '图片无效',
    imageSize: '图片尺寸无效',
    feedbackContext: '反馈内容无效',
    intentLabel: '意图名称无效',
    confidence: '置信度无效',
    why: '匹配原因无效',
    replies: '推荐话术无效',
    product: '商品无效',
    webhookUrl: 'Webhook 地址须以 https:// 开头（本机地址可用 http://）',
    serverUrl: '服务器地址无效',
    serverCode: '邀请码无效',
    shopName: '请填写店铺名称（最多 80 个字）',
    userName: '请填写您的名字（最多 80 个字）',
    pagePattern: '聊天页面网址无效',
    pageId: '聊天页面编号无效',
    requestId: '请求编号无效',
  },
  en: {
    request: 'Invalid request',
    conversation: 'Invalid conversation',
    message: 'Invalid message',
    text: 'Invalid message text',
    history: 'Invalid earlier messages',
    buyerName: 'Invalid buyer name',
    orders: 'Invalid order list',
    order: 'Invalid order',
    orderId: 'Invalid order number',
    orderField: 'Invalid order details',
    actions: 'Invalid action',
    intent: 'Invalid intent',
    situation: 'Invalid order node',
    replyId: 'Invalid reply id',
    reply: 'Invalid reply',
    replyOrder: 'Invalid reply order',
    keywords: 'Invalid keywords',
    ruleId: 'Invalid rule id',
    ruleOrder: 'Invalid rule order',
    enabled: 'Invalid on/off value',
    language: 'Invalid language',
    compensation: 'Invalid compensation amount',
    threshold: 'Invalid slow-reply time',
    sound: 'Invalid alert sound setting',
    pack: 'Invalid reply pack',
    selectorOverrides: 'Invalid page selectors',
    pageCheck: 'Invalid page check',
    waitingCount: 'Invalid waiting count',
    statsEvents: 'Invalid statistics events',
    dailySummary: 'Invalid daily summary setting',
    feedbackId: 'Invalid feedback id',
    category: 'Invalid problem type',
    description: 'Invalid description',
    images: 'Invalid images',
    imageType: 'Invalid image format',
    image: 'Invalid image',
    imageSize: 'Invalid image size',
    feedbackContext: 'Invalid feedback details',
    intentLabel: 'Invalid intent name',
    confidence: 'Invalid confidence',
    why: 'Invalid reasons',
    replies: 'Invalid suggested replies',
    product: 'Invalid product',
    webhookUrl: 'The webhook URL must start with https:// (http:// only for this computer)',
    serverUrl: 'Invalid server address',
    serverCode: 'Invalid code',
    shopName: 'Enter the shop name (at most 80 characters)',
    userName: 'Enter your name (at most 80 characters)',
    pagePattern: 'The chat page address is invalid',
    pageId: 'The chat page id is invalid',
    requestId: 'Invalid request id',
  },
};

export const CHAT_ERROR_TEXTS: Record<Language, ErrorTexts<ChatErrorCode>> = {
  zh: {
    // The detail is the browser's or a library's English: for logs (the reply's `error`), not for the agent.
    internal: () => '出现意外错误，请重试；如果反复出现，请刷新页面',
    storageFull: () =>
      '浏览器存储空间已满，本次修改未保存，已有数据不受影响。请清理浏览器存储或删除旧的反馈图片后重试。',
    backgroundDown: () => '话术助手后台无响应',
    extensionReloaded: () => '话术助手已更新或重新加载，请刷新页面',
    adminOnly: () => '此操作只能在话术助手的管理页面进行',
    invalidField: (p) => FIELD_TEXTS.zh[p.field as Field] ?? FIELD_TEXTS.zh.request,
    feedbackDescriptionMissing: () => '请填写问题描述',
    feedbackTooManyImages: (p) => `图片最多 ${str(p.max)} 张`,
    feedbackRateLimited: (p) => `反馈太频繁：每分钟最多 ${str(p.max)} 条，请稍后再试`,
    serverDown: (p) => `连不上店铺服务器${p.url === undefined ? '' : `（${str(p.url)}）`}，请检查网络或联系管理员`,
    serverRevoked: () => '管理员已将本浏览器移出店铺，话术不再同步。请向管理员要新的邀请码重新连接',
  },
  en: {
    internal: () => 'Something went wrong; try again, and reload the page if it keeps happening',
    storageFull: () =>
      "The browser's storage is full. This change was not saved; existing data is safe. Free some browser storage or delete old feedback images, then try again.",
    backgroundDown: () => 'Huashu’s background is not answering',
    extensionReloaded: () => 'Huashu was updated or reloaded: reload this page',
    adminOnly: () => 'This can only be done on Huashu’s admin page',
    invalidField: (p) => FIELD_TEXTS.en[p.field as Field] ?? FIELD_TEXTS.en.request,
    feedbackDescriptionMissing: () => 'Please describe the problem',
    feedbackTooManyImages: (p) => `At most ${str(p.max)} images`,
    feedbackRateLimited: (p) => `Too much feedback at once: at most ${str(p.max)} a minute; try again shortly`,
    serverDown: (p) =>
      `Cannot reach the shop server${p.url === undefined ? '' : ` (${str(p.url)})`}; check the network or ask your admin`,
    serverRevoked: () =>
      'Your admin disconnected this browser from the shop; replies no longer sync. Ask your admin for a new invitation code',
  },
};

/**
 * An error in words from `texts`: a coded one in this language (its nested coded params too). Anything else
 * is the browser's own English (a stopped worker, a closed port): worded by what it means, never shown raw.
 */
export function wordError(
  error: unknown,
  language: Language,
  texts: Record<Language, Partial<ErrorTexts<ErrorCode>>>,
): string {
  const coded = isErrorData(error) ? error : uncodedError(error);
  const text = texts[language][coded.code] ?? texts[language].internal;
  const say = (param: ErrorParam | undefined) => (isErrorData(param) ? wordError(param, language, texts) : str(param));
  return text ? text(coded.params ?? {}, say) : coded.code;
}

/** The code an uncoded error means: the messaging layer's failures by their (English) text. */
function uncodedError(error: unknown): { code: ErrorCode; params?: ErrorParams } {
  const message = error instanceof Error ? error.message : String(error);
  if (/context invalidated/i.test(message)) return { code: 'extensionReloaded' };
  if (/Receiving end does not exist|Could not establish connection|message port closed/i.test(message)) {
    return { code: 'backgroundDown' };
  }
  return { code: 'internal', params: { detail: message } };
}

/** A refusal the chat page shows, in its language. */
export function chatErrorText(error: unknown, language: Language): string {
  return wordError(error, language, CHAT_ERROR_TEXTS);
}
