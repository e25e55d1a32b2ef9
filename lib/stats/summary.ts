/**
 * The daily summary a shop may send to its webhook (the one feedback uses): one day's figures from
 * this browser, no buyer names, no message text. Pure; lib/stats/daily.ts decides when it goes.
 */
import { byDay, byHour, byIntent, dayOf } from '@/lib/stats/aggregate';
import type { StatsRow } from '@/lib/stats/types';

export interface DailySummary {
  type: 'huashu.stats.daily';
  day: string;
  agent: string;
  buyerMessages: number;
  answered: number;
  answeredIn3m: number;
  /** 0–1, null when no buyer message was seen. */
  replyRate3m: number | null;
  averageReplySeconds: number | null;
  intents: { intent: string; shown: number; used: number; dismissed: number; feedback: number }[];
  /** Buyer messages per local hour. */
  hours: number[];
}

export function buildDailySummary(rows: readonly StatsRow[], day: string, agent: string): DailySummary {
  const ofDay = rows.filter((row) => row.day === day);
  const [figures] = byDay(ofDay, [day]);
  return {
    type: 'huashu.stats.daily',
    day,
    agent,
    buyerMessages: figures.buyerMessages,
    answered: figures.answered,
    answeredIn3m: figures.answeredIn3m,
    replyRate3m: figures.rate,
    averageReplySeconds: figures.averageReplySeconds === null ? null : Math.round(figures.averageReplySeconds),
    intents: byIntent(ofDay).map(({ intent, shown, used, dismissed, feedback }) => ({
      intent,
      shown,
      used,
      dismissed,
      feedback,
    })),
    hours: byHour(ofDay),
  };
}

/** The local day before `now`: the last one that is complete. */
export function previousDay(now: number): string {
  const date = new Date(now);
  return dayOf(new Date(date.getFullYear(), date.getMonth(), date.getDate() - 1, 12).getTime());
}

/** Whether yesterday's summary is still to send: enabled, a webhook, and not sent yet. */
export function summaryDue(options: { enabled: boolean; webhookUrl: string; lastSentDay: string | null; now: number }) {
  if (!options.enabled || !options.webhookUrl) return null;
  const day = previousDay(options.now);
  return options.lastSentDay !== null && options.lastSentDay >= day ? null : day;
}
