/**
 * Checks for the feedback requests of lib/protocol.ts. A content script runs inside a third-party page, so
 * every field is checked for type and size before the background stores it.
 */

import {
  FEEDBACK_LIMITS,
  type FeedbackContext,
  type FeedbackImageData,
  type FeedbackInput,
  type FeedbackSettings,
  IMAGE_TYPES,
  isFeedbackCategory,
} from '@/lib/feedback/types';
import { isIntentId } from '@/lib/intents/ids';
import { ORDER_NODES, type OrderNode } from '@/lib/orders/types';

function fail(message: string): never {
  throw new Error(message);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : fail('请求无效');
}

function text(value: unknown, name: string, max: number = FEEDBACK_LIMITS.contextChars): string {
  return typeof value === 'string' && value.length <= max ? value : fail(`${name}无效`);
}

function optionalText(value: unknown, name: string): string | undefined {
  return value === undefined || value === null ? undefined : text(value, name);
}

function texts(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || value.length > FEEDBACK_LIMITS.contextItems) fail(`${name}无效`);
  return value.map((item) => text(item, name));
}

function checkContext(value: unknown): FeedbackContext {
  const context = record(value);
  const confidence = context.confidence;
  const node = context.node;
  return {
    conversationId: text(context.conversationId, '会话', 200),
    messageId: text(context.messageId, '消息', 200),
    intent: isIntentId(context.intent) ? context.intent : fail('意图无效'),
    intentLabel: text(context.intentLabel, '意图名称', 100),
    confidence: typeof confidence === 'number' && confidence >= 0 && confidence <= 1 ? confidence : fail('置信度无效'),
    why: texts(context.why, '匹配原因'),
    buyerText: text(context.buyerText, '买家消息'),
    replies: texts(context.replies, '推荐话术'),
    node:
      node === null || node === undefined
        ? null
        : (ORDER_NODES as readonly unknown[]).includes(node)
          ? (node as OrderNode)
          : fail('订单节点无效'),
    orderId: optionalText(context.orderId, '订单号'),
    product: optionalText(context.product, '商品'),
  };
}

function checkImage(value: unknown): FeedbackImageData {
  const image = record(value);
  const type = (IMAGE_TYPES as readonly unknown[]).includes(image.type)
    ? (image.type as FeedbackImageData['type'])
    : fail('图片格式无效');
  const dataUrl = text(image.dataUrl, '图片', FEEDBACK_LIMITS.imageDataUrlChars);
  if (!dataUrl.startsWith(`data:${type};base64,`)) fail('图片无效');
  const side = (n: unknown) =>
    typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= FEEDBACK_LIMITS.imageSide ? n : fail('图片尺寸无效');
  return { type, dataUrl, width: side(image.width), height: side(image.height) };
}

export function checkFeedbackInput(value: unknown): FeedbackInput {
  const input = record(value);
  const description = text(input.description, '问题描述', FEEDBACK_LIMITS.descriptionChars);
  if (!description.trim()) fail('请填写问题描述');
  if (!Array.isArray(input.images) || input.images.length > FEEDBACK_LIMITS.images) fail('图片最多 3 张');
  return {
    category: isFeedbackCategory(input.category) ? input.category : fail('问题类型无效'),
    description,
    images: input.images.map(checkImage),
    context: checkContext(input.context),
  };
}

export function checkFeedbackId(value: unknown): { id: string } {
  return { id: text(record(value).id, '反馈编号', 200) };
}

export function checkFeedbackIds(value: unknown): { ids: string[] } {
  const ids = record(value).ids;
  if (!Array.isArray(ids) || ids.length > 10_000) fail('反馈编号无效');
  return { ids: ids.map((id) => text(id, '反馈编号', 200)) };
}

export function checkFeedbackExport(value: unknown): { ids?: string[] } {
  return record(value).ids === undefined ? {} : checkFeedbackIds(value);
}

export function checkFeedbackResolved(value: unknown): { id: string; resolved: boolean } {
  const resolved = record(value).resolved;
  return { ...checkFeedbackId(value), resolved: typeof resolved === 'boolean' ? resolved : fail('状态无效') };
}

/** Only http(s) URLs; empty turns the webhook off. */
export function checkFeedbackSettings(value: unknown): FeedbackSettings {
  const url = text(record(value).webhookUrl, 'Webhook 地址', 2000).trim();
  if (url && !isWebhookUrl(url)) fail('Webhook 地址须以 http:// 或 https:// 开头');
  return { webhookUrl: url };
}

export function isWebhookUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
