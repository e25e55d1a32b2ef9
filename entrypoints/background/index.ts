import { serveRequests } from '@/lib/protocol';
import { createSuggestService } from '@/lib/service/suggest';

export default defineBackground(() => {
  const suggestions = createSuggestService({ now: () => new Date() });
  serveRequests({
    suggest: (request) => suggestions.suggest(request),
    ping: () => ({ ok: true }),
  });
});
