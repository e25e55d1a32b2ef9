import { describe, expect, test } from 'vitest';
import type { OutboxEntry } from '@/lib/feedback/db';
import {
  BACKOFF,
  backoffMs,
  createDeliveryQueue,
  type OutboxStore,
  postJson,
  type SendResult,
} from '@/lib/feedback/queue';

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

const fail = { ok: false, error: 'http500' } as const;

test('backoff doubles from 2 s, is capped at 10 min, and is hourly once the fast retries are spent', () => {
  expect([1, 2, 3, 4].map(backoffMs)).toEqual([2000, 4000, 8000, 16000]);
  expect(backoffMs(BACKOFF.maxAttempts - 1)).toBe(BACKOFF.maxMs);
  expect(backoffMs(BACKOFF.maxAttempts)).toBe(60 * 60_000);
  expect(backoffMs(30)).toBe(60 * 60_000);
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

  test('a failing item does not hold up the others', async () => {
    const clock = fakeClock();
    const hook = server({ bad: [fail, fail] });
    const store = memoryStore();
    const queue = createDeliveryQueue({ store, ...clock, send: hook.send });
    await queue.enqueue('bad', 'u');
    await queue.enqueue('good', 'u');
    expect(hook.delivered).toEqual(['good']);
  });
});

/** An outage longer than the fast retries (about 37 minutes): `hours` of 500s, then the server is back. */
async function outage(hours: number) {
  const clock = fakeClock();
  let down = true;
  const received: string[] = [];
  const delivered: string[] = [];
  const send = async (id: string): Promise<SendResult> => {
    received.push(id);
    if (down) return fail;
    delivered.push(id);
    return { ok: true };
  };
  const store = memoryStore();
  const queue = createDeliveryQueue({ store, ...clock, send });
  await queue.enqueue('a', 'u');
  await queue.enqueue('b', 'u');
  await queue.enqueue('c', 'u');
  for (let minute = 0; minute < hours * 60; minute++) await clock.advance(60_000);
  return {
    clock,
    store,
    queue,
    send,
    received,
    delivered,
    recover() {
      down = false;
    },
  };
}

describe('an outage longer than the fast retries', () => {
  test('keeps each item and retries it hourly, so nothing is lost once the server is back', async () => {
    const run = await outage(3);
    expect(run.store.entries.get('a')).toMatchObject({ state: 'failed', lastError: 'http500' });
    const tries = run.received.filter((id) => id === 'a').length;
    // 12 fast attempts in the first ~37 minutes, then one an hour.
    expect(tries).toBeGreaterThanOrEqual(BACKOFF.maxAttempts + 2);
    expect(tries).toBeLessThanOrEqual(BACKOFF.maxAttempts + 3);
    expect(run.clock.timerAt).toBeDefined();
    run.recover();
    await run.clock.advance(60 * 60_000);
    expect(run.delivered.sort()).toEqual(['a', 'b', 'c']);
    expect([...run.store.entries.values()].map((entry) => entry.state)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
  });

  test('every start of the worker tries the stalled items at once', async () => {
    const run = await outage(1);
    run.recover();
    const restarted = createDeliveryQueue({ store: run.store, now: run.clock.now, setTimer: () => {}, send: run.send });
    await restarted.start();
    expect(run.delivered.sort()).toEqual(['a', 'b', 'c']);
  });

  test('one item getting through sends the stalled ones at once, each once', async () => {
    const run = await outage(1);
    run.recover();
    await run.queue.enqueue('new', 'u');
    expect(run.delivered.sort()).toEqual(['a', 'b', 'c', 'new']);
    await run.clock.advance(3 * 60 * 60_000);
    expect(run.delivered).toHaveLength(4);
  });

  test('重新发送 sends a stalled item now, to the webhook set now, and never a delivered one', async () => {
    const run = await outage(1);
    run.recover();
    await run.queue.resend('a', 'https://new');
    expect(run.delivered[0]).toBe('a');
    expect(run.store.entries.get('a')).toMatchObject({ state: 'delivered', url: 'https://new' });
    await run.queue.resend('a', 'https://new');
    expect(run.delivered.filter((id) => id === 'a')).toHaveLength(1);
  });
});

describe('postJson', () => {
  const granted = async () => true;

  test('a request that times out is retried with the same Idempotency-Key', async () => {
    const keys: (string | null)[] = [];
    let slow = true;
    const fetcher = ((_url: string, init: RequestInit) => {
      keys.push(new Headers(init.headers).get('Idempotency-Key'));
      if (!slow) return Promise.resolve(new Response(null, { status: 204 }));
      // A receiver slower than the client's timeout: it answers only when the request is aborted.
      return new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    }) as unknown as typeof fetch;
    const clock = fakeClock();
    const store = memoryStore();
    const queue = createDeliveryQueue({
      store,
      ...clock,
      send: (id, url) => postJson({ fetch: fetcher, granted }, url, id, {}, 5),
    });
    await queue.enqueue('item-1', 'https://hook.example/x');
    expect(store.entries.get('item-1')).toMatchObject({ state: 'pending', lastError: 'timeout' });
    slow = false;
    await clock.advance(BACKOFF.firstMs);
    expect(keys).toEqual(['item-1', 'item-1']);
    expect(store.entries.get('item-1')?.state).toBe('delivered');
  });

  test('goes only to an origin the admin granted, and only over https except to this machine', async () => {
    const sent: string[] = [];
    const fetcher = (async (url: string) => {
      sent.push(url);
      return new Response(null, { status: 200 });
    }) as unknown as typeof fetch;
    const asked: string[] = [];
    const onlyA = async (origin: string) => {
      asked.push(origin);
      return origin === 'https://a.example/*';
    };
    const post = (url: string) => postJson({ fetch: fetcher, granted: onlyA }, url, 'k', {});
    await expect(post('https://b.example/hook')).resolves.toEqual({ ok: false, error: 'notGranted' });
    await expect(post('http://a.example/hook')).resolves.toEqual({ ok: false, error: 'notHttps' });
    await expect(post('https://a.example/hook')).resolves.toEqual({ ok: true });
    expect(asked).toEqual(['https://b.example/*', 'https://a.example/*']);
    expect(sent).toEqual(['https://a.example/hook']);
    const local = (url: string) => postJson({ fetch: fetcher, granted }, url, 'k', {});
    await expect(local('http://127.0.0.1:8080/hook')).resolves.toEqual({ ok: true });
    await expect(local('http://localhost/hook')).resolves.toEqual({ ok: true });
  });

  test('a server error or an unreachable server is coded, not raw text', async () => {
    const status = (async () => new Response(null, { status: 503 })) as unknown as typeof fetch;
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(postJson({ fetch: status, granted }, 'https://a.example', 'k', {})).resolves.toEqual({
      ok: false,
      error: 'http503',
    });
    await expect(postJson({ fetch: down, granted }, 'https://a.example', 'k', {})).resolves.toEqual({
      ok: false,
      error: 'network',
    });
  });
});

describe('the shop server as destination', () => {
  test('an item queued for the shop is sent there, and goes at once when the server answers again', async () => {
    const clock = fakeClock();
    const destinations: string[] = [];
    const hook = server({ a: [fail, fail, fail] });
    const store = memoryStore();
    const queue = createDeliveryQueue({
      store,
      ...clock,
      send: (id, _url, to) => {
        destinations.push(to);
        return hook.send(id);
      },
    });
    await queue.enqueue('a', 'http://127.0.0.1:8787/api/feedback', 'shop');
    await clock.advance(2000);
    await clock.advance(4000);
    expect(hook.received).toHaveLength(3);
    // Mid-backoff (8 s to wait): the server is back, so it goes now.
    await clock.advance(1000);
    await queue.retryNow();
    expect(hook.delivered).toEqual(['a']);
    expect(destinations).toEqual(['shop', 'shop', 'shop', 'shop']);
    expect(store.entries.get('a')).toMatchObject({ state: 'delivered', to: 'shop', attempts: 4 });
  });
});
