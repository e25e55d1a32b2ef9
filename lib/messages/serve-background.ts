/** The background's one dispatcher: every request is checked against its schema before a handler sees it. */

import { errorText } from '@/lib/i18n/errors';
import { KEEP_AWAKE_PORT, type Reply } from '@/lib/messages/background';
import {
  BACKGROUND_REQUESTS,
  type BackgroundRequestType,
  CHAT_REQUESTS,
  type RequestOf,
  type ResponseOf,
} from '@/lib/messages/background-map';
import { parseEnvelope } from '@/lib/messages/envelope';
import { CodedError, toErrorData } from '@/lib/messages/errors';

/** Where a request came from: the tab and frame, for requests that concern the chat tab that sent them. */
export interface RequestSender {
  tabId?: number;
  /** 0 for the top frame; chat pages may put their parts in frames. */
  frameId?: number;
  /** The sending frame's URL, as the browser reports it (not as the page claims). */
  url?: string;
}

export type BackgroundHandlers = {
  [T in BackgroundRequestType]: (
    payload: RequestOf<T>,
    sender: RequestSender,
  ) => ResponseOf<T> | Promise<ResponseOf<T>>;
};

/** Messages from other extensions, or not ours, are left alone. */
export function serveBackground(handlers: BackgroundHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    let request: ReturnType<typeof parseEnvelope<typeof BACKGROUND_REQUESTS>>;
    try {
      request = parseEnvelope(BACKGROUND_REQUESTS, message);
    } catch (error) {
      return Promise.resolve(refusal(error));
    }
    if (!request) return undefined;
    if (!(CHAT_REQUESTS as readonly string[]).includes(request.type) && !fromExtensionPage(sender.url)) {
      return Promise.resolve(refusal(new CodedError('adminOnly')));
    }
    const handler = handlers[request.type] as (payload: unknown, from: RequestSender) => unknown;
    const { payload } = request;
    return Promise.resolve()
      .then(() => handler(payload, { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url }))
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => refusal(error),
      );
  });
}

function refusal(error: unknown): Reply<never> {
  const reason = toErrorData(error);
  return { ok: false, reason, error: errorText(reason, 'zh') };
}

/** The options page or the toolbar popup: a page of the extension's own origin, even when opened in a tab. */
function fromExtensionPage(url: string | undefined): boolean {
  return url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

/**
 * Listens on chat tabs' keep-awake ports (keepWorkerAwake): each ping is an event, which is all it takes for Chrome
 * to keep the worker running. The tab decides how long; the worker only listens.
 */
export function serveKeepAwake(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== KEEP_AWAKE_PORT || port.sender?.id !== browser.runtime.id) return;
    port.onMessage.addListener(() => undefined);
  });
}
