import { showPageHealth } from '@/entrypoints/background/toolbar';
import { startWorkflowServices } from '@/entrypoints/background/workflow';
import { startFeedbackServices } from '@/lib/feedback/background';
import { broadcastSolutionsChanged, serveRequests } from '@/lib/protocol';
import { testSelectorsOnTabs } from '@/lib/selector-overrides';
import { startShopServices } from '@/lib/store/handlers';
import { readManagedPolicy, watchManagedPolicy } from '@/lib/store/managed';

export default defineBackground(() => {
  const services = startShopServices({
    now: () => new Date(),
    readManaged: readManagedPolicy,
    changed: broadcastSolutionsChanged,
  });
  watchManagedPolicy(() => void services.refreshManaged());
  const feedback = startFeedbackServices();
  // The daily statistics summary goes only to the webhook the admin set for feedback.
  const workflow = startWorkflowServices({
    webhookUrl: async () => (await feedback.feedbackSettings()).webhookUrl,
  });
  serveRequests({
    ...services.handlers,
    ...feedback,
    ...workflow.handlers,
    // Feedback given on a suggestion also counts in the statistics, per intent.
    submitFeedback: async (input) => {
      const result = await feedback.submitFeedback(input);
      workflow.feedbackGiven(input.context.intent);
      return result;
    },
    ping: () => ({ ok: true }),
    reportHealth: showPageHealth,
    testSelectors: testSelectorsOnTabs,
  });
});
