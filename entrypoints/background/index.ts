import { startFeedbackServices } from '@/lib/feedback/background';
import { broadcastSolutionsChanged, serveRequests } from '@/lib/protocol';
import { startShopServices } from '@/lib/store/handlers';
import { readManagedPolicy, watchManagedPolicy } from '@/lib/store/managed';
import { showPageHealth } from './toolbar';

export default defineBackground(() => {
  const services = startShopServices({
    now: () => new Date(),
    readManaged: readManagedPolicy,
    changed: broadcastSolutionsChanged,
  });
  watchManagedPolicy(() => void services.refreshManaged());
  const feedback = startFeedbackServices();
  serveRequests({ ...services.handlers, ...feedback, ping: () => ({ ok: true }), reportHealth: showPageHealth });
});
