/**
 * Sends yesterday's summary once, to the webhook the admin set for feedback, when the admin turned the
 * daily summary on. Otherwise nothing leaves the browser. A failed post is tried again on the next wake-up.
 */
import type { StatsService } from '@/lib/stats/store';
import { buildDailySummary, summaryDue } from '@/lib/stats/summary';

export interface DailyDeps {
  stats: StatsService;
  /** The feedback webhook ('' when none). */
  webhookUrl(): Promise<string>;
  post(url: string, id: string, body: unknown): Promise<{ ok: true } | { ok: false; error: string }>;
  now(): number;
}

export type DailyResult = { sent: string } | { skipped: true } | { failed: string };

export async function sendDailySummary(deps: DailyDeps): Promise<DailyResult> {
  const [state, webhookUrl] = await Promise.all([deps.stats.summaryState(), deps.webhookUrl()]);
  const day = summaryDue({ ...state, webhookUrl, now: deps.now() });
  if (!day) return { skipped: true };
  const { agent, rows } = await deps.stats.report();
  const result = await deps.post(webhookUrl, `huashu-stats-${agent}-${day}`, buildDailySummary(rows, day, agent));
  if (!result.ok) return { failed: result.error };
  await deps.stats.markSummarySent(day);
  return { sent: day };
}
