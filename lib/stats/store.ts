/**
 * The reply statistics' own IndexedDB database, opened only by the background. It is separate from the
 * shop's database on purpose: statistics grow every day and can be reset, and neither may ever touch the
 * shop's replies or bump their schema.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { fileEvents, keyOf, rowKey } from '@/lib/stats/aggregate';
import type { StatsEvent, StatsReport, StatsRow } from '@/lib/stats/types';

const STATS_DB_NAME = 'huashu-stats';
const STATS_DB_VERSION = 1;

interface StatsDb extends DBSchema {
  rows: { key: string; value: StatsRow; indexes: { day: string } };
  /** 'agent': this browser's random id, made once. */
  meta: { key: string; value: string };
}

/** Events older than this or from the future are refused: a page cannot rewrite history. */
const ACCEPT_PAST_MS = 2 * 24 * 3600 * 1000;
const ACCEPT_FUTURE_MS = 60 * 1000;
/** Longest wait worth recording; a tab left open overnight does not make one reply take 14 hours. */
const MAX_WAIT_SECONDS = 24 * 3600;

export function openStatsDb(name = STATS_DB_NAME): Promise<IDBPDatabase<StatsDb>> {
  return openDB<StatsDb>(name, STATS_DB_VERSION, {
    upgrade(db, oldVersion) {
      // 0 → 1: rows by day × intent × agent, and the agent id.
      if (oldVersion < 1) {
        const rows = db.createObjectStore('rows', { keyPath: 'key' });
        rows.createIndex('day', 'day');
        db.createObjectStore('meta');
      }
    },
  });
}

export interface StatsService {
  record(events: readonly StatsEvent[]): Promise<void>;
  report(): Promise<StatsReport>;
  reset(): Promise<void>;
  /** The daily summary's switch (off until the admin turns it on) and the last day it went out. */
  summaryState(): Promise<{ enabled: boolean; lastSentDay: string | null }>;
  setSummaryEnabled(enabled: boolean): Promise<void>;
  markSummarySent(day: string): Promise<void>;
}

export function createStatsService(options: {
  now: () => number;
  open?: () => Promise<IDBPDatabase<StatsDb>>;
  randomId?: () => string;
}): StatsService {
  const randomId = options.randomId ?? (() => crypto.randomUUID());
  let opened: Promise<IDBPDatabase<StatsDb>> | null = null;
  const db = () => {
    opened ??= (options.open ?? openStatsDb)();
    return opened;
  };
  // Writes one after another: two tabs reporting at once must not lose a count.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };

  async function agentId(): Promise<string> {
    const database = await db();
    const known = await database.get('meta', 'agent');
    if (known) return known;
    const id = randomId();
    await database.put('meta', id, 'agent');
    return id;
  }

  return {
    record(events) {
      return serial(async () => {
        const now = options.now();
        const accepted = events
          .filter((event) => event.at >= now - ACCEPT_PAST_MS && event.at <= now + ACCEPT_FUTURE_MS)
          .map((event) =>
            event.kind === 'answered' ? { ...event, seconds: Math.min(event.seconds, MAX_WAIT_SECONDS) } : event,
          );
        if (accepted.length === 0) return;
        const agent = await agentId();
        const database = await db();
        const tx = database.transaction('rows', 'readwrite');
        const keys = new Set(accepted.map((event) => rowKey(keyOf(event).day, keyOf(event).intent, agent)));
        const stored = new Map<string, StatsRow>();
        for (const key of keys) {
          const row = await tx.store.get(key);
          if (row) stored.set(key, row);
        }
        const changed = fileEvents(stored, accepted, agent);
        await Promise.all([...changed.values()].map((row) => tx.store.put(row)));
        await tx.done;
      });
    },
    report() {
      return serial(async () => {
        const agent = await agentId();
        return { agent, rows: await (await db()).getAll('rows') };
      });
    },
    reset() {
      return serial(async () => {
        await (await db()).clear('rows');
      });
    },
    summaryState() {
      return serial(async () => {
        const database = await db();
        const [enabled, lastSentDay] = await Promise.all([
          database.get('meta', 'summaryEnabled'),
          database.get('meta', 'summarySentDay'),
        ]);
        return { enabled: enabled === '1', lastSentDay: lastSentDay ?? null };
      });
    },
    setSummaryEnabled(enabled) {
      return serial(async () => {
        await (await db()).put('meta', enabled ? '1' : '0', 'summaryEnabled');
      });
    },
    markSummarySent(day) {
      return serial(async () => {
        await (await db()).put('meta', day, 'summarySentDay');
      });
    },
  };
}
