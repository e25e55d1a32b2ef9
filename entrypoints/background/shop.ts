/**
 * The shop's services in the background: the store, suggestions over its snapshot, and the handlers for the
 * options page's requests. Payloads arrive checked by their schemas (lib/messages/map.ts); the store checks again
 * what only it can know (limits, managed replies). After every committed write `changed` runs, so open popups ask
 * again.
 */

import type { BackgroundRequestType } from '@/lib/messages/background-map';
import type { BackgroundHandlers } from '@/lib/messages/serve-background';
import { effectiveSelectorOverrides } from '@/lib/pages/overrides';
import { createSuggestService } from '@/lib/service/suggest';
import { effectiveSettings } from '@/lib/store/overlay';
import { diffShop, packData } from '@/lib/store/pack';
import { createShopStore, type ShopStore, type ShopStoreOptions } from '@/lib/store/shop-store';
import type { ShopSnapshot } from '@/lib/store/types';

/** The options page's requests about the shop's library; each waits for the store to open. */
const SHOP_REQUESTS = [
  'shopState',
  'chatState',
  'saveReply',
  'restoreReply',
  'addOwnReply',
  'deleteOwnReply',
  'reorderReplies',
  'setIntentEnabled',
  'saveRule',
  'deleteRule',
  'reorderRules',
  'saveSettings',
  'exportPack',
  'previewPack',
  'importPack',
  'saveSelectorOverrides',
] as const satisfies readonly BackgroundRequestType[];
type ShopRequestType = (typeof SHOP_REQUESTS)[number];
type ShopHandlers = Pick<BackgroundHandlers, ShopRequestType>;

function shopHandlers(store: ShopStore, changed: () => Promise<void>): ShopHandlers {
  const after = async (write: Promise<ShopSnapshot>) => {
    const snapshot = await write;
    void changed();
    return snapshot;
  };
  return {
    // The first read of the policy can take seconds after the browser starts (Chromium loads an extension's policy
    // after the extension): the options page waits for it rather than show a managed pack as the shop's own.
    shopState: async () => {
      await store.managedReady;
      return store.snapshot();
    },
    chatState: () => {
      const snapshot = store.snapshot();
      return { settings: effectiveSettings(snapshot), selectorOverrides: effectiveSelectorOverrides(snapshot) };
    },
    saveReply: ({ intent, situation, replyId, text, base }) =>
      after(
        replyId.startsWith('own.')
          ? store.updateOwn(intent, situation, replyId, text, base)
          : store.setOverride(intent, situation, replyId, text, base),
      ),
    restoreReply: ({ intent, situation, replyId }) => after(store.restoreOfficial(intent, situation, replyId)),
    addOwnReply: ({ intent, situation, text, requestId }) => after(store.addOwn(intent, situation, text, requestId)),
    deleteOwnReply: ({ intent, situation, replyId }) => after(store.deleteOwn(intent, situation, replyId)),
    reorderReplies: ({ intent, situation, order }) => after(store.reorder(intent, situation, order)),
    setIntentEnabled: ({ intent, enabled }) => after(store.setIntentEnabled(intent, enabled)),
    saveRule: (rule) => after(store.saveRule(rule)),
    deleteRule: ({ id }) => after(store.deleteRule(id)),
    reorderRules: ({ ids }) => after(store.reorderRules(ids)),
    saveSettings: (settings) => after(store.saveSettings(settings)),
    exportPack: () => store.exportPack(),
    previewPack: ({ pack }) => diffShop(store.snapshot().local, packData(pack)),
    importPack: ({ pack }) => after(store.importPack(pack)),
    saveSelectorOverrides: ({ overrides }) => after(store.saveSelectorOverrides(overrides)),
  };
}

interface ShopServiceOptions extends ShopStoreOptions {
  now: () => Date;
  /** Marks a step of the worker's start (the first suggestion is the last one). */
  startStep: (step: string) => void;
  /** Tells open popups to ask again. */
  changed: () => Promise<void>;
}

/**
 * Opens the store once per service-worker start. Every request waits for that, then reads from memory.
 * If IndexedDB can't be opened, suggestions still come from the catalogue as shipped and the options
 * page's requests fail with the reason.
 */
export function startShopServices(options: ShopServiceOptions) {
  const opened = createShopStore({ ...options, onStep: options.startStep }).then((store) => ({
    store,
    suggest: createSuggestService({ now: options.now, shop: store.snapshot }),
    handlers: shopHandlers(store, options.changed),
  }));
  // A managed pack arriving after start refreshes popups already open.
  void opened.then(async ({ store }) => {
    await store.managedReady;
    if (store.snapshot().managed || store.snapshot().managedError) await options.changed();
  });
  const plain = createSuggestService({ now: options.now });
  const usable = opened.catch(() => null);

  // Each options-page request waits for the store.
  const handlers = Object.fromEntries(
    SHOP_REQUESTS.map((type) => [
      type,
      async (payload: unknown) => ((await opened).handlers[type] as (payload: unknown) => unknown)(payload),
    ]),
  ) as unknown as ShopHandlers;

  const suggest: BackgroundHandlers['suggest'] = async (request) => {
    options.startStep('suggestReceived');
    const service = await usable;
    if (!service) return plain.suggest(request);
    const solution = service.suggest.suggest(request);
    options.startStep('suggestAnswered');
    if (solution?.intent) service.store.countHit(solution.intent);
    return solution;
  };

  /** The conversation list's previews, for the slow-reply alert: no start step is marked and no hit counted. */
  const previewUrgency: BackgroundHandlers['previewUrgency'] = async ({ previews }) => {
    const judge = (await usable)?.suggest ?? plain;
    return { urgent: previews.map((preview) => judge.isUrgent(preview.text)) };
  };

  return {
    handlers,
    suggest,
    previewUrgency,
    /** The policy changed: re-read it, then refresh open popups. */
    async refreshManaged() {
      const service = await usable;
      if (!service) return;
      await service.store.refreshManaged();
      await options.changed();
    },
  };
}
