/**
 * The shop's IndexedDB database, opened only by the background. Each schema version has an upgrade step
 * from the one before it; a browser that skipped versions runs every step in turn, in one transaction.
 *
 * Official replies are never stored: they come from the catalogue. The database keeps only what the shop
 * decided: overrides of official replies, its own replies, disabled intents, keyword rules, settings,
 * and the hit counts shown on the options page.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, wrap } from 'idb';
import type { IntentId } from '@/lib/intents/ids';
import type { Settings } from '@/lib/settings';
import type { KeywordRule, Situation, SlotEdits } from '@/lib/store/types';

export const DB_NAME = 'huashu-shop';
export const DB_VERSION = 3;

export interface SlotRecord extends SlotEdits {
  /** `${intent}/${situation}` */
  key: string;
  updatedAt: number;
}

export interface RuleRecord extends KeywordRule {
  /** The rule's place in the shop's list: the first matching rule wins. */
  position: number;
}

export interface SelectorRecord {
  adapter: string;
  /** The page's override (lib/pages/definition.ts PageOverride), or the older `{ key: string[] }` shape: read through storedSelectorOverrides. */
  selectors: Record<string, unknown>;
}

/** The current schema (version 3). */
export interface ShopDb extends DBSchema {
  slots: { key: string; value: SlotRecord };
  intents: { key: IntentId; value: { intent: IntentId; enabled: boolean } };
  rules: { key: string; value: RuleRecord };
  settings: { key: 'shop'; value: Partial<Settings> };
  hits: { key: IntentId; value: { intent: IntentId; count: number } };
  /** Page selector overrides, one record per adapter (lib/adapters/overrides.ts). */
  selectors: { key: string; value: SelectorRecord };
}

/** Version 1 kept one record per edited or added reply; version 2 groups them by intent × situation. */
export interface ReplyRecordV1 {
  /** The official reply id for an override; `own.<uuid>` for the shop's own reply. */
  id: string;
  intent: IntentId;
  situation: Situation;
  kind: 'override' | 'own';
  text: string;
  createdAt: number;
}

// Upgrade steps see stores of several versions, so they work on an untyped database.
// biome-ignore lint/suspicious/noExplicitAny: the schema differs per version
type AnyDb = IDBPDatabase<any>;
// biome-ignore lint/suspicious/noExplicitAny: the schema differs per version
type AnyTx = IDBPTransaction<any, any, 'versionchange'>;

/** SCHEMA_STEPS[n] upgrades version n to n + 1. */
const SCHEMA_STEPS: readonly ((db: AnyDb, tx: AnyTx) => Promise<void>)[] = [
  // 0 → 1: replies, intents, settings.
  async (db) => {
    const replies = db.createObjectStore('replies', { keyPath: 'id' });
    replies.createIndex('slot', ['intent', 'situation']);
    db.createObjectStore('intents', { keyPath: 'intent' });
    db.createObjectStore('settings');
  },
  // 1 → 2: replies grouped by slot (so the limit of own replies and their order are kept in one record),
  // keyword rules, hit counts.
  async (db, tx) => {
    const slots = db.createObjectStore('slots', { keyPath: 'key' });
    db.createObjectStore('rules', { keyPath: 'id' });
    db.createObjectStore('hits', { keyPath: 'intent' });
    const old = (await tx.objectStore('replies').getAll()) as ReplyRecordV1[];
    const grouped = new Map<string, SlotRecord>();
    for (const reply of old.sort((a, b) => a.createdAt - b.createdAt)) {
      const key = `${reply.intent}/${reply.situation}`;
      let slot = grouped.get(key);
      if (!slot) {
        slot = {
          key,
          intent: reply.intent,
          situation: reply.situation,
          overrides: {},
          own: [],
          order: [],
          updatedAt: reply.createdAt,
        };
        grouped.set(key, slot);
      }
      if (reply.kind === 'override') slot.overrides[reply.id] = reply.text;
      else slot.own.push({ id: reply.id, text: reply.text });
      slot.updatedAt = Math.max(slot.updatedAt, reply.createdAt);
    }
    await Promise.all([...grouped.values()].map((slot) => slots.put(slot)));
    db.deleteObjectStore('replies');
  },
  // 2 → 3: page selector overrides.
  async (db) => {
    db.createObjectStore('selectors', { keyPath: 'adapter' });
  },
];

/** Opens (creating or upgrading) the database. `factory` lets tests pass a fresh fake IndexedDB. */
export async function openShopDb(factory: IDBFactory = indexedDB, name = DB_NAME): Promise<IDBPDatabase<ShopDb>> {
  return openAt(factory, name, DB_VERSION) as Promise<IDBPDatabase<ShopDb>>;
}

/**
 * Opens the database at a schema version (the app uses DB_VERSION; tests write older ones), running the
 * upgrade steps in the versionchange transaction. A failing step aborts it, so the old data stays as it was.
 * Like idb's openDB, but on the given factory rather than the global indexedDB.
 */
export async function openAt(factory: IDBFactory, name: string, version: number): Promise<AnyDb> {
  const request = factory.open(name, version);
  const opened = wrap(request) as Promise<AnyDb>;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as AnyDb;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as AnyTx;
    void (async () => {
      for (let step = event.oldVersion; step < version; step++) await SCHEMA_STEPS[step](db, tx);
    })().catch(() => {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: nothing was committed either way.
      }
    });
  });
  const db = await opened;
  // Another tab (or a newer service worker) wants a newer version: close so it can upgrade.
  db.addEventListener('versionchange', () => db.close());
  return db;
}
