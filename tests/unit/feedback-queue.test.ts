import { describe, expect, test } from 'vitest';
import type { OutboxEntry } from '@/lib/feedback/db';
import { BACKOFF, backoffMs, createDeliveryQueue, type OutboxStore, type SendResult } from '@/lib/feedback/queue';

/** A fake clock with one timer, as the queue's deps see it. */
function fakeClock() {
  let now = 1_000_000;
  let timer: { at: number; run: () => void } | null = null;
  return {
    now: () => now,
    setTimer(run: () => void, ms: number) {
      timer = { at: now + ms, run };
    },
    get timerAt() {
      return timer?.at;
    },
    /** Moves time on, firing the timer when it is due. */
    async advance(ms: number) {
      now += ms;
      while (timer && timer.at <= now) {
        const due = timer;
        timer = null;
        due.run();
        await settle();
      }
      await settle();
    },
  };
}

async function settle() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function memoryStore(entries = new Map<string, OutboxEntry>()): OutboxStore & { entries: Map<string, OutboxEntry> } {
  return {
    entries,
    get: async (id) => (entries.has(id) ? { ...(entries.get(id) as OutboxEntry) } : undefined),
    put: async (entry) => {
      entries.set(entry.id, { ...entry });
    },
    all: async () => [...entries.values()].map((entry) => ({ ...entry })),
  };
}

/** A server that answers from a script: each item's attempts in order, then 2xx. */
function server(script: Record<string, SendResult[]> = {}) {
  const received: string[] = [];
  const delivered: string[] = [];
  return {
    received,
    delivered,
    async send(id: string): Promise<SendResult> {
      received.push(id);
      const answer = script[id]?.shift() ?? { ok: true };
      if (answer.ok) delivered.push(id);
      return answer;
    },
  };
}

const fail = { ok: false, error: 'HTTP 500' } as const;

test('backoff doubles from 2 s and is capped at 10 min', () => {
  expect([1, 2, 3, 4].map(backoffMs)).toEqual([2000, 4000, 8000, 16000]);
  expect(backoffMs(30)).toBe(BACKOFF.maxMs);
});

describe('delivery queue', () => {
  test('delivers a new item at once', async () => {
    const clock = fakeClock();
    const hook = server();
    const store = memoryStore();
    const queue = createDeliveryQueue({ store, ...clock, send: hook.send });
    await queue.enqueue('a', 'https://hook');
    expect(hook.received).toEqual(['a']);
    expect(store.entries.get('a')?.state).toBe('delivered');
  });

  test('retries after a 500 with backoff, and stops once it went through', async () => {
    const clock = fakeClock();
    const hook = server({ a: [fail, fail] });
    const store = memoryStore();
    const queue = createDeliveryQueue({ store, ...clock, send: hook.send });
    await queue.enqueue('a', 'https://hook');
    expect(hook.received).toEqual(['a']);
    await clock.advance(1999);
    expect(hook.received).toHaveLength(1);
    await clock.advance(1);
    expect(hook.received).toHaveLength(2);
    await clock.advance(4000);
    expect(hook.received).toHaveLength(3);
    expect(hook.delivered).toEqual(['a']);
    await clock.advance(60 * 60_000);
    expect(hook.received).toHaveLength(3);
    expect(store.entries.get('a')).toMatchObject({ state: 'delivered', attempts: 3 });
  });

  test('queuing the same item twice, or running concurrently, sends it once', async () => {
    const clock = fakeClock();
    const hook = server();
    const store = memoryStore();
    const queue = createDeliveryQueue({ store, ...clock, send: hook.send });
    await Promise.all([queue.enqueue('a', 'u'), queue.enqueue('a', 'u'), queue.run(), queue.run()]);
    await queue.enqueue('a', 'u');
    expect(hook.received).toEqual(['a']);
  });

  test('survives a restart: a new queue on the same outbox sends what is due, once', async () => {
    const clock = fakeClock();
    const hook = server({ a: [fail] });
    const store = memoryStore();
    await createDeliveryQueue({ store, ...clock, send: hook.send }).enqueue('a', 'u');
    expect(hook.received).toEqual(['a']);
    // The worker stops; its timer is gone. A new one starts later.
    await clock.advance(0);
    const restarted = createDeliveryQueue({ store, now: clock.now, setTimer: () => {}, send: hook.send });
    await restarted.run();
    expect(hook.received).toEqual(['a']); // not due yet
    await clock.advance(5000);
    await restarted.run();
    await restarted.run();
    expect(hook.received).toEqual(['a', 'a']);
    expect(hook.delivered).toEqual(['a']);
  });

  test('a failing item does not hold up the others, and gives up after the last attempt', async () => {
    const clock = fakeClock();
    const hook = server({ bad: Array.from({ length: 50 }, () => fail) });
    const store = memoryStore();
    const queue = createDeliveryQueue({ store, ...clock, send: hook.send });
    await queue.enqueue('bad', 'u');
    await queue.enqueue('good', 'u');
    expect(hook.delivered).toEqual(['good']);
    for (let i = 0; i < 40; i++) await clock.advance(BACKOFF.maxMs);
    expect(hook.received.filter((id) => id === 'bad')).toHaveLength(BACKOFF.maxAttempts);
    expect(store.entries.get('bad')?.state).toBe('failed');
    expect(clock.timerAt).toBeUndefined();
  });
});
