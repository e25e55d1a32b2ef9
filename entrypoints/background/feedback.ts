/**
 * Starts the feedback service in the background: the database, the webhook queue and its wake-ups.
 * A timer covers short waits while the service worker lives; an alarm wakes a stopped worker for long
 * ones (the hourly retries too), and every start tries everything not yet delivered once.
 */
import type { IDBPDatabase } from 'idb';
import { type FeedbackDb, openFeedbackDb } from '@/lib/feedback/db';
import type { PostDeps } from '@/lib/feedback/queue';
import { createFeedbackService } from '@/lib/feedback/service';

const ALARM = 'huashu-feedback-webhook';

/** How the worker reaches a webhook: only an origin the admin granted on the feedback page. */
export const webhookPost: PostDeps = {
  fetch: (input, init) => fetch(input, init),
  granted: (origin) => browser.permissions.contains({ origins: [origin] }),
};

/** `later` runs work no buyer waits for once the worker's start is past its first suggestion. */
export function startFeedbackServices(later: (run: () => void) => void) {
  let db: Promise<IDBPDatabase<FeedbackDb>> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const service = createFeedbackService({
    db: () => {
      db ??= openFeedbackDb().catch((error) => {
        db = null;
        throw error;
      });
      return db;
    },
    now: () => Date.now(),
    uuid: () => crypto.randomUUID(),
    ...webhookPost,
    setTimer(run, ms) {
      clearTimeout(timer);
      timer = setTimeout(run, ms);
      // Alarms fire at most about every 30 s; they matter only when the worker was stopped meanwhile.
      browser.alarms?.create(ALARM, { when: Date.now() + Math.max(ms, 30_000) });
    },
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void service.queue.run();
  });
  later(() => void service.queue.start().catch(() => {}));
  return service.handlers;
}
