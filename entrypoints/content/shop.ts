import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { callBackground } from '@/lib/messages/background';
import type { ChatState } from '@/lib/messages/background-map';
import type { TabDispatcher } from '@/lib/messages/tab';

/** How long a chat frame waits for the shop's state before it starts watching the page anyway. */
const FIRST_LOAD_WAIT_MS = 1500;

export interface ShopWatch {
  /** The latest state fetched, or null before the first answer (defaults apply then). */
  current(): ChatState | null;
  /** Called with every state fetched, in the order listeners were added. */
  onChange(listener: (shop: ChatState) => void): void;
  /** Resolves with the first state, or after FIRST_LOAD_WAIT_MS: the background's first answer after a browser start can wait for its store. */
  firstLoad: Promise<void>;
}

/**
 * The shop's state (settings, selector overrides) as this chat frame sees it: fetched once at start and
 * again when the background says it changed, one request shared by the selector binding, the assistant
 * and the waiting badge.
 */
export function watchShop(ctx: ContentScriptContext, tab: TabDispatcher): ShopWatch {
  let current: ChatState | null = null;
  const listeners: ((shop: ChatState) => void)[] = [];

  async function load() {
    let loaded: ChatState;
    try {
      loaded = await callBackground('chatState', {});
    } catch {
      // The defaults stay; a suggestion request reports what is wrong with the background.
      return;
    }
    current = loaded;
    for (const listener of listeners) listener(loaded);
  }

  const first = load();
  tab.handle('solutionsChanged', () => void load());

  return {
    current: () => current,
    onChange: (listener) => listeners.push(listener),
    firstLoad: Promise.race([first, new Promise<void>((done) => ctx.setTimeout(done, FIRST_LOAD_WAIT_MS))]),
  };
}
