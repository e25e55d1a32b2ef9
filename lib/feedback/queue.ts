/**
 * The feedback delivery queue, to the shop server's inbox when this browser is connected to one, else to the
 * webhook. Each queued item is POSTed until the server answers 2xx: first with exponential
 * backoff between attempts, then, once those fast retries are spent, every hour, at every start of the service
 * worker and as soon as any other item goes through (the server is back). Nothing is ever given up: the inbox
 * shows each item's state and the admin can resend at once. The queue's state lives in IndexedDB (the outbox),
 * so it survives service-worker and browser restarts; an item marked delivered is never sent again, and only
 * one run is in flight at a time. Every request carries the item id as its Idempotency-Key, the same on every
 * attempt: a request that timed out may still have reached the server, which de-duplicates on the key (the
 * README states this contract). Clock, timer and sending are injected, so tests drive it with a fake clock.
 */
import type { OutboxEntry } from '@/lib/feedback/db';
import { isWebhookUrl } from '@/lib/feedback/schema';
import type { DeliveryProblem } from '@/lib/feedback/types';

export interface OutboxStore {
  get(id: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  all(): Promise<OutboxEntry[]>;
}

/** The shop server's inbox, or the webhook the admin set. */
export type Destination = 'shop' | 'webhook';

export type SendResult = { ok: true } | { ok: false; error: DeliveryProblem };

export interface QueueDeps {
  store: OutboxStore;
  now(): number;
  /** Calls `run` after `ms`; replaces any earlier timer. */
  setTimer(run: () => void, ms: number): void;
  /** Sends one item to `url` once (`to`: the shop server's inbox rather than a webhook); never throws. */
  send(id: string, url: string, to: Destination): Promise<SendResult>;
}

/** Fast retries: 2 s, 4 s, 8 s … capped at 10 min, 12 in all (about 37 minutes); then hourly, for ever. */
export const BACKOFF = { firstMs: 2_000, maxMs: 10 * 60_000, maxAttempts: 12, slowMs: 60 * 60_000 } as const;

/** The wait after the n-th failed attempt (n ≥ 1). */
export function backoffMs(attempts: number): number {
  if (attempts >= BACKOFF.maxAttempts) return BACKOFF.slowMs;
  return Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** (attempts - 1));
}

export function createDeliveryQueue(deps: QueueDeps) {
  let running: Promise<void> | null = null;
  let again = false;

  /** Queues an item once; queuing it again (a retried message, a restart) changes nothing. */
  async function enqueue(id: string, url: string, to: Destination = 'webhook'): Promise<void> {
    if (!(await deps.store.get(id))) {
      await deps.store.put({ id, url, ...target(to), state: 'pending', attempts: 0, nextAt: deps.now() });
    }
    await run();
  }

  /**
   * Sends an item again now, with a fresh round of fast retries: the admin's 重新发送, or an item that was
   * never queued because the webhook was set after it arrived. A delivered item stays delivered.
   */
  async function resend(id: string, url: string, to: Destination = 'webhook'): Promise<void> {
    const current = await deps.store.get(id);
    if (current?.state !== 'delivered') {
      // To the destination of now: the admin may have corrected the address, or connected, since.
      await deps.store.put({ id, url, ...target(to), state: 'pending', attempts: 0, nextAt: deps.now() });
    }
    await run();
  }

  /** Makes every item that spent its fast retries due now: at a start, or when the server answers again. */
  async function wakeStalled(): Promise<boolean> {
    const stalled = (await deps.store.all()).filter((entry) => entry.state === 'failed' && entry.nextAt > deps.now());
    for (const entry of stalled) await deps.store.put({ ...entry, nextAt: deps.now() });
    return stalled.length > 0;
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

  /** The run at each start of the service worker: everything not yet delivered is tried once now. */
  async function start(): Promise<void> {
    await wakeStalled();
    await run();
  }

  /**
   * The destination answers again (the shop server is back): every item not yet delivered goes now, those
   * between two fast retries too, rather than at the end of their backoff.
   */
  async function retryNow(): Promise<void> {
    const waiting = (await deps.store.all()).filter(
      (entry) => entry.state !== 'delivered' && entry.nextAt > deps.now(),
    );
    for (const entry of waiting) await deps.store.put({ ...entry, nextAt: deps.now() });
    await run();
  }

  async function pass(): Promise<void> {
    const entries = await deps.store.all();
    const due = entries.filter((entry) => entry.state !== 'delivered' && entry.nextAt <= deps.now());
    for (const entry of due.sort((a, b) => a.nextAt - b.nextAt)) {
      // Re-read: another context may have delivered it since the list was taken.
      const current = await deps.store.get(entry.id);
      if (!current || current.state === 'delivered' || current.nextAt > deps.now()) continue;
      const result = await deps.send(current.id, current.url, current.to ?? 'webhook');
      const attempts = current.attempts + 1;
      if (result.ok) {
        await deps.store.put({ ...current, state: 'delivered', attempts, lastError: undefined });
        // The server is back: what waits for its hourly retry goes now.
        if (await wakeStalled()) again = true;
      } else {
        await deps.store.put({
          ...current,
          attempts,
          state: attempts >= BACKOFF.maxAttempts ? 'failed' : 'pending',
          nextAt: deps.now() + backoffMs(attempts),
          lastError: result.error,
        });
      }
    }
    const waiting = (await deps.store.all()).filter((entry) => entry.state !== 'delivered');
    if (waiting.length > 0) {
      const next = Math.min(...waiting.map((entry) => entry.nextAt));
      deps.setTimer(() => void run(), Math.max(0, next - deps.now()));
    }
  }

  return { enqueue, resend, run, start, retryNow };
}

const target = (to: Destination): Pick<OutboxEntry, 'to'> => (to === 'shop' ? { to } : {});

export type DeliveryQueue = ReturnType<typeof createDeliveryQueue>;

export interface PostDeps {
  fetch: typeof fetch;
  /**
   * Whether the admin granted the extension this origin (`permissions.contains`). A server that answers CORS
   * would take the POST without it; the admin's grant is what decides where shop data may go.
   */
  granted(origin: string): Promise<boolean>;
}

/** POSTs JSON to the webhook, once: only over https (or to localhost), only to a granted origin. */
export async function postJson(
  deps: PostDeps,
  url: string,
  id: string,
  body: unknown,
  timeoutMs = 30_000,
): Promise<SendResult> {
  if (!isWebhookUrl(url)) return { ok: false, error: 'notHttps' };
  if (!(await deps.granted(`${new URL(url).origin}/*`).catch(() => false))) return { ok: false, error: 'notGranted' };
  try {
    const response = await deps.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok ? { ok: true } : { ok: false, error: `http${response.status}` };
  } catch (error) {
    return { ok: false, error: (error as { name?: unknown } | null)?.name === 'TimeoutError' ? 'timeout' : 'network' };
  }
}
