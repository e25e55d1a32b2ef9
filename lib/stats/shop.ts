/**
 * The shop server's side of the statistics: what a browser pushes (its daily totals, which the server upserts
 * per browser × day × intent, so pushing the same day again replaces it) and the shop's figures the admin reads.
 */
import type { ShopCall } from '@/lib/feedback/shop';
import type { DayFigures, IntentFigures } from '@/lib/stats/aggregate';
import { dayOf } from '@/lib/stats/aggregate';
import type { StatsRow } from '@/lib/stats/types';

/** How far back a push reaches: a browser that was offline for weeks still fills in its days. */
export const PUSH_DAYS = 60;

export type PushedRow = Omit<StatsRow, 'key' | 'agent'>;

/**
 * The rows of the last PUSH_DAYS days that differ from what this browser last pushed (`pushed`: each row's
 * key → its fingerprint then), so a push after a change carries the day that changed, not two months.
 */
export function rowsToPush(rows: readonly StatsRow[], now: number, pushed: ReadonlyMap<string, string> = new Map()) {
  const since = dayOf(now - PUSH_DAYS * 24 * 3600 * 1000);
  return rows
    .filter((row) => row.day >= since && pushed.get(row.key) !== fingerprint(row))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** What a row's push must change on the server. */
export function fingerprint(row: StatsRow): string {
  return JSON.stringify(pushedRow(row));
}

/** A row as pushed: without this browser's local id (the server knows who pushes). */
export function pushedRow({ key: _key, agent: _agent, ...counts }: StatsRow): PushedRow {
  return counts;
}

export function pushStats(call: ShopCall, rows: readonly StatsRow[]) {
  return call<{ stored: number }>('/api/stats', { method: 'PUT', body: { rows: rows.map(pushedRow) } });
}

/** The reply figures of the shop, of one agent, or of the days asked. */
export interface ReplyFigures {
  buyerMessages: number;
  answered: number;
  answeredIn3m: number;
  replyRate3m: number | null;
  averageReplySeconds: number | null;
}

/** GET /api/stats: the admin's whole shop; an agent gets only its own figures. */
export interface ShopStats {
  overall: ReplyFigures;
  agents: (ReplyFigures & { id: number; name: string })[];
  intents: IntentFigures[];
  hours: number[];
  /** Only days with rows, oldest first. */
  days: DayFigures[];
}

export function readShopStats(call: ShopCall, range: { from: string; to: string }) {
  return call<ShopStats>(`/api/stats?${new URLSearchParams(range)}`);
}
