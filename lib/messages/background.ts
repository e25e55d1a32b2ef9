/**
 * The client every other context calls the background with. It imports the request map's types only, so the
 * content script carries none of the background's schemas.
 */
import type { BackgroundRequestType, RequestOf, ResponseOf } from '@/lib/messages/background-map';
import { envelope } from '@/lib/messages/envelope';
import { CodedError, type ErrorData, isErrorData } from '@/lib/messages/errors';

/**
 * What the background answers: a result or a coded reason, never a thrown error across contexts. Surfaces word
 * `reason` in their own language; `error` is the same reason in the default language, for logs and tools.
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; reason: ErrorData; error: string };

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
    throw isErrorData(reply.reason)
      ? new CodedError(reply.reason.code, reply.reason.params)
      : new CodedError('internal');
  }
  return reply.value;
}
