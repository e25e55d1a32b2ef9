/**
 * After an install, update, reload or re-enable, the chat tabs that were already open still hold the old
 * version's content script, cut off from this background: no popup until the agent refreshes the page. So
 * each start of the background asks every open chat tab whether a live Huashu answers there; where none
 * does, the content script files the manifest lists are injected into the tab's frames, and WXT's context
 * retires the old script. A live script answers even a message it does not handle (the channel exists),
 * so tabs that are fine are left alone. Where injecting fails, the old script shows the reload notice.
 */
import { adapterMatches } from '@/lib/pages/matches';

type ScriptFiles = NonNullable<Parameters<typeof browser.scripting.executeScript>[0]['files']>;

/** A message no content script handles: only whether anyone is listening matters. */
const PING = { huashu: 1, type: 'attached?' } as const;

export async function reattachOpenTabs(): Promise<number[]> {
  // The built files, as the manifest names them (content-scripts/content.js today), so a rename can't break this.
  const files = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.js ?? []) ?? [];
  return reattachTabs(adapterMatches, files);
}

/**
 * Injects `files` into every open tab matching `urls` where no live Huashu answers: the manifest's script on the
 * built-in pages, and the run-time registered one on the chat pages the shop added (custom-pages.ts).
 */
export async function reattachTabs(urls: readonly string[], files: readonly string[]): Promise<number[]> {
  // Firefox (MV2) has no scripting API: there the old script's reload notice is all Huashu can do.
  if (!browser.scripting || files.length === 0 || urls.length === 0) return [];
  const tabs = await browser.tabs.query({ url: [...urls], status: 'complete' });
  const attached: number[] = [];
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || (await listening(tab.id))) return;
      try {
        await browser.scripting.executeScript({
          target: { tabId: tab.id, allFrames: true },
          files: [...files] as ScriptFiles,
        });
        attached.push(tab.id);
      } catch {
        // A tab closing or navigating meanwhile, or a frame the extension may not enter: nothing to attach.
      }
    }),
  );
  return attached;
}

async function listening(tabId: number): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, PING);
    return true;
  } catch {
    // "Receiving end does not exist": no content script of this version in the tab.
    return false;
  }
}
