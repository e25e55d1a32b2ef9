/**
 * The webhook delivery queue. Each queued item is POSTed until the server answers 2xx, with exponential
 * backoff between attempts. The queue's state lives in IndexedDB (the outbox), so it survives service-worker
 * and browser restarts; an item marked delivered is never sent again, and only one run is in flight at a
 * time, so the server sees each item succeed exactly once. Every request carries the item id as its
 * Idempotency-Key, for the one case no client can rule out (the browser dies between the server's 2xx and
 * the outbox write). Clock, timer and sending are injected, so tests drive it with a fake clock.
 */
import type { OutboxEntry } from '@/lib/feedback/db';

export interface OutboxStore {
  get(id: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  all(): Promise<OutboxEntry[]>;
}

export type SendResult = { ok: true } | { ok: false; error: string };

export interface QueueDeps {
  store: OutboxStore;
  now(): number;
  /** Calls `run` after `ms`; replaces any earlier timer. */
  setTimer(run: () => void, ms: number): void;
  /** Sends one item to `url` once; never throws. */
  send(id: string, url: string): Promise<SendResult>;
}

export const BACKOFF = { firstMs: 2_000, maxMs: 10 * 60_000, maxAttempts: 12 } as const;

/** The wait after the n-th failed attempt (n ≥ 1): 2 s, 4 s, 8 s … capped at 10 min. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** (attempts - 1));
}

export function createDeliveryQueue(deps: QueueDeps) {
  let running: Promise<void> | null = null;
  let again = false;

  /** Queues an item once; queuing it again (a retried message, a restart) changes nothing. */
  async function enqueue(id: string, url: string): Promise<void> {
    if (!(await deps.store.get(id))) {
      await deps.store.put({ id, url, state: 'pending', attempts: 0, nextAt: deps.now() });
    }
    await run();
  }

  /** Sends every due item, then sets the timer for the next one. Concurrent calls share one pass. */
  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await pass();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  async function pass(): Promise<void> {
    const entries = await deps.store.all();
    const due = entries.filter((entry) => entry.state === 'pending' && entry.nextAt <= deps.now());
    for (const entry of due.sort((a, b) => a.nextAt - b.nextAt)) {
      // Re-read: another context may have delivered it since the list was taken.
      const current = await deps.store.get(entry.id);
      if (current?.state !== 'pending') continue;
      const result = await deps.send(current.id, current.url);
      const attempts = current.attempts + 1;
      if (result.ok) {
        await deps.store.put({ ...current, state: 'delivered', attempts, lastError: undefined });
      } else {
        const failed = attempts >= BACKOFF.maxAttempts;
        await deps.store.put({
          ...current,
          attempts,
          state: failed ? 'failed' : 'pending',
          nextAt: deps.now() + backoffMs(attempts),
          lastError: result.error,
        });
      }
    }
    const pending = (await deps.store.all()).filter((entry) => entry.state === 'pending');
    if (pending.length > 0) {
      const next = Math.min(...pending.map((entry) => entry.nextAt));
      deps.setTimer(() => void run(), Math.max(0, next - deps.now()));
    }
  }

  return { enqueue, run };
}

export type DeliveryQueue = ReturnType<typeof createDeliveryQueue>;

/** What goes to the webhook: JSON with the item, its context and its images as data URLs. */
export async function postJson(
  fetcher: typeof fetch,
  url: string,
  id: string,
  body: unknown,
  timeoutMs = 30_000,
): Promise<SendResult> {
  try {
    const response = await fetcher(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
