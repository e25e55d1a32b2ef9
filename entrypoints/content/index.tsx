import '@/components/tokens.css';
import '@/components/suggestion-popup.css';
import { startAssistant } from '@/entrypoints/content/assistant';
import { answerSelectorTests } from '@/entrypoints/content/selector-test';
import { watchShop } from '@/entrypoints/content/shop';
import { startWaiting } from '@/entrypoints/content/waiting';
import { adapterFor } from '@/lib/adapters';
import { bindSelectorOverrides } from '@/lib/adapters/overrides';
import { keepWorkerAwake } from '@/lib/messages/background';
import { serveTab } from '@/lib/messages/tab';
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
    // One message listener for the frame; each feature registers the requests it answers.
    const tab = serveTab(ctx.signal);
    // One port per tab, from its top frame, while the agent works here: the next buyer finds the worker awake.
    if (window === window.top) keepWorkerAwake(document, ctx.signal);
    const shop = watchShop(ctx, tab);
    // The shop's selector overrides are bound before the page is first read, and again whenever they change.
    shop.onChange((state) => bindSelectorOverrides(adapter, state.selectorOverrides));
    await shop.firstLoad;
    answerSelectorTests(tab, adapter);
    const waiting = startWaiting(ctx, adapter, shop, tab);
    const ui = await createShadowRootUi(ctx, {
      name: 'huashu-assistant',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container, _shadow, host) {
        const layer = document.createElement('div');
        layer.className = 'hs-layer';
        layer.hidden = true;
        container.append(layer);
        startAssistant(ctx, adapter, layer, shop, waiting);
        // Tests and tools wait for this before driving the page: the content script starts at document_idle.
        host.dataset.ready = adapter.id;
      },
    });
    ui.mount();
  },
});
