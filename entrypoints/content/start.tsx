/**
 * Huashu on one chat page, whichever content script found it: the manifest's, on the pages Huashu ships with
 * (entrypoints/content/index.tsx), or the one registered for a page the shop added (entrypoints/custom.content/).
 */
import '@/components/tokens.css';
import '@/components/suggestion-popup.css';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startAssistant } from '@/entrypoints/content/assistant';
import { showReloadNotice } from '@/entrypoints/content/reload-notice';
import { answerSelectorTests } from '@/entrypoints/content/selector-test';
import { type ShopWatch, watchShop } from '@/entrypoints/content/shop';
import { startWaiting } from '@/entrypoints/content/waiting';
import { bindSelectorOverrides } from '@/lib/adapters/overrides';
import type { HostAdapter } from '@/lib/adapters/types';
import { popupStrings } from '@/lib/i18n/popup';
import { keepWorkerAwake } from '@/lib/messages/background';
import { serveTab, type TabDispatcher } from '@/lib/messages/tab';
import { DEFAULT_SETTINGS } from '@/lib/settings';

/** How often a chat frame checks that the extension it belongs to is still there. */
const ALIVE_CHECK_MS = 1000;
/** After the extension went away, how long to wait for its new version to attach before asking for a reload. */
const REATTACH_WAIT_MS = 3000;

const ASSISTANT_TAG = 'huashu-assistant';
const RELOAD_NOTICE_TAG = 'huashu-reload-notice';

/**
 * An update, reload or disable tears this script's context down without telling it. The background of the new
 * version attaches a fresh script to this tab (entrypoints/background/reattach.ts), whose popup replaces ours.
 * When none does, the agent is told at once to reload the page, rather than finding out at the next message.
 */
function watchForUpdates(ctx: ContentScriptContext, adapter: HostAdapter, shop: ShopWatch) {
  // ctx checks the extension on every tick and aborts its signal once the extension is gone.
  ctx.setInterval(() => {}, ALIVE_CHECK_MS);
  ctx.onInvalidated(() => {
    const language = shop.current()?.settings.language ?? DEFAULT_SETTINGS.language;
    // Plain timers: the context's own died with it.
    setTimeout(() => {
      if (document.querySelector(`${ASSISTANT_TAG}[data-ready]`)) return;
      showReloadNotice(popupStrings(language), adapter.composerArea(document)?.getBoundingClientRect() ?? null);
    }, REATTACH_WAIT_MS);
  });
}

/** What a chat frame holds before it knows its page: its one message listener and the shop's state. */
export interface ChatFrame {
  tab: TabDispatcher;
  shop: ShopWatch;
}

export function connectFrame(ctx: ContentScriptContext): ChatFrame {
  // One message listener for the frame; each feature registers the requests it answers.
  const tab = serveTab(ctx.signal);
  // One port per tab, from its top frame, while the agent works here: the next buyer finds the worker awake.
  if (window === window.top) keepWorkerAwake(document, ctx.signal);
  return { tab, shop: watchShop(ctx, tab) };
}

/**
 * Watches the page through `adapter` and mounts the popup; `data-ready` on its host says it is running. `css` is
 * the popup's stylesheet for a script that carries it inline (the run-time registered one); the manifest's script
 * has WXT load it from the extension.
 */
export async function startOnPage(
  ctx: ContentScriptContext,
  adapter: HostAdapter,
  { tab, shop }: ChatFrame,
  css?: string,
) {
  // Attached by a new version after an update: a reload notice the old one showed is out of date.
  document.querySelector(RELOAD_NOTICE_TAG)?.remove();
  // The shop's selector overrides are bound before the page is first read, and again whenever they change.
  shop.onChange((state) => bindSelectorOverrides(adapter, state.selectorOverrides));
  await shop.firstLoad;
  answerSelectorTests(tab, adapter);
  const waiting = startWaiting(ctx, adapter, shop, tab);
  const ui = await createShadowRootUi(ctx, {
    name: ASSISTANT_TAG,
    css,
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
  watchForUpdates(ctx, adapter, shop);
}
