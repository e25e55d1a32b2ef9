/**
 * Forwards each feedback item the shop stores to the shop's webhook, durably. The state of every forward is a
 * row in the database (feedback_forwards), so a restart or another node picks up what is due. A node claims due
 * rows with FOR UPDATE SKIP LOCKED and moves their next attempt past the send timeout (a lease) in the same
 * statement: two nodes never send one item at once, and an item whose node died mid-send becomes due again.
 * Each request carries the item's Idempotency-Key, the same on every attempt, so a receiver drops duplicates
 * (an answer lost after the receiver stored it means one more request with that key). After `maxAttempts`
 * failures the item is marked failed; the admin's inbox shows it, and saving the webhook again retries it.
 */
import type { FastifyInstance } from 'fastify';
import { FeedbackSettingsSchema } from '@/lib/feedback/schema';
import type { FeedbackContext } from '@/lib/feedback/types';
import { authenticate, requireAdmin } from '@/server/auth';
import { deviceKey, parseWith, type ServerContext } from '@/server/context';
import type { Db, Queryable } from '@/server/db';

export interface ForwardOptions {
  /** The clock deciding what is due (tests move it instead of waiting). */
  now?: () => number;
  /** Attempts before an item is marked failed: 12 with 2 s doubling up to 10 min is about 37 minutes. */
  maxAttempts?: number;
  firstRetryMs?: number;
  longestRetryMs?: number;
  /** A receiver that does not answer in this time failed this attempt. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

type ForwardState = 'pending' | 'sent' | 'failed';

/** What the admin's inbox shows for one item; null when it was never to be forwarded. */
export interface ForwardInfo {
  state: ForwardState;
  attempts: number;
  error: string | null;
  sentAt: Date | null;
}

const BATCH = 10;
/** How often a node looks for due rows at the latest: rows another node queued, or a claim whose node died. */
const LONGEST_SLEEP_MS = 60_000;

interface ClaimedRow {
  feedback_id: number;
  attempts: number;
}

interface ItemRow {
  id: number;
  url: string;
  name: string;
  user_id: number;
  category: string;
  description: string;
  context: FeedbackContext;
  created_at: Date;
}

/** The Idempotency-Key of a forwarded item: unique in the shop server's database and the same on every attempt. */
const forwardKey = (feedbackId: number) => `huashu-feedback-${feedbackId}`;

export class Forwarder {
  readonly now: () => number;
  private readonly maxAttempts: number;
  private readonly firstRetryMs: number;
  private readonly longestRetryMs: number;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Aborts the requests in flight when the server stops, so stopping never waits for a slow receiver. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly db: Db,
    options: ForwardOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.maxAttempts = options.maxAttempts ?? 12;
    this.firstRetryMs = options.firstRetryMs ?? 2_000;
    this.longestRetryMs = options.longestRetryMs ?? 600_000;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Queues a new item, in the transaction that stores it, when the shop has a webhook. */
  async queue(tx: Queryable, shopId: number, feedbackId: number): Promise<void> {
    await tx.query(
      `INSERT INTO feedback_forwards (feedback_id, next_attempt_at)
       SELECT $1, $2 FROM shops WHERE id = $3 AND feedback_webhook_url <> ''`,
      [feedbackId, new Date(this.now()), shopId],
    );
  }

  /** Sends everything due now; resolves when nothing due is left. A call during a run runs once more after it. */
  drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while (!this.stopped && (await this.sendBatch()) === BATCH) {}
        } while (this.again && !this.stopped);
      } catch (error) {
        // The database went away (closing, or a lost connection): the rows stay due for the next run.
        console.error('feedback forward:', (error as Error).message);
      } finally {
        this.running = null;
        void this.schedule();
      }
    })();
    return this.running;
  }

  start(): void {
    void this.drain();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.stopping.abort();
    await this.running;
  }

  private async schedule(): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const [next] = await this.db
      .query<{ due: Date | null }>(`SELECT min(next_attempt_at) AS due FROM feedback_forwards WHERE state = 'pending'`)
      .catch(() => [{ due: null }]);
    if (this.stopped) return;
    const wait = next?.due ? next.due.getTime() - this.now() : LONGEST_SLEEP_MS;
    this.timer = setTimeout(() => void this.drain(), Math.min(Math.max(wait, 1_000), LONGEST_SLEEP_MS));
    this.timer.unref?.();
  }

  /** Claims up to BATCH due rows, sends them, records each outcome; returns how many it claimed. */
  private async sendBatch(): Promise<number> {
    const now = this.now();
    const claimed = await this.db.query<ClaimedRow>(
      `WITH due AS (
         SELECT feedback_id FROM feedback_forwards
          WHERE state = 'pending' AND next_attempt_at <= $1
          ORDER BY next_attempt_at LIMIT $2
          FOR UPDATE SKIP LOCKED
       )
       UPDATE feedback_forwards f SET attempts = f.attempts + 1, next_attempt_at = $3
         FROM due WHERE f.feedback_id = due.feedback_id
       RETURNING f.feedback_id, f.attempts`,
      [new Date(now), BATCH, new Date(now + this.timeoutMs * 2)],
    );
    await Promise.all(claimed.map((row) => this.sendOne(row)));
    return claimed.length;
  }

  private async sendOne({ feedback_id: id, attempts }: ClaimedRow): Promise<void> {
    const [item] = await this.db.query<ItemRow>(
      `SELECT f.id, s.feedback_webhook_url AS url, u.name, f.user_id, f.category, f.description, f.context,
              f.created_at
         FROM feedback f JOIN shops s ON s.id = f.shop_id JOIN users u ON u.id = f.user_id WHERE f.id = $1`,
      [id],
    );
    const error = item ? await this.post(item) : null;
    // Failed because the server is stopping: not the receiver's fault; the claim's lease runs out and a node
    // sends it again. A success is recorded (the database closes only after this).
    if (error !== null && this.stopped) return;
    if (error === null) {
      await this.db.query(
        `UPDATE feedback_forwards SET state = 'sent', sent_at = $2, last_error = NULL WHERE feedback_id = $1`,
        [id, new Date(this.now())],
      );
      return;
    }
    const delay = Math.min(this.firstRetryMs * 2 ** (attempts - 1), this.longestRetryMs);
    await this.db.query(
      `UPDATE feedback_forwards SET state = $2, next_attempt_at = $3, last_error = $4 WHERE feedback_id = $1`,
      [id, attempts >= this.maxAttempts ? 'failed' : 'pending', new Date(this.now() + delay), error],
    );
  }

  /** One POST of the item; null when the receiver answered 2xx, else why not (shown to the admin). */
  private async post(item: ItemRow): Promise<string | null> {
    // The admin removed the webhook since this item was queued: nowhere to send it.
    if (!item.url) return 'noWebhook';
    const images = await this.db.query<{ type: string; width: number; height: number; bytes: Uint8Array }>(
      'SELECT type, width, height, bytes FROM feedback_images WHERE feedback_id = $1 ORDER BY position',
      [item.id],
    );
    const key = forwardKey(item.id);
    // The extension's webhook body (README, "The feedback webhook's contract"), plus who sent it.
    const body = {
      id: key,
      createdAt: item.created_at.toISOString(),
      category: item.category,
      description: item.description,
      context: item.context,
      images: images.map(({ type, width, height, bytes }) => ({
        type,
        width,
        height,
        dataUrl: `data:${type};base64,${Buffer.from(bytes).toString('base64')}`,
      })),
      agent: { id: item.user_id, name: item.name },
    };
    try {
      const response = await this.fetch(item.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
        // A redirect could lead anywhere; the admin chose this URL, so only its own answer counts.
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.stopping.signal]),
      });
      await response.body?.cancel();
      return response.ok ? null : `http${response.status}`;
    } catch (error) {
      return (error as { name?: unknown } | null)?.name === 'TimeoutError' ? 'timeout' : 'network';
    }
  }
}

/** The forward state of these items, by feedback id, for the admin's inbox. */
export async function forwardStates(db: Db, feedbackIds: number[]): Promise<Map<number, ForwardInfo>> {
  if (!feedbackIds.length) return new Map();
  const rows = await db.query<{
    feedback_id: number;
    state: ForwardState;
    attempts: number;
    last_error: string | null;
    sent_at: Date | null;
  }>(
    'SELECT feedback_id, state, attempts, last_error, sent_at FROM feedback_forwards WHERE feedback_id = ANY($1::int[])',
    [feedbackIds],
  );
  return new Map(
    rows.map((row) => [
      row.feedback_id,
      { state: row.state, attempts: row.attempts, error: row.last_error, sentAt: row.sent_at },
    ]),
  );
}

/**
 * The shop's webhook, read and set by the admin only. The URL is checked with the extension's own schema: https,
 * or http to the server's own machine; up to 2000 characters; empty turns forwarding off. Saving a URL retries
 * the items whose forward failed, so an admin who fixed the receiver gets them without asking agents again.
 */
export function registerForwardRoutes(app: FastifyInstance, { db, limits, forwarder }: ServerContext): void {
  const writes = { rateLimit: { max: limits.writesPerMinute, timeWindow: 60_000, keyGenerator: deviceKey } };

  app.get('/api/shop/webhook', async (request) => {
    const me = await authenticate(db, request);
    requireAdmin(me, "reading the shop's webhook");
    const [shop] = await db.query<{ url: string }>('SELECT feedback_webhook_url AS url FROM shops WHERE id = $1', [
      me.shopId,
    ]);
    return { webhookUrl: shop?.url ?? '' };
  });

  app.put('/api/shop/webhook', { bodyLimit: 4096, config: writes }, async (request) => {
    const me = await authenticate(db, request);
    requireAdmin(me, "setting the shop's webhook");
    const { webhookUrl } = parseWith(FeedbackSettingsSchema, request.body);
    const retried = await db.transaction(async (tx) => {
      await tx.query('UPDATE shops SET feedback_webhook_url = $2 WHERE id = $1', [me.shopId, webhookUrl]);
      if (!webhookUrl) return 0;
      const rows = await tx.query(
        `UPDATE feedback_forwards SET state = 'pending', attempts = 0, next_attempt_at = $2, last_error = NULL
          WHERE state = 'failed' AND feedback_id IN (SELECT id FROM feedback WHERE shop_id = $1) RETURNING feedback_id`,
        [me.shopId, new Date(forwarder.now())],
      );
      return rows.length;
    });
    if (retried) void forwarder.drain();
    return { webhookUrl, retried };
  });
}
