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
  serveRequests({ ...services.handlers, ping: () => ({ ok: true }), reportHealth: showPageHealth });
});
