import type { HostAdapter } from '@/lib/adapters/types';
import type { AdapterHealth } from '@/lib/pages/health';
import type { ActionId } from '@/lib/solutions/types';

const NOTHING_FOUND: AdapterHealth = {
  conversations: false,
  messages: false,
  input: false,
  send: false,
  orders: false,
};
/** Matches no element: a message selector that failed finds nothing. */
const NO_ELEMENT = ':not(*)';
const warned = new Set<string>();

function warnOnce(key: string, error: unknown): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[话术助手] ${key} failed; treating that part of the page as missing.`, error);
}

function guard<A extends unknown[], R>(key: string, fn: (...args: A) => R, fallback: () => R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      warnOnce(key, error);
      return fallback();
    }
  };
}

/**
 * Wraps every function of an adapter so that nothing it does can throw into the host page: a page
 * that changed (or a selector that no longer parses) makes that part read as missing, with one
 * console warning, instead of breaking the page's own scripts or the content script.
 */
export function defineAdapter(adapter: HostAdapter): HostAdapter {
  const key = (name: string) => `${adapter.id}.${name}`;
  const actions: HostAdapter['actions'] = {};
  for (const id of Object.keys(adapter.actions) as ActionId[]) {
    const handler = adapter.actions[id];
    if (handler) actions[id] = guard(key(`actions.${id}`), handler, () => false);
  }
  return {
    id: adapter.id,
    matches: adapter.matches,
    definition: adapter.definition,
    bind: adapter.bind,
    bound: adapter.bound,
    detect: guard(key('detect'), adapter.detect, () => false),
    threadRoot: guard(key('threadRoot'), adapter.threadRoot, () => null),
    currentConversationId: guard(key('currentConversationId'), adapter.currentConversationId, () => null),
    buyerName: guard(key('buyerName'), adapter.buyerName, () => undefined),
    readThread: guard(key('readThread'), adapter.readThread, () => []),
    messageSelector: guard(key('messageSelector'), adapter.messageSelector, () => NO_ELEMENT),
    readMessage: guard(key('readMessage'), adapter.readMessage, () => null),
    readOrders: guard(key('readOrders'), adapter.readOrders, () => []),
    composer: guard(key('composer'), adapter.composer, () => null),
    composerArea: guard(key('composerArea'), adapter.composerArea, () => null),
    readDraft: guard(key('readDraft'), adapter.readDraft, () => ''),
    setDraft: async (doc, text, mode) => {
      try {
        return await adapter.setDraft(doc, text, mode);
      } catch (error) {
        warnOnce(key('setDraft'), error);
        return false;
      }
    },
    send: async (doc) => {
      try {
        return await adapter.send(doc);
      } catch (error) {
        warnOnce(key('send'), error);
        return false;
      }
    },
    reserveThreadSpace: guard(key('reserveThreadSpace'), adapter.reserveThreadSpace, () => undefined),
    conversations: guard(key('conversations'), adapter.conversations, () => []),
    conversationList: guard(key('conversationList'), adapter.conversationList, () => null),
    // A filter that fails lets every change through: the list is read more often, never missed.
    conversationAttributes: adapter.conversationAttributes,
    onlyWaitTimersTicked: guard(key('onlyWaitTimersTicked'), adapter.onlyWaitTimersTicked, () => false),
    openConversation: guard(key('openConversation'), adapter.openConversation, () => false),
    health: guard(key('health'), adapter.health, () => ({ ...NOTHING_FOUND })),
    actions,
  };
}

/** Runs one health probe; a probe that throws means that part was not found. */
export function probe(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
