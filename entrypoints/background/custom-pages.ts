/**
 * Chat pages the shop added (添加聊天页面): stored here, in the extension's local storage, and each one backed by a
 * content script registered with chrome.scripting for its pattern only (persistAcrossSessions), under the host
 * permission the admin granted for its origin from the options page. Removing a page unregisters its script and
 * gives the permission back. Every start of the worker brings the registrations in line with the stored pages and
 * the permissions still held (after an update, or after the admin revoked a site at chrome://extensions).
 *
 * The page mapper runs in the chat tab. It may save a definition only for a tab the admin sent it to from an
 * extension page (startMapper) and only for the custom page that tab shows: a content script runs inside a
 * third-party page, so it gets no other way to write.
 */

import { reattachTabs } from '@/entrypoints/background/reattach';
import type { RequestOf } from '@/lib/messages/background-map';
import { CodedError } from '@/lib/messages/errors';
import type { RequestSender } from '@/lib/messages/serve-background';
import { callTab } from '@/lib/messages/tab';
import {
  CUSTOM_SCRIPT_PREFIX,
  type CustomPage,
  type CustomPageSummary,
  customPageFor,
  customPageId,
  parseChatPagePattern,
  parseCustomDefinition,
} from '@/lib/pages/custom';

const PAGES_KEY = 'customPages';
/** Tabs the admin sent the mapper to, in session storage so a worker restart mid-mapping keeps them. */
const MAPPING_KEY = 'mappingTabs';
/** The content script built from entrypoints/custom.content/ (WXT names it after the folder). */
const CUSTOM_SCRIPT_FILE = 'content-scripts/custom.js';
/** How long a freshly opened chat tab gets to load and start the content script before the mapper gives up. */
const TAB_READY_MS = 15_000;
const TAB_POLL_MS = 250;

async function readPages(): Promise<CustomPage[]> {
  const stored = (await browser.storage.local.get(PAGES_KEY))[PAGES_KEY];
  return Array.isArray(stored) ? (stored as CustomPage[]) : [];
}

async function writePages(pages: CustomPage[]): Promise<void> {
  await browser.storage.local.set({ [PAGES_KEY]: pages });
}

const granted = (origin: string) => browser.permissions.contains({ origins: [origin] });

function scriptFor(page: CustomPage) {
  return {
    id: page.id,
    matches: [page.pattern],
    js: [CUSTOM_SCRIPT_FILE],
    // Chat pages may put the thread or the composer in frames, as the built-in ones do.
    allFrames: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
}

/**
 * Registers the script of every stored page whose permission is held, refreshes the ones already registered (an
 * update may have changed the script), and unregisters Huashu's registrations nobody stored or the permission of
 * which is gone. Registrations of other ids are never touched.
 */
export async function syncRegistrations(): Promise<string[]> {
  if (!browser.scripting?.registerContentScripts) return [];
  const pages = await readPages();
  const wanted: CustomPage[] = [];
  for (const page of pages) if (await granted(page.origin)) wanted.push(page);
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((script) =>
    script.id.startsWith(CUSTOM_SCRIPT_PREFIX),
  );
  const wantedIds = new Set(wanted.map((page) => page.id));
  const stale = registered.filter((script) => !wantedIds.has(script.id)).map((script) => script.id);
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const registeredIds = new Set(registered.map((script) => script.id));
  const fresh = wanted.filter((page) => !registeredIds.has(page.id)).map(scriptFor);
  const existing = wanted.filter((page) => registeredIds.has(page.id)).map(scriptFor);
  if (fresh.length > 0) await browser.scripting.registerContentScripts(fresh);
  if (existing.length > 0) await browser.scripting.updateContentScripts(existing);
  return wanted.map((page) => page.id);
}

async function summaries(): Promise<CustomPageSummary[]> {
  const pages = await readPages();
  return Promise.all(
    pages.map(async (page) => ({
      id: page.id,
      pattern: page.pattern,
      origin: page.origin,
      addedAt: page.addedAt,
      mapped: page.definition !== undefined,
      granted: await granted(page.origin),
    })),
  );
}

async function mappingTabs(): Promise<number[]> {
  const stored = (await browser.storage.session.get(MAPPING_KEY))[MAPPING_KEY];
  return Array.isArray(stored) ? (stored as number[]) : [];
}

async function setMapping(tabId: number, on: boolean): Promise<void> {
  const tabs = new Set(await mappingTabs());
  if (on) tabs.add(tabId);
  else tabs.delete(tabId);
  await browser.storage.session.set({ [MAPPING_KEY]: [...tabs] });
}

/** The custom page the sending frame shows; refused for any other frame. */
async function pageOfSender(sender: RequestSender): Promise<CustomPage> {
  const page = sender.url ? customPageFor(await readPages(), sender.url) : undefined;
  if (!page) throw new CodedError('pageNotAdded');
  return page;
}

/** A tab showing `page`: one already open, else a new one at the pattern's fixed part when it names a URL. */
async function tabFor(page: CustomPage): Promise<number> {
  const [open] = await browser.tabs.query({ url: page.pattern });
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
    return open.id;
  }
  const url = page.pattern.replace(/\*.*$/, '');
  if (/^[^:]+:\/\/[^/]*\*/.test(page.pattern)) throw new CodedError('pageNoTab');
  const created = await browser.tabs.create({ url, active: true });
  if (created.id === undefined) throw new CodedError('pageNoTab');
  return created.id;
}

/** Asks the tab's content script to open the mapper, until it answers (a new tab is still loading). */
async function openMapperIn(tabId: number): Promise<void> {
  const deadline = Date.now() + TAB_READY_MS;
  for (;;) {
    const answer = await callTab(tabId, 'startMapper', {});
    if (answer?.started) return;
    if (Date.now() > deadline) throw new CodedError('pageNoScript');
    await new Promise((resolve) => setTimeout(resolve, TAB_POLL_MS));
  }
}

export interface CustomPageDeps {
  /** Origins other features hold (the feedback webhook, the shop server): removing a page never revokes them. */
  originsInUse(): Promise<string[]>;
}

export function startCustomPages(deps: CustomPageDeps, later: (run: () => void) => void) {
  // After an update the added pages' open tabs hold the old version's script: the new one is attached there too.
  later(
    () =>
      void syncRegistrations()
        .then(async (ids) => {
          const patterns = (await readPages()).filter((page) => ids.includes(page.id)).map((page) => page.pattern);
          await reattachTabs(patterns, [CUSTOM_SCRIPT_FILE]);
        })
        .catch(() => {}),
  );
  // A site revoked at chrome://extensions: its registration goes too, so nothing waits on a page it can't enter.
  browser.permissions.onRemoved?.addListener(() => void syncRegistrations().catch(() => {}));
  browser.tabs.onRemoved.addListener((tabId) => void setMapping(tabId, false));

  return {
    customPages: () => summaries(),

    /** The options page asked for the origin in the admin's click; here it must be held. */
    addCustomPage: async ({ pattern: typed }: RequestOf<'addCustomPage'>) => {
      const { pattern, origin } = parseChatPagePattern(typed);
      if (!(await granted(origin))) throw new CodedError('pagePermissionMissing', { origin });
      const pages = await readPages();
      const id = customPageId(pattern);
      if (pages.some((page) => page.id === id)) throw new CodedError('pageExists', { pattern });
      await writePages([...pages, { id, pattern, origin, addedAt: Date.now() }]);
      await syncRegistrations();
      return summaries();
    },

    removeCustomPage: async ({ id }: RequestOf<'removeCustomPage'>) => {
      const pages = await readPages();
      const page = pages.find((candidate) => candidate.id === id);
      if (!page) throw new CodedError('pageNotAdded');
      const rest = pages.filter((candidate) => candidate.id !== id);
      await writePages(rest);
      await syncRegistrations();
      const stillUsed = new Set([...rest.map((other) => other.origin), ...(await deps.originsInUse())]);
      if (!stillUsed.has(page.origin)) await browser.permissions.remove({ origins: [page.origin] });
      return summaries();
    },

    /** From the options page or the toolbar popup: open (or bring up) the page's tab and start the mapper there. */
    startMapper: async ({ id }: RequestOf<'startMapper'>) => {
      const page = (await readPages()).find((candidate) => candidate.id === id);
      if (!page) throw new CodedError('pageNotAdded');
      if (!(await granted(page.origin))) throw new CodedError('pagePermissionMissing', { origin: page.origin });
      const tabId = await tabFor(page);
      await setMapping(tabId, true);
      await openMapperIn(tabId);
      return { tabId };
    },

    /** A custom page's content script asks what it is: its id and its definition, once mapped. */
    customPage: async (_payload: RequestOf<'customPage'>, sender: RequestSender) => {
      const page = await pageOfSender(sender);
      return { id: page.id, pattern: page.pattern, definition: page.definition ?? null };
    },

    /** The mapper's 保存: only from a tab the admin sent the mapper to, and only for the page it shows. */
    saveMappedPage: async ({ definition }: RequestOf<'saveMappedPage'>, sender: RequestSender) => {
      if (sender.tabId === undefined || !(await mappingTabs()).includes(sender.tabId)) {
        throw new CodedError('mapperNotStarted');
      }
      const page = await pageOfSender(sender);
      const checked = parseCustomDefinition(definition, page);
      const pages = await readPages();
      await writePages(
        pages.map((candidate) => (candidate.id === page.id ? { ...page, definition: checked } : candidate)),
      );
      return { id: page.id, definition: checked };
    },

    /** The mapper closed (Esc, 取消, or saved): the tab may not save again until the admin starts it anew. */
    finishMapping: async (_payload: RequestOf<'finishMapping'>, sender: RequestSender) => {
      if (sender.tabId !== undefined) await setMapping(sender.tabId, false);
      return { ok: true as const };
    },
  };
}
