import { broadcastSolutionsChanged, serveRequests } from '@/lib/protocol';
import { startShopServices } from '@/lib/store/handlers';
import { readManagedPolicy, watchManagedPolicy } from '@/lib/store/managed';

export default defineBackground(() => {
  const services = startShopServices({
    now: () => new Date(),
    readManaged: readManagedPolicy,
    changed: broadcastSolutionsChanged,
  });
  watchManagedPolicy(() => void services.refreshManaged());
  serveRequests({ ...services.handlers, ping: () => ({ ok: true }) });
});
