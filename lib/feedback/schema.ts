/**
 * Schemas of the feedback requests. A content script runs inside a third-party page, so every field is checked
 * for type and size before the background stores it.
 */
import * as v from 'valibot';
import { FEEDBACK_CATEGORIES, FEEDBACK_LIMITS, IMAGE_TYPES } from '@/lib/feedback/types';
import { INTENT_IDS } from '@/lib/intents/ids';
import { CodedError } from '@/lib/messages/errors';
import type { Field } from '@/lib/messages/fields';
import { ORDER_NODES } from '@/lib/orders/types';

const text = (field: Field, max: number = FEEDBACK_LIMITS.contextChars) =>
  v.pipe(v.string(field), v.maxLength(max, field));
const texts = (field: Field) => v.pipe(v.array(text(field), field), v.maxLength(FEEDBACK_LIMITS.contextItems, field));
/** Absent and null both read as absent: the page may not show the order. */
const optionalText = (field: Field) =>
  v.pipe(
    v.nullish(text(field)),
    v.transform((value) => value ?? undefined),
  );
const side = v.pipe(
  v.number('imageSize'),
  v.integer('imageSize'),
  v.minValue(1, 'imageSize'),
  v.maxValue(FEEDBACK_LIMITS.imageSide, 'imageSize'),
);

const FeedbackContextSchema = v.object(
  {
    conversationId: text('conversation', 200),
    messageId: text('message', 200),
    intent: v.picklist(INTENT_IDS, 'intent'),
    intentLabel: text('intentLabel', 100),
    confidence: v.pipe(v.number('confidence'), v.minValue(0, 'confidence'), v.maxValue(1, 'confidence')),
    why: texts('why'),
    buyerText: text('text'),
    replies: texts('replies'),
    node: v.nullish(v.picklist(ORDER_NODES, 'situation'), null),
    orderId: optionalText('orderId'),
    product: optionalText('product'),
  },
  'feedbackContext',
);

const FeedbackImageSchema = v.pipe(
  v.object(
    {
      type: v.picklist(IMAGE_TYPES, 'imageType'),
      dataUrl: text('image', FEEDBACK_LIMITS.imageDataUrlChars),
      width: side,
      height: side,
    },
    'image',
  ),
  v.check((image) => image.dataUrl.startsWith(`data:${image.type};base64,`), 'image'),
);

export const FeedbackInputSchema = v.pipe(
  v.object(
    {
      requestId: v.optional(v.pipe(v.string('requestId'), v.uuid('requestId'))),
      category: v.picklist(FEEDBACK_CATEGORIES, 'category'),
      description: text('description', FEEDBACK_LIMITS.descriptionChars),
      images: v.array(FeedbackImageSchema, 'images'),
      context: FeedbackContextSchema,
    },
    'request',
  ),
  // Worded refusals the agent can act on, rather than "invalid field".
  v.transform((input) => {
    if (!input.description.trim()) throw new CodedError('feedbackDescriptionMissing');
    if (input.images.length > FEEDBACK_LIMITS.images) {
      throw new CodedError('feedbackTooManyImages', { max: FEEDBACK_LIMITS.images });
    }
    return input;
  }),
);

const feedbackId = text('feedbackId', 200);
export const FeedbackIdSchema = v.object({ id: feedbackId }, 'request');
export const FeedbackIdsSchema = v.object(
  { ids: v.pipe(v.array(feedbackId, 'feedbackId'), v.maxLength(10_000, 'feedbackId')) },
  'request',
);
export const FeedbackExportSchema = v.object(
  { ids: v.optional(v.pipe(v.array(feedbackId, 'feedbackId'), v.maxLength(10_000, 'feedbackId'))) },
  'request',
);
export const FeedbackResendSchema = v.object(
  { ids: v.pipe(v.array(feedbackId, 'feedbackId'), v.minLength(1, 'feedbackId'), v.maxLength(10_000, 'feedbackId')) },
  'request',
);
export const FeedbackResolvedSchema = v.object({ id: feedbackId, resolved: v.boolean('enabled') }, 'request');

/** Only https, or http to this machine; empty turns the webhook off. */
export const FeedbackSettingsSchema = v.object(
  {
    webhookUrl: v.pipe(
      text('webhookUrl', 2000),
      v.trim(),
      v.check((url) => url === '' || isWebhookUrl(url), 'webhookUrl'),
    ),
  },
  'request',
);

/** Where a webhook may go: https, or http to this machine (a receiver under test or on the agent's PC). */
export function isWebhookUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:') return true;
    return parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  } catch {
    return false;
  }
}
