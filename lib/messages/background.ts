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

/**
 * Requests that change nothing when they arrive twice (a suggestion's hit count aside). Only these are sent again
 * when the worker was stopped under them: a save or a feedback item may have been stored before the worker went.
 */
const SAFE_TO_REPEAT: ReadonlySet<BackgroundRequestType> = new Set<BackgroundRequestType>([
  'suggest',
  'chatState',
  'reportHealth',
  'reportWaiting',
  'shopState',
  'previewPack',
]);

/**
 * Chrome's words when the service worker was stopped (or was starting) while a request was on its way: nobody
 * listened, or the channel closed before the answer.
 */
const WORKER_GONE = /Receiving end does not exist|message (port|channel) closed/i;

/**
 * Sends a request to the background and unwraps its reply; rejects with a CodedError. A request that is safe to
 * repeat is sent once more when the worker was gone; if it is gone again, the reason is `backgroundDown`.
 */
export async function callBackground<T extends BackgroundRequestType>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const attempts = SAFE_TO_REPEAT.has(type) ? 2 : 1;
  for (let attempt = 1; ; attempt++) {
    const reply = await send<ResponseOf<T>>(type, payload);
    if (reply === WORKER_WENT) {
      if (attempt < attempts) continue;
      throw new CodedError('backgroundDown');
    }
    if (!reply.ok) {
      throw isErrorData(reply.reason)
        ? new CodedError(reply.reason.code, reply.reason.params)
        : new CodedError('internal');
    }
    return reply.value;
  }
}

const WORKER_WENT = Symbol('the worker went away before it answered');

async function send<V>(type: BackgroundRequestType, payload: unknown): Promise<Reply<V> | typeof WORKER_WENT> {
  try {
    // The polyfill resolves undefined when the channel closed with no answer.
    const reply = (await browser.runtime.sendMessage(envelope(type, payload))) as Reply<V> | undefined;
    return reply ?? WORKER_WENT;
  } catch (error) {
    // After an extension update or reload the old content script can no longer reach the background.
    if (String(error).includes('context invalidated')) throw new CodedError('extensionReloaded');
    if (WORKER_GONE.test(String(error))) return WORKER_WENT;
    throw error;
  }
}
