/**
 * Feedback lives in its own IndexedDB database, apart from the shop's replies: it grows with images and
 * the shop store's schema stays untouched. Opened only by the background. SCHEMA_STEPS[n] upgrades n → n + 1.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { DeliveryProblem, DeliveryState, FeedbackRecord, FeedbackSettings } from '@/lib/feedback/types';

const FEEDBACK_DB_NAME = 'huashu-feedback';
const FEEDBACK_DB_VERSION = 1;

/** One item's webhook delivery. The item id is the idempotency key. */
export interface OutboxEntry {
  id: string;
  state: DeliveryState;
  attempts: number;
  /** When the next attempt is due (ms since epoch). */
  nextAt: number;
  /** The URL it goes to, fixed when queued so a later settings change doesn't redirect it. */
  url: string;
  /** The shop server's inbox (sent with the device token); absent: the webhook, as before the shop server. */
  to?: 'shop';
  /** Entries written before problems were coded may hold other text; the inbox words those generically. */
  lastError?: DeliveryProblem;
}

export interface FeedbackDb extends DBSchema {
  items: { key: string; value: FeedbackRecord; indexes: { createdAt: number } };
  outbox: { key: string; value: OutboxEntry };
  settings: { key: 'feedback'; value: FeedbackSettings };
}

// biome-ignore lint/suspicious/noExplicitAny: upgrade steps see the schema of several versions
const SCHEMA_STEPS: readonly ((db: IDBPDatabase<any>) => void)[] = [
  // 0 → 1: items (newest first through the createdAt index), the webhook outbox, settings.
  (db) => {
    db.createObjectStore('items', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
    db.createObjectStore('outbox', { keyPath: 'id' });
    db.createObjectStore('settings');
  },
];

export async function openFeedbackDb(factory?: IDBFactory, name = FEEDBACK_DB_NAME): Promise<IDBPDatabase<FeedbackDb>> {
  let opened: IDBPDatabase<FeedbackDb> | undefined;
  const saved = globalThis.indexedDB;
  // idb's openDB opens on the global indexedDB, synchronously; tests pass a fresh fake factory.
  if (factory) globalThis.indexedDB = factory;
  let request: Promise<IDBPDatabase<FeedbackDb>>;
  try {
    request = openDB<FeedbackDb>(name, FEEDBACK_DB_VERSION, {
      upgrade(db, oldVersion) {
        for (let step = oldVersion; step < FEEDBACK_DB_VERSION; step++) SCHEMA_STEPS[step](db);
      },
      // A newer version wants to upgrade: let it.
      blocking: () => opened?.close(),
    });
  } finally {
    if (factory) globalThis.indexedDB = saved;
  }
  opened = await request;
  return opened;
}
