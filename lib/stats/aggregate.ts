/**
 * Statistics as pure functions of the recorded rows: filing events, and the figures the options page
 * shows. No clock and no storage here; the background owns both.
 */
import type { IntentId } from '@/lib/intents/ids';
import { REPLY_TARGET_SECONDS, type StatsCounts, type StatsEvent, type StatsRow } from '@/lib/stats/types';

function emptyCounts(): StatsCounts {
  return {
    shown: 0,
    copied: 0,
    sent: 0,
    actions: 0,
    dismissed: 0,
    feedback: 0,
    buyerMessages: 0,
    answered: 0,
    answeredIn3m: 0,
    replySeconds: 0,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of an instant, YYYY-MM-DD. */
export function dayOf(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function rowKey(day: string, intent: IntentId | '', agent: string): string {
  return `${day}|${intent}|${agent}`;
}

export function emptyRow(day: string, intent: IntentId | '', agent: string): StatsRow {
  return { key: rowKey(day, intent, agent), day, intent, agent, ...emptyCounts(), hours: Array(24).fill(0) };
}

/** Which row an event is filed under. */
export function keyOf(event: StatsEvent): { day: string; intent: IntentId | '' } {
  return { day: dayOf(event.at), intent: 'intent' in event ? event.intent : '' };
}

/** Adds one event to its row (a new object; the input is left alone). */
export function applyEvent(row: StatsRow, event: StatsEvent): StatsRow {
  const next: StatsRow = { ...row, hours: [...row.hours] };
  switch (event.kind) {
    case 'shown':
    case 'copied':
    case 'sent':
    case 'dismissed':
    case 'feedback':
      next[event.kind] += 1;
      break;
    case 'action':
      next.actions += 1;
      break;
    case 'buyerMessage':
      next.buyerMessages += 1;
      next.hours[new Date(event.at).getHours()] += 1;
      break;
    case 'answered':
      next.answered += 1;
      next.replySeconds += event.seconds;
      if (event.seconds <= REPLY_TARGET_SECONDS) next.answeredIn3m += 1;
      break;
  }
  return next;
}

/** Files events into rows keyed by day × intent × agent; `rows` holds the ones already stored. */
export function fileEvents(rows: ReadonlyMap<string, StatsRow>, events: readonly StatsEvent[], agent: string) {
  const changed = new Map<string, StatsRow>();
  for (const event of events) {
    const { day, intent } = keyOf(event);
    const key = rowKey(day, intent, agent);
    const row = changed.get(key) ?? rows.get(key) ?? emptyRow(day, intent, agent);
    changed.set(key, applyEvent(row, event));
  }
  return changed;
}

/** The 3-minute reply rate: buyer messages answered within three minutes over buyer messages seen. */
export function replyRate(counts: Pick<StatsCounts, 'buyerMessages' | 'answeredIn3m'>): number | null {
  if (counts.buyerMessages === 0) return null;
  return Math.min(1, counts.answeredIn3m / counts.buyerMessages);
}

export function sumCounts(rows: readonly StatsCounts[]): StatsCounts {
  const total = emptyCounts();
  for (const row of rows) for (const key of Object.keys(total) as (keyof StatsCounts)[]) total[key] += row[key];
  return total;
}

/** The last `count` local days up to `today`, oldest first. */
export function lastDays(today: number, count: number): string[] {
  const end = new Date(today);
  const days: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    days.push(dayOf(new Date(end.getFullYear(), end.getMonth(), end.getDate() - back, 12).getTime()));
  }
  return days;
}

export interface DayFigures {
  day: string;
  buyerMessages: number;
  answered: number;
  answeredIn3m: number;
  rate: number | null;
  averageReplySeconds: number | null;
}

/** Reply figures per day for the trend chart; days without data are kept, with no rate. */
export function byDay(rows: readonly StatsRow[], days: readonly string[]): DayFigures[] {
  return days.map((day) => {
    const total = sumCounts(rows.filter((row) => row.day === day));
    return {
      day,
      buyerMessages: total.buyerMessages,
      answered: total.answered,
      answeredIn3m: total.answeredIn3m,
      rate: replyRate(total),
      averageReplySeconds: total.answered ? total.replySeconds / total.answered : null,
    };
  });
}

export interface IntentFigures {
  intent: IntentId;
  shown: number;
  /** Copied, sent or an action run: the agent used the suggestion. */
  used: number;
  copied: number;
  sent: number;
  actions: number;
  dismissed: number;
  feedback: number;
}

/** Suggestions shown and used per intent, most shown first; intents never shown are left out. */
export function byIntent(rows: readonly StatsRow[]): IntentFigures[] {
  const grouped = new Map<IntentId, StatsCounts>();
  for (const row of rows) {
    if (!row.intent) continue;
    grouped.set(row.intent, sumCounts([grouped.get(row.intent) ?? emptyCounts(), row]));
  }
  return [...grouped]
    .map(([intent, c]) => ({
      intent,
      shown: c.shown,
      used: c.copied + c.sent + c.actions,
      copied: c.copied,
      sent: c.sent,
      actions: c.actions,
      dismissed: c.dismissed,
      feedback: c.feedback,
    }))
    .filter((item) => item.shown + item.used + item.dismissed + item.feedback > 0)
    .sort((a, b) => b.shown - a.shown || a.intent.localeCompare(b.intent));
}

/** Buyer messages by hour of the day, 24 entries. */
export function byHour(rows: readonly StatsRow[]): number[] {
  const hours = Array<number>(24).fill(0);
  for (const row of rows) {
    row.hours.forEach((count, hour) => {
      hours[hour] += count;
    });
  }
  return hours;
}

const CSV_COLUMNS = [
  'day',
  'intent',
  'agent',
  'shown',
  'copied',
  'sent',
  'actions',
  'dismissed',
  'feedback',
  'buyerMessages',
  'answered',
  'answeredIn3m',
  'replySeconds',
] as const;

function csvCell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every row as CSV (one line per day × intent × agent, hours as h00…h23), sorted by day then intent. */
export function toCsv(rows: readonly StatsRow[]): string {
  const header = [...CSV_COLUMNS, ...Array.from({ length: 24 }, (_, hour) => `h${pad(hour)}`)];
  const sorted = [...rows].sort((a, b) => a.key.localeCompare(b.key));
  const lines = sorted.map((row) => [...CSV_COLUMNS.map((column) => csvCell(row[column])), ...row.hours].join(','));
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
