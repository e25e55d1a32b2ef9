import { isIntentId } from '@/lib/intents/ids';
import { type StatsEvent, SUGGESTION_EVENTS, type SuggestionEvent } from '@/lib/stats/types';

/** At most this many events in one report; the content script batches far fewer. */
export const MAX_STATS_EVENTS = 100;

function invalid(): never {
  throw new Error('统计事件无效');
}

function time(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : invalid();
}

/** Checks a content script's stats events field by field; anything unexpected refuses the whole report. */
export function checkStatsEvents(value: unknown): StatsEvent[] {
  if (!Array.isArray(value) || value.length > MAX_STATS_EVENTS) invalid();
  return value.map((item): StatsEvent => {
    if (typeof item !== 'object' || item === null) invalid();
    const { kind, intent, at, seconds } = item as Record<string, unknown>;
    if (kind === 'buyerMessage') return { kind, at: time(at) };
    if (kind === 'answered') {
      const wait = typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : invalid();
      return { kind, at: time(at), seconds: wait };
    }
    if ((SUGGESTION_EVENTS as readonly unknown[]).includes(kind) && isIntentId(intent)) {
      return { kind: kind as SuggestionEvent, intent, at: time(at) };
    }
    return invalid();
  });
}
