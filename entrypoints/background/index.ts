/**
 * The background's composition root: it starts each service and wires them to the one message dispatcher.
 * Every service lives in its own module; nothing here holds logic of its own.
 */
import { startFeedbackServices } from '@/entrypoints/background/feedback';
import { reattachOpenTabs } from '@/entrypoints/background/reattach';
import { testSelectorsOnTabs } from '@/entrypoints/background/selector-test';
import { startShopServices } from '@/entrypoints/background/shop';
import { showPageHealth } from '@/entrypoints/background/toolbar';
import { startWorkflowServices } from '@/entrypoints/background/workflow';
import { createRateLimiter, FEEDBACK_RATE } from '@/lib/feedback/rate-limit';
import { CodedError } from '@/lib/messages/errors';
import { serveBackground } from '@/lib/messages/serve-background';
import { broadcastToTabs } from '@/lib/messages/tab';
import { readManagedPolicy, watchManagedPolicy } from '@/lib/store/managed';

export default defineBackground(() => {
  const shop = startShopServices({
    now: () => new Date(),
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
  void reattachOpenTabs().catch(() => {});
});
