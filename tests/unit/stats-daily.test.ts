import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { dayOf } from '@/lib/stats/aggregate';
import { sendDailySummary } from '@/lib/stats/daily';
import { createStatsService, openStatsDb } from '@/lib/stats/store';
import { buildDailySummary, previousDay, summaryDue } from '@/lib/stats/summary';

const at = (day: number, hour: number) => new Date(2026, 10, day, hour).getTime();
let counter = 0;

function setup(clock: { now: number }) {
  const name = `huashu-stats-daily-${++counter}`;
  const stats = createStatsService({ now: () => clock.now, open: () => openStatsDb(name), randomId: () => 'agent-x' });
  const posts: { url: string; id: string; body: unknown }[] = [];
  let fail = false;
  let webhook = 'https://hooks.example.com/shop';
  const deps = {
    stats,
    webhookUrl: async () => webhook,
    post: async (url: string, id: string, body: unknown) => {
      posts.push({ url, id, body });
      return fail ? ({ ok: false, error: 'HTTP 500' } as const) : ({ ok: true } as const);
    },
    now: () => clock.now,
  };
  return {
    stats,
    posts,
    run: () => sendDailySummary(deps),
    failNext(value: boolean) {
      fail = value;
    },
    setWebhook(url: string) {
      webhook = url;
    },
  };
}

describe('daily summary', () => {
  test('nothing is sent while the admin has not turned it on, or without a webhook', async () => {
    const clock = { now: at(24, 9) };
    const daily = setup(clock);
    await daily.stats.record([{ kind: 'buyerMessage', at: at(23, 15) }]);
    expect(await daily.run()).toEqual({ skipped: true });
    await daily.stats.setSummaryEnabled(true);
    daily.setWebhook('');
    expect(await daily.run()).toEqual({ skipped: true });
    expect(daily.posts).toEqual([]);
  });

  test('yesterday’s figures go out once, with an idempotency key; a failure is retried later', async () => {
    const clock = { now: at(24, 9) };
    const daily = setup(clock);
    await daily.stats.record([
      { kind: 'buyerMessage', at: at(23, 15) },
      { kind: 'answered', at: at(23, 15), seconds: 40 },
      { kind: 'shown', intent: 'ship_urge', at: at(23, 15) },
      { kind: 'sent', intent: 'ship_urge', at: at(23, 15) },
      { kind: 'buyerMessage', at: at(24, 8) },
    ]);
    await daily.stats.setSummaryEnabled(true);

    daily.failNext(true);
    expect(await daily.run()).toEqual({ failed: 'HTTP 500' });
    daily.failNext(false);
    expect(await daily.run()).toEqual({ sent: dayOf(at(23, 12)) });
    expect(await daily.run()).toEqual({ skipped: true });

    expect(daily.posts).toHaveLength(2);
    const last = daily.posts[1];
    expect(last.id).toBe(`huashu-stats-agent-x-${dayOf(at(23, 12))}`);
    expect(last.body).toMatchObject({
      type: 'huashu.stats.daily',
      day: dayOf(at(23, 12)),
      buyerMessages: 1,
      answeredIn3m: 1,
      replyRate3m: 1,
      intents: [{ intent: 'ship_urge', shown: 1, used: 1, dismissed: 0, feedback: 0 }],
    });
    expect(JSON.stringify(last.body)).not.toMatch(/买家|text/);

    // The next day, the day after goes out.
    clock.now = at(25, 9);
    expect(await daily.run()).toEqual({ sent: dayOf(at(24, 12)) });
    expect(daily.posts[2].body).toMatchObject({ buyerMessages: 1, answered: 0, replyRate3m: 0 });
  });

  test('due logic and the previous day across a month boundary', () => {
    expect(previousDay(new Date(2026, 11, 1, 0, 30).getTime())).toBe('2026-11-30');
    const now = new Date(2026, 10, 24, 9).getTime();
    expect(summaryDue({ enabled: true, webhookUrl: 'https://x', lastSentDay: null, now })).toBe('2026-11-23');
    expect(summaryDue({ enabled: true, webhookUrl: 'https://x', lastSentDay: '2026-11-23', now })).toBeNull();
    expect(summaryDue({ enabled: false, webhookUrl: 'https://x', lastSentDay: null, now })).toBeNull();
  });

  test('a day without data still reports zeros and no rate', () => {
    expect(buildDailySummary([], '2026-11-23', 'a')).toMatchObject({
      buyerMessages: 0,
      replyRate3m: null,
      averageReplySeconds: null,
      intents: [],
    });
  });
});
