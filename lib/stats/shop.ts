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

/** The rows of the last PUSH_DAYS days, without this browser's local id (the server knows who pushes). */
export function rowsToPush(rows: readonly StatsRow[], now: number): PushedRow[] {
  const since = dayOf(now - PUSH_DAYS * 24 * 3600 * 1000);
  return rows
    .filter((row) => row.day >= since)
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ key: _key, agent: _agent, ...counts }) => counts);
}

export function pushStats(call: ShopCall, rows: PushedRow[]) {
  return call<{ stored: number }>('/api/stats', { method: 'PUT', body: { rows } });
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
