/**
 * The shop's services in the background: the store, suggestions over its snapshot, and the handlers for the
 * options page's requests. Payloads arrive checked by their schemas (lib/messages/map.ts); the store checks again
 * what only it can know (limits, managed replies). After every committed write `changed` runs, so open popups ask
 * again.
 */

import { errorText } from '@/lib/i18n/errors';
import type { Language } from '@/lib/language';
import type { BackgroundRequestType } from '@/lib/messages/background-map';
import type { ErrorData } from '@/lib/messages/errors';
import type { BackgroundHandlers } from '@/lib/messages/serve-background';
import { effectiveSelectorOverrides } from '@/lib/pages/overrides';
import { createSuggestService } from '@/lib/service/suggest';
import type { Solution } from '@/lib/solutions/types';
import { effectiveSettings } from '@/lib/store/overlay';
import { diffShop, packData } from '@/lib/store/pack';
import { createShopStore, type ShopStore, type ShopStoreOptions } from '@/lib/store/shop-store';
import type { ReplyPack, ShopSnapshot } from '@/lib/store/types';

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

/**
 * Runs a write of the local store. Connected to a shop server, a write of the library goes through it
 * (entrypoints/background/shop-server-sync.ts): an admin's is published, an agent's refused. `touchesLibrary`
 * is false for a write of this browser's own settings only (the language, the slow-reply alert).
 */
export type LibraryWrite = (
  store: ShopStore,
  write: () => Promise<ShopSnapshot>,
  touchesLibrary: boolean,
) => Promise<ShopSnapshot>;

const writeLocally: LibraryWrite = (_store, write) => write();

/** The settings a pack (and so the shop's library) carries; the others are each browser's own. */
const LIBRARY_SETTINGS = ['lateShipCompensationYuan', 'orderPredictionCard'] as const;

function shopHandlers(
  store: ShopStore,
  changed: () => Promise<void>,
  { libraryWrite = writeLocally, exportLibrary }: Pick<ShopServiceOptions, 'libraryWrite' | 'exportLibrary'>,
): ShopHandlers {
  const after = async (write: () => Promise<ShopSnapshot>, touchesLibrary = true) => {
    const snapshot = await libraryWrite(store, write, touchesLibrary);
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
      after(() =>
        replyId.startsWith('own.')
          ? store.updateOwn(intent, situation, replyId, text, base)
          : store.setOverride(intent, situation, replyId, text, base),
      ),
    restoreReply: ({ intent, situation, replyId }) => after(() => store.restoreOfficial(intent, situation, replyId)),
    addOwnReply: ({ intent, situation, text, requestId }) =>
      after(() => store.addOwn(intent, situation, text, requestId)),
    deleteOwnReply: ({ intent, situation, replyId }) => after(() => store.deleteOwn(intent, situation, replyId)),
    reorderReplies: ({ intent, situation, order }) => after(() => store.reorder(intent, situation, order)),
    setIntentEnabled: ({ intent, enabled }) => after(() => store.setIntentEnabled(intent, enabled)),
    saveRule: (rule) => after(() => store.saveRule(rule)),
    deleteRule: ({ id }) => after(() => store.deleteRule(id)),
    reorderRules: ({ ids }) => after(() => store.reorderRules(ids)),
    saveSettings: (settings) =>
      after(
        () => store.saveSettings(settings),
        LIBRARY_SETTINGS.some((key) => key in settings),
      ),
    exportPack: () => exportLibrary?.(store) ?? store.exportPack(),
    previewPack: ({ pack }) => diffShop(store.snapshot().local, packData(pack)),
    importPack: ({ pack }) => after(() => store.importPack(pack)),
    saveSelectorOverrides: ({ overrides }) => after(() => store.saveSelectorOverrides(overrides)),
  };
}

interface ShopServiceOptions extends ShopStoreOptions {
  now: () => Date;
  /** Marks a step of the worker's start (the first suggestion is the last one). */
  startStep: (step: string) => void;
  /** Tells open popups to ask again. */
  changed: () => Promise<void>;
  /** How a write of the library runs (through the shop server when connected); locally when absent. */
  libraryWrite?: LibraryWrite;
  /** The library as a pack for export: the shop server's when connected; the local store's when absent. */
  exportLibrary?: (store: ShopStore) => Promise<ReplyPack>;
  /** Why the shop server refused this browser (revoked), told on each suggestion; read from memory. */
  serverProblem?: () => ErrorData | null;
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
    handlers: shopHandlers(store, options.changed, options),
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
    const solution = withServerNotice(
      service.suggest.suggest(request),
      options.serverProblem?.() ?? null,
      service.store.snapshot().settings.language,
    );
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
    /** The store once opened; null when IndexedDB could not be opened. */
    store: usable.then((service) => service?.store ?? null),
    /** The policy changed: re-read it, then refresh open popups. */
    async refreshManaged() {
      const service = await usable;
      if (!service) return;
      await service.store.refreshManaged();
      await options.changed();
    },
  };
}

/** A browser the shop refused still gets suggestions (from its last copy), and the popup says why they no longer sync. */
function withServerNotice(solution: Solution | null, problem: ErrorData | null, language: Language): Solution | null {
  if (!solution || !problem) return solution;
  return { ...solution, notices: [...solution.notices, errorText(problem, language)] };
}
