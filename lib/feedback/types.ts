/**
 * Feedback an agent sends from the popup ("我要反馈") and the admin reads in the options page's inbox.
 * Plain data: the popup builds a draft, the background stores it (images as Blobs) in its own database.
 */
import type { IntentId } from '@/lib/intents/ids';
import type { OrderNode } from '@/lib/orders/types';

export const FEEDBACK_CATEGORIES = ['wrong_intent', 'bad_reply', 'bad_action', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const FEEDBACK_LIMITS = {
  descriptionChars: 1000,
  images: 3,
  /** Files larger than this are refused before scaling. */
  imageBytes: 10 * 1024 * 1024,
  /** Longest side after scaling. */
  imageSide: 1600,
  /** A scaled image as a data URL: 1600 px WebP stays far below this. */
  imageDataUrlChars: 8 * 1024 * 1024,
  contextItems: 10,
  contextChars: 2000,
} as const;

/** What the popup showed when the agent asked for feedback; phone numbers and addresses are masked. */
export interface FeedbackContext {
  conversationId: string;
  messageId: string;
  intent: IntentId;
  intentLabel: string;
  confidence: number;
  /** What matched ("为什么推荐"). */
  why: string[];
  buyerText: string;
  replies: string[];
  node: OrderNode | null;
  orderId?: string;
  product?: string;
}

/** An image on its way to the background: already scaled, as a data URL. */
export interface FeedbackImageData {
  type: 'image/webp' | 'image/jpeg' | 'image/png';
  dataUrl: string;
  width: number;
  height: number;
}

export const IMAGE_TYPES: readonly FeedbackImageData['type'][] = ['image/webp', 'image/jpeg', 'image/png'];

export interface FeedbackInput {
  /**
   * Made in the page once per draft and kept across retries: it becomes the item's id, so a submit repeated
   * after a lost answer stores nothing twice.
   */
  requestId?: string;
  category: FeedbackCategory;
  description: string;
  images: FeedbackImageData[];
  context: FeedbackContext;
}

interface StoredImage {
  type: FeedbackImageData['type'];
  blob: Blob;
  width: number;
  height: number;
}

/** As stored in IndexedDB. */
export interface FeedbackRecord {
  /** A UUID; also the webhook's idempotency key. */
  id: string;
  createdAt: number;
  category: FeedbackCategory;
  description: string;
  context: FeedbackContext;
  images: StoredImage[];
  resolved: boolean;
}

/** One row of the inbox list: no image data. */
export interface FeedbackSummary {
  id: string;
  createdAt: number;
  category: FeedbackCategory;
  description: string;
  intent: IntentId;
  intentLabel: string;
  node: OrderNode | null;
  buyerText: string;
  imageCount: number;
  resolved: boolean;
  delivery?: DeliveryInfo;
}

/** One item with its images as data URLs (Blobs do not cross runtime messages in Chromium). */
export interface FeedbackItem extends Omit<FeedbackRecord, 'images'> {
  images: FeedbackImageData[];
  delivery?: DeliveryInfo;
}

/**
 * pending: being sent, with fast retries. failed: the fast retries are spent; still retried every hour, at each
 * start and when the server answers again. An item with no delivery was never queued (no webhook then).
 */
export type DeliveryState = 'pending' | 'delivered' | 'failed';

/**
 * Why an attempt failed, as a code the inbox words in the admin's language. notConnected: queued for the shop
 * server, and this browser is not connected to that server now.
 */
export type DeliveryProblem = 'timeout' | 'network' | 'notGranted' | 'notHttps' | 'notConnected' | `http${number}`;

/** An item's delivery as the inbox shows it. */
export interface DeliveryInfo {
  state: DeliveryState;
  /** Where it goes: the shop server's inbox, or the webhook. */
  to: 'shop' | 'webhook';
  attempts: number;
  /** When the next attempt is due, unless delivered. */
  nextAt: number;
  problem?: DeliveryProblem;
}

export interface FeedbackSettings {
  /** Where each item is POSTed; empty for none. */
  webhookUrl: string;
}
