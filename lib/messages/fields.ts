/**
 * The request fields a schema can refuse, by name. A schema's message is the field's name; the dispatcher turns
 * the first issue into `invalidField` with that name, and each surface words it (lib/i18n/errors.ts).
 */
const FIELDS = [
  'request',
  'conversation',
  'message',
  'text',
  'history',
  'buyerName',
  'orders',
  'order',
  'orderId',
  'orderField',
  'actions',
  'intent',
  'situation',
  'replyId',
  'reply',
  'replyOrder',
  'keywords',
  'ruleId',
  'ruleOrder',
  'enabled',
  'language',
  'compensation',
  'predictionCard',
  'threshold',
  'sound',
  'pack',
  'selectorOverrides',
  'pageCheck',
  'waitingCount',
  'statsEvents',
  'dailySummary',
  'feedbackId',
  'category',
  'description',
  'images',
  'imageType',
  'image',
  'imageSize',
  'feedbackContext',
  'intentLabel',
  'confidence',
  'why',
  'replies',
  'product',
  'webhookUrl',
  'requestId',
  'pagePattern',
  'pageId',
] as const;
export type Field = (typeof FIELDS)[number];

export function isField(value: unknown): value is Field {
  return (FIELDS as readonly unknown[]).includes(value);
}
