import { connectFrame, startOnPage } from '@/entrypoints/content/start';
import { adapterFor } from '@/lib/adapters';
import { adapterMatches } from '@/lib/pages/matches';

export default defineContentScript({
  matches: adapterMatches,
  // Chat pages may put the thread, the composer or the order panel in frames; each frame gets its own
  // watcher and popup for the parts it holds, and the toolbar combines what the frames found.
  allFrames: true,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const adapter = adapterFor(location.href);
    if (!adapter) return;
    await startOnPage(ctx, adapter, connectFrame(ctx));
  },
});
