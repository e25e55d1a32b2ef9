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
  'previewUrgency',
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
  lastCallAt = Date.now();
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

/** The port a visible chat tab holds open while the agent works; the background only listens on it. */
export const KEEP_AWAKE_PORT = 'huashu-keep-awake';
/** Chrome stops a worker after 30 s without events; a ping on the port is one. */
export const KEEP_AWAKE_PING_MS = 20_000;
/** After this long with no input on the page and no request from it, the worker is let go to sleep. */
export const KEEP_AWAKE_FOR_MS = 10 * 60_000;

/** When this context last asked the background anything (a buyer's message is work of the shift too). */
let lastCallAt = 0;

/**
 * Keeps the service worker awake while the agent works in this chat tab, so a buyer's message after a quiet minute
 * is answered by a running worker instead of one that must start first. Only while the tab is visible and the agent
 * typed, clicked or got a buyer message in the last KEEP_AWAKE_FOR_MS; after that the port closes and Chrome stops
 * the idle worker about 30 s later, as it would without Huashu. Never forever: at most KEEP_AWAKE_FOR_MS past the
 * last activity, plus one ping interval and Chrome's 30 s.
 */
export function keepWorkerAwake(doc: Document, signal: AbortSignal, now: () => number = Date.now): void {
  let lastInputAt = now();
  let port: Browser.runtime.Port | null = null;
  const wanted = () =>
    doc.visibilityState === 'visible' && now() - Math.max(lastInputAt, lastCallAt) < KEEP_AWAKE_FOR_MS;
  /** Opens the port when it is wanted and closed (opening is itself an event), closes it when not wanted. */
  const update = () => {
    if (signal.aborted || !wanted()) {
      port?.disconnect();
      port = null;
      return false;
    }
    if (port) return true;
    try {
      port = browser.runtime.connect({ name: KEEP_AWAKE_PORT });
    } catch {
      // The extension was reloaded under this page: there is no worker of ours to keep awake any more.
      clearInterval(timer);
      return false;
    }
    // The worker stopped anyway (an update, Chrome's own limits): the port opens again when next wanted.
    port.onDisconnect.addListener(() => {
      port = null;
    });
    return false;
  };
  const input = () => {
    lastInputAt = now();
    if (!port) update();
  };
  const options = { capture: true, passive: true, signal };
  doc.addEventListener('keydown', input, options);
  doc.addEventListener('pointerdown', input, options);
  doc.addEventListener('visibilitychange', update, { signal });
  const timer = setInterval(() => {
    if (update()) port?.postMessage('ping');
  }, KEEP_AWAKE_PING_MS);
  signal.addEventListener(
    'abort',
    () => {
      clearInterval(timer);
      update();
    },
    { once: true },
  );
  update();
}
