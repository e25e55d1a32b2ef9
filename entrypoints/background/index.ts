/**
 * The background's composition root: it starts each service and wires them to the one message dispatcher.
 * Every service lives in its own module; nothing here holds logic of its own.
 */
// First, so its mark comes before every other module of the worker evaluates.
import '@/entrypoints/background/script-start';
import { startCustomPages } from '@/entrypoints/background/custom-pages';
import { startFeedbackServices } from '@/entrypoints/background/feedback';
import { reattachOpenTabs } from '@/entrypoints/background/reattach';
import { testSelectorsOnTabs } from '@/entrypoints/background/selector-test';
import { startShopServices } from '@/entrypoints/background/shop';
import { startShopServer } from '@/entrypoints/background/shop-server';
import { createLibrarySync } from '@/entrypoints/background/shop-server-sync';
import { showPageHealth } from '@/entrypoints/background/toolbar';
import { startWorkflowServices } from '@/entrypoints/background/workflow';
import { createRateLimiter, FEEDBACK_RATE } from '@/lib/feedback/rate-limit';
import { CodedError } from '@/lib/messages/errors';
import { serveBackground, serveKeepAwake } from '@/lib/messages/serve-background';
import { broadcastToTabs } from '@/lib/messages/tab';
import { serverPermission } from '@/lib/shop-server/client';
import { readManagedPolicy, readManagedServer, watchManagedPolicy } from '@/lib/store/managed';

/** How long work no buyer waits for holds back when no suggestion is asked for (a start for an alarm or the options page). */
const QUIET_AFTER_MS = 1000;

/**
 * The worker's start, step by step. Each step is marked once, as a performance mark (`huashu:<step>`, ms since the
 * worker started): Chrome stops an idle worker after 30 s, so every start is on an agent's path to a suggestion, and
 * `npm run bench` reads the marks. Work no buyer waits for (queued feedback, the daily summary, their alarms,
 * re-attaching to chat tabs after an update) runs `later`: after the first suggestion is answered, or after
 * QUIET_AFTER_MS, so a worker woken by a buyer's message spends its first milliseconds on that message.
 */
function startup() {
  const done = new Set<string>();
  const waiting: (() => void)[] = [];
  let quiet = false;
  const goQuiet = () => {
    if (quiet) return;
    quiet = true;
    clearTimeout(timer);
    for (const run of waiting.splice(0)) run();
  };
  const timer = setTimeout(goQuiet, QUIET_AFTER_MS);
  return {
    step(step: string) {
      if (done.has(step)) return;
      done.add(step);
      performance.mark(`huashu:${step}`);
      if (step === 'suggestAnswered') goQuiet();
    },
    later(run: () => void) {
      if (quiet) run();
      else waiting.push(run);
    },
  };
}

export default defineBackground(() => {
  const start = startup();
  start.step('evaluated');
  // Open popups ask again when the shop's replies or settings change.
  const changed = () => broadcastToTabs('solutionsChanged', {});
  // The shop server connection: other services call the server through `server.link`.
  const server = startShopServer({ readPolicy: readManagedServer });
  // The library follows the shop server's when connected; the local store keeps the copy suggestions read.
  const library = createLibrarySync({ link: server.link, changed });
  const shop = startShopServices({
    now: () => new Date(),
    startStep: start.step,
    readManaged: readManagedPolicy,
    changed,
    libraryWrite: library.libraryWrite,
    exportLibrary: library.exportPack,
    serverProblem: library.serverProblem,
  });
  watchManagedPolicy(() => {
    void shop.refreshManaged();
    void server.joinFromPolicy();
  });
  // The stream to the server is opened after the first suggestion: a buyer's message never waits for it.
  start.later(() => {
    void library.start(shop.store);
    void server.joinFromPolicy();
  });
  // Feedback goes to the shop's inbox when connected, else to the webhook; statistics are pushed when connected.
  const feedback = startFeedbackServices(start.later, server.link);
  // The daily statistics summary goes only to the webhook the admin set for feedback.
  const workflow = startWorkflowServices({
    webhookUrl: async () => (await feedback.feedbackSettings()).webhookUrl,
    later: start.later,
    server: server.link,
  });
  const customPages = startCustomPages(
    {
      // The webhook's and the shop server's origins stay granted when a custom page on the same site is removed.
      originsInUse: async () => {
        const { webhookUrl } = await feedback.feedbackSettings();
        const connection = await server.link.connection();
        return [
          ...(webhookUrl ? [`${new URL(webhookUrl).origin}/*`] : []),
          ...(connection ? [serverPermission(connection.serverUrl)] : []),
        ];
      },
    },
    start.later,
  );
  const feedbackRate = createRateLimiter(Date.now);
  serveBackground({
    ...shop.handlers,
    ...feedback,
    ...workflow.handlers,
    ...server.handlers,
    ...customPages,
    suggest: shop.suggest,
    previewUrgency: shop.previewUrgency,
    // Feedback given on a suggestion also counts in the statistics, per intent.
    submitFeedback: async (input, { tabId }) => {
      if (!feedbackRate.allow(String(tabId ?? 'extension page'))) {
        throw new CodedError('feedbackRateLimited', { max: FEEDBACK_RATE.items });
      }
      const result = await feedback.submitFeedback(input);
      workflow.feedbackGiven(input.context.intent);
      return result;
    },
    reportHealth: showPageHealth,
    testSelectors: testSelectorsOnTabs,
  });
  serveKeepAwake();
  start.step('listening');
  // Every start pings each open chat tab; a worker woken by a buyer's message answers that message first.
  start.later(() => void reattachOpenTabs().catch(() => {}));
});
