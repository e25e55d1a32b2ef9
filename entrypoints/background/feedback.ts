/**
 * Starts the feedback service in the background: the database, the delivery queue (to the shop server's inbox
 * when connected, else to the webhook) and its wake-ups, and the admin's view of the shop's inbox.
 * A timer covers short waits while the service worker lives; an alarm wakes a stopped worker for long
 * ones (the hourly retries too), and every start, like every return of the server, tries everything not yet
 * delivered once.
 */
import type { IDBPDatabase } from 'idb';
import type { ShopServerLink } from '@/entrypoints/background/shop-server';
import { type FeedbackDb, openFeedbackDb } from '@/lib/feedback/db';
import type { PostDeps } from '@/lib/feedback/queue';
import { createFeedbackService } from '@/lib/feedback/service';
import {
  listShopFeedback,
  readShopImage,
  readShopWebhook,
  saveShopWebhook,
  setShopFeedbackResolved,
  shopFeedbackImages,
} from '@/lib/feedback/shop';
import { CodedError } from '@/lib/messages/errors';
import type { BackgroundHandlers } from '@/lib/messages/serve-background';

const ALARM = 'huashu-feedback-webhook';

/** How the worker reaches a webhook: only an origin the admin granted on the feedback page. */
export const webhookPost: PostDeps = {
  fetch: (input, init) => fetch(input, init),
  granted: (origin) => browser.permissions.contains({ origins: [origin] }),
};

type ShopInboxRequest =
  | 'shopFeedback'
  | 'shopFeedbackImages'
  | 'setShopFeedbackResolved'
  | 'shopWebhook'
  | 'saveShopWebhook';

/** `later` runs work no buyer waits for once the worker's start is past its first suggestion. */
export function startFeedbackServices(
  later: (run: () => void) => void,
  server: Pick<ShopServerLink, 'auth' | 'call' | 'onStatus'>,
) {
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
    shop: server,
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
  // The server answers again (or this browser just connected): what waited goes now, not at its next retry.
  server.onStatus((status) => {
    if (status.state === 'connected') void service.queue.retryNow().catch(() => {});
  });
  later(() => void service.queue.start().catch(() => {}));

  const shopInbox: Pick<BackgroundHandlers, ShopInboxRequest> = {
    shopFeedback: (query) => listShopFeedback(server.call, query),
    async shopFeedbackImages({ id, images }) {
      const auth = await server.auth();
      if (!auth) throw new CodedError('serverNotConnected');
      return shopFeedbackImages((path) => readShopImage(auth, path), id, images);
    },
    setShopFeedbackResolved: ({ id, resolved }) => setShopFeedbackResolved(server.call, id, resolved),
    shopWebhook: () => readShopWebhook(server.call),
    saveShopWebhook: ({ webhookUrl }) => saveShopWebhook(server.call, webhookUrl),
  };
  return { ...service.handlers, ...shopInbox };
}
