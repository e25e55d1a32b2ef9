/**
 * The background's composition root: it starts each service and wires them to the one message dispatcher.
 * Every service lives in its own module; nothing here holds logic of its own.
 */
// First, so its mark comes before every other module of the worker evaluates.
import '@/entrypoints/background/script-start';
import { startFeedbackServices } from '@/entrypoints/background/feedback';
import { testSelectorsOnTabs } from '@/entrypoints/background/selector-test';
import { startShopServices } from '@/entrypoints/background/shop';
import { showPageHealth } from '@/entrypoints/background/toolbar';
import { startWorkflowServices } from '@/entrypoints/background/workflow';
import { createRateLimiter, FEEDBACK_RATE } from '@/lib/feedback/rate-limit';
import { CodedError } from '@/lib/messages/errors';
import { serveBackground } from '@/lib/messages/serve-background';
import { broadcastToTabs } from '@/lib/messages/tab';
import { readManagedPolicy, watchManagedPolicy } from '@/lib/store/managed';

/**
 * Marks each step of the worker's start once, as a performance mark (`huashu:<step>`, ms since the worker started):
 * Chrome stops an idle worker after 30 s, so every start is on an agent's path to a suggestion. `npm run bench`
 * reads them.
 */
function startupMarks(): (step: string) => void {
  const done = new Set<string>();
  return (step) => {
    if (done.has(step)) return;
    done.add(step);
    performance.mark(`huashu:${step}`);
  };
}

export default defineBackground(() => {
  const startStep = startupMarks();
  startStep('evaluated');
  const shop = startShopServices({
    now: () => new Date(),
    startStep,
    readManaged: readManagedPolicy,
    // Open popups ask again when the shop's replies or settings change.
    changed: () => broadcastToTabs('solutionsChanged', {}),
  });
  watchManagedPolicy(() => void shop.refreshManaged());
  const feedback = startFeedbackServices();
  // The daily statistics summary goes only to the webhook the admin set for feedback.
  const workflow = startWorkflowServices({
    webhookUrl: async () => (await feedback.feedbackSettings()).webhookUrl,
  });
  const feedbackRate = createRateLimiter(Date.now);
  serveBackground({
    ...shop.handlers,
    ...feedback,
    ...workflow.handlers,
    suggest: shop.suggest,
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
  startStep('listening');
});
