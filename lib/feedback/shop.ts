/**
 * The shop server as a destination of feedback, and the admin's view of the shop's inbox (server/feedback.ts is
 * the other side). Every call goes through a `ShopCall`: the background's connection link, which adds the
 * device token and keeps the connection state, or a fake in tests.
 */
import { bytesToDataUrl } from '@/lib/feedback/images';
import type { SendResult } from '@/lib/feedback/queue';
import type {
  DeliveryProblem,
  FeedbackCategory,
  FeedbackContext,
  FeedbackImageData,
  FeedbackRecord,
} from '@/lib/feedback/types';
import { CodedError, toErrorData } from '@/lib/messages/errors';
import type { CallOptions, ServerAuth } from '@/lib/shop-server/client';

/** One authenticated call to the shop server (ShopServerLink.call); rejects with a CodedError. */
export type ShopCall = <T>(path: string, options?: CallOptions) => Promise<T>;

/** The address the queue posts feedback to; stored with each queued item, so it goes to no other shop. */
export function shopFeedbackUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/api/feedback`;
}

/** An item of the shop's inbox as the server lists it. */
export interface ShopFeedbackEntry {
  id: number;
  agent: { id: number; name: string };
  category: FeedbackCategory;
  description: string;
  context: FeedbackContext;
  /** ISO time the server stored it. */
  createdAt: string;
  resolved: boolean;
  /** The images, read with the token from the server's path for each (shopFeedbackImages). */
  images: { url: string; type: FeedbackImageData['type']; width: number; height: number; bytes: number }[];
  /**
   * The server's forward of this item to the shop's webhook (admin only): null when none was set when it arrived.
   * `error` is a DeliveryProblem (http503, timeout, network…), or noWebhook when the webhook was removed since.
   */
  forward?: { state: 'pending' | 'sent' | 'failed'; attempts: number; error: string | null } | null;
}

/** The shop's webhook, set on the server: it forwards every new item there (admin only). */
export function readShopWebhook(call: ShopCall) {
  return call<{ webhookUrl: string }>('/api/shop/webhook');
}

/** `retried`: items whose forward had failed and go again now to the saved address. */
export function saveShopWebhook(call: ShopCall, webhookUrl: string) {
  return call<{ webhookUrl: string; retried: number }>('/api/shop/webhook', { method: 'PUT', body: { webhookUrl } });
}

/**
 * POSTs one stored (masked) item once, with its id as the Idempotency-Key; never throws. The body is built from
 * the stored item alone, so every retry sends the same content: the server keeps the first and answers a retry
 * with it, and refuses a reused key with other content.
 */
export async function postFeedbackToShop(
  call: ShopCall,
  id: string,
  record: FeedbackRecord,
  images: FeedbackImageData[],
  timeoutMs = 30_000,
): Promise<SendResult> {
  const body = { category: record.category, description: record.description, images, context: record.context };
  try {
    await call('/api/feedback', {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': id },
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: deliveryProblem(error) };
  }
}

/** A refused or failed post as the inbox words it. */
function deliveryProblem(error: unknown): DeliveryProblem {
  const { code, params } = toErrorData(error);
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') return 'timeout';
  switch (code) {
    case 'serverDown':
      return 'network';
    case 'serverNotConnected':
      return 'notConnected';
    case 'serverRevoked':
    case 'serverUnauthorized':
      return 'http401';
    case 'serverForbidden':
      return 'http403';
    case 'serverRateLimited':
      return 'http429';
    default:
      return typeof params?.status === 'number' ? `http${params.status}` : 'http400';
  }
}

/** How many items one page of the shop's inbox holds. */
export const SHOP_INBOX_PAGE = 50;

/**
 * One page of the shop's inbox (the admin's: everyone's, or one agent's; an agent's: its own), newest first;
 * `before`: the items older than that id, for the next page.
 */
export function listShopFeedback(call: ShopCall, query: { agent?: number; before?: number } = {}) {
  const params = new URLSearchParams({ limit: String(SHOP_INBOX_PAGE) });
  if (query.agent !== undefined) params.set('agent', String(query.agent));
  if (query.before !== undefined) params.set('before', String(query.before));
  return call<ShopFeedbackEntry[]>(`/api/feedback?${params}`);
}

export function setShopFeedbackResolved(call: ShopCall, id: number, resolved: boolean) {
  return call<{ id: number; resolved: boolean }>(`/api/feedback/${id}`, { method: 'PATCH', body: { resolved } });
}

/** The images of one inbox item as the list described them, in order. */
export type ShopImageRefs = Pick<FeedbackImageData, 'type' | 'width' | 'height'>[];

/**
 * An item's images as data URLs: an <img> can't send the token, and Blobs don't cross runtime messages. The
 * bytes come as the server stored them; `fetchImage` reads one path with the token and answers its bytes.
 */
export async function shopFeedbackImages(
  fetchImage: (path: string) => Promise<Uint8Array>,
  id: number,
  images: ShopImageRefs,
): Promise<FeedbackImageData[]> {
  return Promise.all(
    images.map(async (image, position) => ({
      ...image,
      dataUrl: bytesToDataUrl(image.type, await fetchImage(`/api/feedback/${id}/images/${position}`)),
    })),
  );
}

/** One image's bytes with the token (callServer answers JSON only). Rejects with the client's coded errors. */
export async function readShopImage(auth: ServerAuth, path: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(`${auth.serverUrl}${path}`, {
      headers: { authorization: `Bearer ${auth.token}` },
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new CodedError('serverDown', { url: auth.serverUrl });
  }
  if (!response.ok) throw imageRefusal(response.status, auth.serverUrl);
  return new Uint8Array(await response.arrayBuffer());
}

/** A refused image read, by status (an <img> path answers no body worth reading). */
function imageRefusal(status: number, serverUrl: string): CodedError {
  if (status === 401) return new CodedError('serverUnauthorized');
  if (status === 403) return new CodedError('serverForbidden');
  if (status >= 502 && status <= 504) return new CodedError('serverDown', { url: serverUrl });
  return new CodedError('serverRefused', { status, message: '' });
}
