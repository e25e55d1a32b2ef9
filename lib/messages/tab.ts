/**
 * Requests to a chat tab's content script, from the background and the toolbar popup: the senders, and the
 * content script's one dispatcher, which each feature registers its handlers with.
 */
import * as v from 'valibot';
import { envelope, readEnvelope } from '@/lib/messages/envelope';
import { TAB_ANSWERS, type TabResponseOf } from '@/lib/messages/tab-answers';
import { TAB_REQUESTS, type TabRequestOf, type TabRequestType } from '@/lib/messages/tab-map';

/**
 * Asks a tab and checks its answer (it comes from a third-party page's renderer). null when the tab has no
 * Huashu content script, no frame handled the request, or the answer is malformed.
 */
export async function callTab<T extends TabRequestType>(
  tabId: number,
  type: T,
  payload: TabRequestOf<T>,
): Promise<TabResponseOf<T> | null> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, envelope(type, payload)).catch(() => null);
  const checked = v.safeParse(TAB_ANSWERS[type], answer);
  return checked.success ? (checked.output as TabResponseOf<T>) : null;
}

/** Sends a request to every tab without waiting for answers; tabs without a content script are skipped. */
export async function broadcastToTabs<T extends TabRequestType>(type: T, payload: TabRequestOf<T>): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, envelope(type, payload)).catch(() => {}),
    ),
  );
}

type TabHandler<T extends TabRequestType> = (payload: TabRequestOf<T>) => TabResponseOf<T> | Promise<TabResponseOf<T>>;

export interface TabDispatcher {
  /** Registers the handler of one request type; a later registration replaces it. */
  handle<T extends TabRequestType>(type: T, handler: TabHandler<T>): void;
}

/**
 * The content script's one message listener, removed when `signal` aborts (the script is invalidated). A request
 * no feature handles in this frame gets no answer, so another frame of the tab can answer it.
 */
export function serveTab(signal: AbortSignal): TabDispatcher {
  const handlers: { [T in TabRequestType]?: TabHandler<T> } = {};
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    // Only the extension itself sends these; a payload its schema refuses is not answered.
    const request = readEnvelope(TAB_REQUESTS, message);
    const handler = request && (handlers[request.type] as ((payload: unknown) => unknown) | undefined);
    if (!request?.result.success || !handler) return undefined;
    return Promise.resolve(handler(request.result.output));
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
  return {
    handle(type, handler) {
      (handlers as Record<string, unknown>)[type] = handler;
    },
  };
}
