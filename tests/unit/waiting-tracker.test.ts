import { describe, expect, test } from 'vitest';
import type { ConversationSummary } from '@/lib/adapters/types';
import { parseWaitText } from '@/lib/waiting/duration';
import {
  formatWait,
  longestWaiting,
  nextAlertAt,
  orderByWait,
  slowReplies,
  WaitingTracker,
  waitedSeconds,
} from '@/lib/waiting/tracker';

/** A fake clock the tests move by hand. */
function clock(start = Date.UTC(2026, 10, 24, 2, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}

function row(id: string, waiting: boolean, waitingSeconds?: number): ConversationSummary {
  return { id, name: `买家${id}`, waiting, unread: 0, ...(waitingSeconds !== undefined ? { waitingSeconds } : {}) };
}

describe('ordering by waiting time', () => {
  test('longest wait first, marked buyers before everyone, ties by name', () => {
    const buyers = [
      { id: 'a', name: 'A', since: 3000, marked: false },
      { id: 'b', name: 'B', since: 1000, marked: false },
      { id: 'c', name: 'C', since: 5000, marked: true },
      { id: 'd', name: 'D', since: 1000, marked: false },
    ];
    expect(orderByWait(buyers).map((buyer) => buyer.id)).toEqual(['c', 'b', 'd', 'a']);
    expect(longestWaiting(buyers)?.id).toBe('c');
    expect(longestWaiting([])).toBeUndefined();
  });

  test('the tracker orders the page’s rows by the page’s own timers', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.update([row('c01', false), row('c02', true, 420), row('c03', true, 90), row('c05', true, 150)]);
    expect(tracker.buyers().map((buyer) => buyer.id)).toEqual(['c02', 'c05', 'c03']);
    expect(waitedSeconds(tracker.buyers()[0], time.now())).toBe(420);
  });

  test('a row without a timer waits from when it was first seen waiting', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.update([row('x', true)]);
    time.advance(40);
    const { started } = tracker.update([row('x', true), row('y', true)]);
    expect(started.map((buyer) => buyer.id)).toEqual(['y']);
    expect(tracker.buyers().map((buyer) => [buyer.id, waitedSeconds(buyer, time.now())])).toEqual([
      ['x', 40],
      ['y', 0],
    ]);
  });
});

describe('slow-reply threshold on a fake clock', () => {
  test('a buyer joins the alert once the wait reaches the threshold, not before', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.update([row('c09', true, 30)]);
    const alert = () => slowReplies(tracker.buyers(), { thresholdSeconds: 100, now: time.now() });
    expect(alert()).toEqual([]);
    time.advance(69);
    tracker.update([row('c09', true, 99)]);
    expect(alert()).toEqual([]);
    time.advance(1);
    tracker.update([row('c09', true, 100)]);
    expect(alert().map((buyer) => buyer.id)).toEqual(['c09']);
  });

  test('answering ends the wait: it leaves the alert and is reported with how long it took', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.update([row('c02', true, 420)]);
    time.advance(15);
    const { answered } = tracker.update([row('c02', false)]);
    expect(answered).toEqual([{ id: 'c02', since: time.now() - 435_000, seconds: 435 }]);
    expect(slowReplies(tracker.buyers(), { thresholdSeconds: 100, now: time.now() })).toEqual([]);
  });

  test('no alert for the conversation the agent is typing in', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.update([row('a', true, 200), row('b', true, 300)]);
    const ids = slowReplies(tracker.buyers(), { thresholdSeconds: 100, now: time.now(), typingIn: 'b' }).map(
      (buyer) => buyer.id,
    );
    expect(ids).toEqual(['a']);
  });

  test('a timer that restarts between two looks counts as an answer and a new wait', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.update([row('a', true, 200)]);
    time.advance(30);
    const { answered, started } = tracker.update([row('a', true, 10)]);
    expect(answered).toEqual([{ id: 'a', since: time.now() - 230_000, seconds: 220 }]);
    expect(started.map((buyer) => buyer.id)).toEqual(['a']);
    expect(waitedSeconds(tracker.buyers()[0], time.now())).toBe(10);
  });

  test('rows that leave the list are dropped, not counted as answered', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.update([row('a', true, 200)]);
    expect(tracker.update([]).answered).toEqual([]);
    expect(tracker.buyers()).toEqual([]);
  });
});

describe('an automatic send (the order prediction card)', () => {
  test('is no answer: the buyer stays waiting from the same moment, on the alert and out of the figures', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.update([row('c09', true, 40)]);
    tracker.sentAutomatically('c09');
    time.advance(5);
    // The page shows the conversation answered by the card.
    expect(tracker.update([row('c09', false)]).answered).toEqual([]);
    time.advance(100);
    expect(tracker.update([row('c09', false)]).answered).toEqual([]);
    expect(slowReplies(tracker.buyers(), { thresholdSeconds: 100, now: time.now() }).map((b) => b.id)).toEqual(['c09']);
    expect(waitedSeconds(tracker.buyers()[0], time.now())).toBe(145);
  });

  test('keeps an angry buyer marked', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.update([row('a', true, 5)]);
    tracker.mark('a');
    tracker.sentAutomatically('a');
    tracker.update([row('a', false)]);
    expect(tracker.buyers()[0]).toMatchObject({ id: 'a', marked: true });
  });

  test('the buyer writing again after it continues the first wait, not a new one', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.update([row('a', true, 60)]);
    tracker.sentAutomatically('a');
    tracker.update([row('a', false)]);
    time.advance(30);
    const { answered, started } = tracker.update([row('a', true, 2)]);
    expect([answered, started]).toEqual([[], []]);
    expect(waitedSeconds(tracker.buyers()[0], time.now())).toBe(90);
  });

  test('the agent’s own reply ends the wait, counted from the buyer’s message', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.update([row('a', true, 60)]);
    tracker.sentAutomatically('a');
    tracker.update([row('a', false)]);
    time.advance(200);
    tracker.replied('a');
    expect(tracker.update([row('a', false)]).answered).toEqual([
      { id: 'a', since: time.now() - 260_000, seconds: 260 },
    ]);
    expect(tracker.buyers()).toEqual([]);
  });
});

describe('escalation marks', () => {
  test('a marked buyer alerts at once, first, and stays marked until the agent replies', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.update([row('old', true, 500), row('angry', true, 5)]);
    tracker.mark('angry');
    const alert = () => slowReplies(tracker.buyers(), { thresholdSeconds: 100, now: time.now() });
    expect(alert().map((buyer) => [buyer.id, buyer.marked])).toEqual([
      ['angry', true],
      ['old', false],
    ]);
    time.advance(60);
    tracker.update([row('old', true, 560), row('angry', true, 65)]);
    expect(tracker.isMarked('angry')).toBe(true);
    tracker.update([row('old', true, 561), row('angry', false)]);
    expect(tracker.isMarked('angry')).toBe(false);
  });

  test('a mark made before the list shows the buyer waiting survives the list catching up', () => {
    const time = clock();
    const tracker = new WaitingTracker(time.now);
    tracker.mark('a');
    tracker.update([row('a', false)]);
    expect(tracker.isMarked('a')).toBe(true);
    time.advance(1);
    tracker.update([row('a', true, 1)]);
    expect(tracker.buyers()[0]).toMatchObject({ id: 'a', marked: true });
    tracker.replied('a');
    expect(tracker.isMarked('a')).toBe(false);
  });
});

describe('reading and writing waiting times', () => {
  test.each([
    ['45秒', 45],
    ['3分钟', 180],
    ['1小时', 3600],
    ['等待 1分05秒', 65],
    ['1小时2分', 3720],
    ['50秒后超时', undefined],
    ['14:32', undefined],
    ['', undefined],
  ])('%s → %s', (text, seconds) => {
    expect(parseWaitText(text)).toBe(seconds);
  });

  test('formats like the workbench', () => {
    expect(formatWait(45)).toBe('45秒');
    expect(formatWait(125)).toBe('2分05秒');
    expect(formatWait(3720)).toBe('1小时02分');
    expect(formatWait(125, 'en')).toBe('2m 05s');
  });
});

describe('nextAlertAt', () => {
  const start = Date.UTC(2026, 10, 24, 2, 0, 0);
  const buyer = (id: string, secondsAgo: number, marked = false) => ({
    id,
    name: id,
    since: start - secondsAgo * 1000,
    marked,
  });

  test('is the moment the buyer closest to the threshold reaches it, and the alert then lists that buyer', () => {
    const buyers = [buyer('a', 10), buyer('b', 70), buyer('c', 150)];
    const at = nextAlertAt(buyers, { thresholdSeconds: 100, now: start });
    expect(at).toBe(start + 30_000);
    const before = slowReplies(buyers, { thresholdSeconds: 100, now: (at ?? 0) - 1 }).map((b) => b.id);
    const after = slowReplies(buyers, { thresholdSeconds: 100, now: at ?? 0 }).map((b) => b.id);
    expect(before).toEqual(['c']);
    expect(after).toEqual(['c', 'b']);
  });

  test('skips marked buyers, the buyer being typed to, and buyers already past the threshold', () => {
    const buyers = [buyer('marked', 90, true), buyer('typed', 95), buyer('late', 200), buyer('next', 40)];
    expect(nextAlertAt(buyers, { thresholdSeconds: 100, now: start, typingIn: 'typed' })).toBe(start + 60_000);
  });

  test('is undefined when no buyer will cross the threshold by waiting', () => {
    expect(nextAlertAt([buyer('late', 200), buyer('marked', 5, true)], { thresholdSeconds: 100, now: start })).toBe(
      undefined,
    );
    expect(nextAlertAt([], { thresholdSeconds: 100, now: start })).toBe(undefined);
  });
});
