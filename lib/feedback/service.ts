/**
 * The background's feedback service: stores items (images as Blobs) in the feedback database, answers the
 * options page's inbox, and hands new items to the delivery queue: to the shop server's inbox when this browser
 * is connected to one (the server stores it once per item id, its Idempotency-Key), else to the webhook if set. Personal data is masked here again, in the
 * description and every text of the context, whatever the sender did: the content script runs inside a
 * third-party page. The stored item is masked, so the zip and the webhook body are too.
 */
import type { IDBPDatabase } from 'idb';
import type { FeedbackDb, OutboxEntry } from '@/lib/feedback/db';
import { blobToBase64DataUrl } from '@/lib/feedback/encode';
import { dataUrlToBytes } from '@/lib/feedback/images';
import { maskContext, maskPersonal } from '@/lib/feedback/mask';
import { createDeliveryQueue, type DeliveryQueue, type Destination, postJson } from '@/lib/feedback/queue';
import { postFeedbackToShop, type ShopCall, shopFeedbackUrl } from '@/lib/feedback/shop';
import type {
  DeliveryInfo,
  FeedbackImageData,
  FeedbackInput,
  FeedbackItem,
  FeedbackRecord,
  FeedbackSettings,
  FeedbackSummary,
} from '@/lib/feedback/types';
import { CodedError } from '@/lib/messages/errors';
import type { ServerAuth } from '@/lib/shop-server/client';

export interface FeedbackServiceDeps {
  db: () => Promise<IDBPDatabase<FeedbackDb>>;
  now(): number;
  uuid(): string;
  fetch: typeof fetch;
  /** permissions.contains for a webhook origin ("https://host/*"). */
  granted(origin: string): Promise<boolean>;
  setTimer(run: () => void, ms: number): void;
  /** The shop server link: the server this browser is connected to (null when none), and calls with its token. */
  shop: { auth(): Promise<ServerAuth | null>; call: ShopCall };
}

export function createFeedbackService(deps: FeedbackServiceDeps) {
  const outbox = {
    get: async (id: string) => (await deps.db()).get('outbox', id),
    put: async (entry: OutboxEntry) => {
      await (await deps.db()).put('outbox', entry);
    },
    all: async () => (await deps.db()).getAll('outbox'),
  };
  const queue: DeliveryQueue = createDeliveryQueue({
    store: outbox,
    now: deps.now,
    setTimer: deps.setTimer,
    async send(id, url, to) {
      const record = await (await deps.db()).get('items', id);
      // Deleted before it went out: nothing to send, and nothing to retry.
      if (!record) return { ok: true };
      if (to === 'webhook') return postJson(deps, url, id, await webhookBody(record));
      // Queued for a shop server: only with that server's token, never to another shop connected since.
      const access = await deps.shop.auth().catch(() => null);
      if (!access || shopFeedbackUrl(access.serverUrl) !== url) return { ok: false, error: 'notConnected' };
      const { images } = await withDataUrls(record);
      return postFeedbackToShop(deps.shop.call, id, record, images);
    },
  });

  /** Where an item goes now: the shop's inbox when connected, else the webhook; null for nowhere. */
  async function destination(): Promise<{ url: string; to: Destination } | null> {
    const access = await deps.shop.auth().catch(() => null);
    if (access) return { url: shopFeedbackUrl(access.serverUrl), to: 'shop' };
    const { webhookUrl } = await settings();
    return webhookUrl ? { url: webhookUrl, to: 'webhook' } : null;
  }

  async function settings(): Promise<FeedbackSettings> {
    return (await (await deps.db()).get('settings', 'feedback')) ?? { webhookUrl: '' };
  }

  async function list(): Promise<FeedbackSummary[]> {
    const db = await deps.db();
    const [records, entries] = await Promise.all([db.getAll('items'), db.getAll('outbox')]);
    const delivery = new Map(entries.map((entry) => [entry.id, deliveryInfo(entry)]));
    return records.sort((a, b) => b.createdAt - a.createdAt).map((record) => summary(record, delivery.get(record.id)));
  }

  async function item(id: string): Promise<FeedbackItem | null> {
    const db = await deps.db();
    const record = await db.get('items', id);
    if (!record) return null;
    const entry = await db.get('outbox', id);
    return { ...(await withDataUrls(record)), delivery: entry && deliveryInfo(entry) };
  }

  return {
    queue,
    handlers: {
      /** `duplicate`: this request id was stored before (a retry after a lost answer); nothing new is stored. */
      async submitFeedback(input: FeedbackInput): Promise<{ id: string; duplicate: boolean }> {
        if (input.requestId && (await (await deps.db()).get('items', input.requestId))) {
          return { id: input.requestId, duplicate: true };
        }
        const description = input.description.trim();
        if (!description) throw new CodedError('feedbackDescriptionMissing');
        const images = input.images.map((image) => {
          const decoded = dataUrlToBytes(image.dataUrl);
          if (!decoded) throw new CodedError('invalidField', { field: 'image' });
          return {
            type: decoded.type,
            blob: new Blob([decoded.bytes as BlobPart], { type: decoded.type }),
            width: image.width,
            height: image.height,
          };
        });
        const record: FeedbackRecord = {
          id: input.requestId ?? deps.uuid(),
          createdAt: deps.now(),
          category: input.category,
          description: maskPersonal(description),
          context: maskContext(input.context),
          images,
          resolved: false,
        };
        await (await deps.db()).put('items', record);
        // Queued after the item is stored: a failing server or webhook never loses feedback.
        const target = await destination();
        if (target) void queue.enqueue(record.id, target.url, target.to).catch(() => {});
        return { id: record.id, duplicate: false };
      },
      listFeedback: () => list(),
      getFeedback: ({ id }: { id: string }) => item(id),
      async setFeedbackResolved({ id, resolved }: { id: string; resolved: boolean }) {
        const db = await deps.db();
        const record = await db.get('items', id);
        if (!record) throw new CodedError('feedbackMissing');
        await db.put('items', { ...record, resolved });
        return list();
      },
      async deleteFeedback({ ids }: { ids: string[] }) {
        const db = await deps.db();
        const tx = db.transaction('items', 'readwrite');
        await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
        return list();
      },
      /** Every item (or the chosen ones) with images, newest first, for the zip the options page builds. */
      async exportFeedback({ ids }: { ids?: string[] }): Promise<FeedbackItem[]> {
        const chosen = ids ?? (await list()).map((row) => row.id);
        const items = await Promise.all(chosen.map(item));
        return items.filter((found): found is FeedbackItem => found !== null);
      },
      /**
       * 重新发送: the chosen items go now to the shop's inbox (when connected) or the webhook, each under its own
       * id as the Idempotency-Key.
       */
      async resendFeedback({ ids }: { ids: string[] }) {
        const target = await destination();
        if (!target) throw new CodedError('webhookMissing');
        const db = await deps.db();
        for (const id of ids) {
          if (await db.get('items', id)) await queue.resend(id, target.url, target.to);
        }
        return list();
      },
      feedbackSettings: () => settings(),
      async saveFeedbackSettings(next: FeedbackSettings): Promise<FeedbackSettings> {
        await (await deps.db()).put('settings', next, 'feedback');
        return next;
      },
    },
  };
}

function deliveryInfo(entry: OutboxEntry): DeliveryInfo {
  return {
    state: entry.state,
    to: entry.to ?? 'webhook',
    attempts: entry.attempts,
    nextAt: entry.nextAt,
    problem: entry.lastError,
  };
}

function summary(record: FeedbackRecord, delivery: DeliveryInfo | undefined): FeedbackSummary {
  return {
    id: record.id,
    createdAt: record.createdAt,
    category: record.category,
    description: record.description,
    intent: record.context.intent,
    intentLabel: record.context.intentLabel,
    node: record.context.node,
    buyerText: record.context.buyerText,
    imageCount: record.images.length,
    resolved: record.resolved,
    delivery,
  };
}

async function withDataUrls(record: FeedbackRecord): Promise<Omit<FeedbackItem, 'delivery'>> {
  const images: FeedbackImageData[] = await Promise.all(
    record.images.map(async (image) => ({
      type: image.type,
      width: image.width,
      height: image.height,
      dataUrl: await blobToBase64DataUrl(image.blob, image.type),
    })),
  );
  return { ...record, images };
}

/** The webhook's JSON: the item as the inbox shows it, with its images inline. */
async function webhookBody(record: FeedbackRecord) {
  const item = await withDataUrls(record);
  return {
    id: item.id,
    createdAt: new Date(item.createdAt).toISOString(),
    category: item.category,
    description: item.description,
    context: item.context,
    images: item.images,
  };
}
