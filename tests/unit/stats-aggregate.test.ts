import * as v from 'valibot';
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import {
  applyEvent,
  byDay,
  byHour,
  byIntent,
  dayOf,
  emptyRow,
  fileEvents,
  lastDays,
  replyRate,
  toCsv,
} from '@/lib/stats/aggregate';
import { StatsEventsSchema } from '@/lib/stats/schema';
import { createStatsService, openStatsDb } from '@/lib/stats/store';
import type { StatsEvent, StatsRow } from '@/lib/stats/types';

/** Local times, so the tests hold in any time zone. */
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();
const AGENT = 'agent-1';

function file(events: StatsEvent[], rows = new Map<string, StatsRow>()): StatsRow[] {
  const changed = fileEvents(rows, events, AGENT);
  return [...new Map([...rows, ...changed]).values()];
}

describe('filing events', () => {
  test('per day × intent × agent; buyer messages and replies under no intent', () => {
    const rows = file([
      { kind: 'shown', intent: 'ship_urge', at: at(24, 9) },
      { kind: 'shown', intent: 'ship_urge', at: at(24, 10) },
      { kind: 'sent', intent: 'ship_urge', at: at(24, 10) },
      { kind: 'copied', intent: 'logistics', at: at(24, 11) },
      { kind: 'action', intent: 'logistics', at: at(24, 11) },
      { kind: 'dismissed', intent: 'escalation', at: at(23, 20) },
      { kind: 'feedback', intent: 'escalation', at: at(23, 20) },
      { kind: 'buyerMessage', at: at(24, 9, 30) },
    ]);
    const keys = rows.map((row) => row.key).sort();
    expect(keys).toEqual(
      [
        `${dayOf(at(23, 0))}|escalation|${AGENT}`,
        `${dayOf(at(24, 0))}||${AGENT}`,
        `${dayOf(at(24, 0))}|logistics|${AGENT}`,
        `${dayOf(at(24, 0))}|ship_urge|${AGENT}`,
      ].sort(),
    );
    const ship = rows.find((row) => row.intent === 'ship_urge');
    expect(ship).toMatchObject({ shown: 2, sent: 1, copied: 0 });
    expect(rows.find((row) => row.intent === 'logistics')).toMatchObject({ copied: 1, actions: 1 });
    expect(rows.find((row) => row.intent === 'escalation')).toMatchObject({ dismissed: 1, feedback: 1 });
    expect(rows.find((row) => row.intent === '')?.hours[9]).toBe(1);
  });

  test('applyEvent leaves its input alone', () => {
    const row = emptyRow('2026-11-24', '', AGENT);
    const next = applyEvent(row, { kind: 'buyerMessage', at: at(24, 14) });
    expect(row.buyerMessages).toBe(0);
    expect(row.hours[14]).toBe(0);
    expect(next.buyerMessages).toBe(1);
  });
});

describe('the 3-minute reply rate', () => {
  test('answered within 180 s over buyer messages seen; unanswered ones count against it', () => {
    const rows = file([
      { kind: 'buyerMessage', at: at(24, 9) },
      { kind: 'buyerMessage', at: at(24, 9, 5) },
      { kind: 'buyerMessage', at: at(24, 9, 10) },
      { kind: 'buyerMessage', at: at(24, 9, 20) },
      { kind: 'answered', at: at(24, 9), seconds: 45 },
      { kind: 'answered', at: at(24, 9, 5), seconds: 180 },
      { kind: 'answered', at: at(24, 9, 10), seconds: 181 },
    ]);
    const [day] = byDay(rows, [dayOf(at(24, 0))]);
    expect(day).toMatchObject({ buyerMessages: 4, answered: 3, answeredIn3m: 2, rate: 0.5 });
    expect(day.averageReplySeconds).toBeCloseTo((45 + 180 + 181) / 3);
  });

  test('no buyer messages: no rate, not 0%', () => {
    expect(replyRate({ buyerMessages: 0, answeredIn3m: 0 })).toBeNull();
    const [day] = byDay([], ['2026-11-20']);
    expect(day.rate).toBeNull();
  });

  test('a reply is filed under the day the buyer wrote, even after midnight', () => {
    const rows = file([
      { kind: 'buyerMessage', at: at(23, 23, 59) },
      { kind: 'answered', at: at(23, 23, 59), seconds: 90 },
    ]);
    const [before, after] = byDay(rows, [dayOf(at(23, 0)), dayOf(at(24, 0))]);
    expect(before).toMatchObject({ buyerMessages: 1, answeredIn3m: 1, rate: 1 });
    expect(after.buyerMessages).toBe(0);
  });
});

describe('figures for the page', () => {
  const rows = file([
    { kind: 'shown', intent: 'ship_urge', at: at(24, 9) },
    { kind: 'shown', intent: 'ship_urge', at: at(24, 9) },
    { kind: 'sent', intent: 'ship_urge', at: at(24, 9) },
    { kind: 'shown', intent: 'escalation', at: at(24, 9) },
    { kind: 'copied', intent: 'escalation', at: at(24, 9) },
    { kind: 'action', intent: 'escalation', at: at(24, 9) },
    { kind: 'buyerMessage', at: at(24, 9) },
    { kind: 'buyerMessage', at: at(24, 21) },
    { kind: 'buyerMessage', at: at(25, 21) },
  ]);

  test('shown vs used per intent, most shown first', () => {
    expect(byIntent(rows)).toEqual([
      expect.objectContaining({ intent: 'ship_urge', shown: 2, used: 1, sent: 1 }),
      expect.objectContaining({ intent: 'escalation', shown: 1, used: 2, copied: 1, actions: 1 }),
    ]);
  });

  test('buyer messages by hour', () => {
    const hours = byHour(rows);
    expect(hours).toHaveLength(24);
    expect(hours[9]).toBe(1);
    expect(hours[21]).toBe(2);
  });

  test('the last n days end today, oldest first, across a month boundary', () => {
    expect(lastDays(new Date(2026, 11, 2, 8).getTime(), 4)).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
  });

  test('CSV: a header, one line per row, 24 hour columns; formula-looking cells are defused', () => {
    const csv = toCsv([...rows, { ...emptyRow('2026-11-24', '', '=HYPERLINK("x")') }]);
    const lines = csv.trim().split('\n');
    expect(lines[0].split(',')).toHaveLength(13 + 24);
    expect(lines[0]).toMatch(/^day,intent,agent,shown,copied,sent,actions,dismissed,feedback,buyerMessages/);
    expect(lines).toHaveLength(rows.length + 2);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('checking events from a chat tab', () => {
  test('accepts the known shapes and refuses anything else', () => {
    const check = (events: unknown) => v.safeParse(StatsEventsSchema, events);
    expect(check([{ kind: 'shown', intent: 'ship_urge', at: 1 }]).output).toEqual([
      { kind: 'shown', intent: 'ship_urge', at: 1 },
    ]);
    expect(check(Array(100).fill({ kind: 'buyerMessage', at: 1 })).success).toBe(true);
    expect(check([{ kind: 'shown', intent: 'nope', at: 1 }]).success).toBe(false);
    expect(check([{ kind: 'answered', at: 1, seconds: -1 }]).success).toBe(false);
    expect(check([{ kind: 'buyerMessage', at: 'now' }]).success).toBe(false);
    expect(check(Array(101).fill({ kind: 'buyerMessage', at: 1 })).success).toBe(false);
  });
});

describe('the stats database', () => {
  let counter = 0;
  function service(now: () => number) {
    const name = `huashu-stats-test-${++counter}`;
    let id = 0;
    return createStatsService({ now, open: () => openStatsDb(name), randomId: () => `agent-${++id}` });
  }

  test('records, reports with one agent id kept across calls, and resets', async () => {
    const now = at(24, 12);
    const stats = service(() => now);
    await stats.record([
      { kind: 'shown', intent: 'ship_urge', at: now },
      { kind: 'buyerMessage', at: now - 60_000 },
    ]);
    await stats.record([{ kind: 'answered', at: now - 60_000, seconds: 60 }]);
    const report = await stats.report();
    expect(report.agent).toBe('agent-1');
    expect(report.rows.map((row) => row.agent)).toEqual(['agent-1', 'agent-1']);
    const [day] = byDay(report.rows, [dayOf(now)]);
    expect(day).toMatchObject({ buyerMessages: 1, answeredIn3m: 1, rate: 1 });
    await stats.reset();
    expect((await stats.report()).rows).toEqual([]);
    expect((await stats.report()).agent).toBe('agent-1');
  });

  test('refuses events from the far past or the future, and caps a wait at a day', async () => {
    const now = at(24, 12);
    const stats = service(() => now);
    await stats.record([
      { kind: 'shown', intent: 'ship_urge', at: now - 3 * 24 * 3600_000 },
      { kind: 'shown', intent: 'ship_urge', at: now + 3600_000 },
      { kind: 'answered', at: now, seconds: 10 * 24 * 3600 },
    ]);
    const { rows } = await stats.report();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ intent: '', answered: 1, replySeconds: 24 * 3600 });
  });

  test('concurrent reports from two tabs lose no count', async () => {
    const now = at(24, 12);
    const stats = service(() => now);
    await Promise.all(
      Array.from({ length: 10 }, () => stats.record([{ kind: 'shown', intent: 'logistics', at: now }])),
    );
    const { rows } = await stats.report();
    expect(rows[0].shown).toBe(10);
  });
});
