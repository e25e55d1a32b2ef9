/**
 * Requests to the background: the client every other context calls, and the background's one dispatcher.
 */

import { envelope, parseEnvelope } from '@/lib/messages/envelope';
import { CodedError, type ErrorData, isErrorData, toErrorData } from '@/lib/messages/errors';
import { BACKGROUND_REQUESTS, type BackgroundRequestType, type RequestOf, type ResponseOf } from '@/lib/messages/map';

/** What the background answers: a result or a coded reason, never a thrown error across contexts. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** Sends a request to the background and unwraps its reply; rejects with a CodedError. */
export async function callBackground<T extends BackgroundRequestType>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  let reply: Reply<ResponseOf<T>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope(type, payload))) as Reply<ResponseOf<T>> | undefined;
  } catch (error) {
    // After an extension update or reload the old content script can no longer reach the background.
    if (String(error).includes('context invalidated')) throw new CodedError('extensionReloaded');
    throw error;
  }
  if (!reply) throw new CodedError('backgroundDown');
  if (!reply.ok) {
    throw isErrorData(reply.error) ? new CodedError(reply.error.code, reply.error.params) : new CodedError('internal');
  }
  return reply.value;
}

/** Where a request came from: the tab and frame, for requests that concern the chat tab that sent them. */
export interface RequestSender {
  tabId?: number;
  /** 0 for the top frame; chat pages may put their parts in frames. */
  frameId?: number;
}

export type BackgroundHandlers = {
  [T in BackgroundRequestType]: (
    payload: RequestOf<T>,
    sender: RequestSender,
  ) => ResponseOf<T> | Promise<ResponseOf<T>>;
};

/** The background's one dispatcher. Messages from other extensions, or not ours, are left alone. */
export function serveBackground(handlers: BackgroundHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    let request: ReturnType<typeof parseEnvelope<typeof BACKGROUND_REQUESTS>>;
    try {
      request = parseEnvelope(BACKGROUND_REQUESTS, message);
    } catch (error) {
      return Promise.resolve({ ok: false, error: toErrorData(error) });
    }
    if (!request) return undefined;
    const handler = handlers[request.type] as (payload: unknown, from: RequestSender) => unknown;
    const { payload } = request;
    return Promise.resolve()
      .then(() => handler(payload, { tabId: sender.tab?.id, frameId: sender.frameId }))
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: toErrorData(error) }),
      );
  });
}
