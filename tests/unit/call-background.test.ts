import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { errorText } from '@/lib/i18n/errors';
import { callBackground } from '@/lib/messages/background';
import { CodedError } from '@/lib/messages/errors';

/** Chrome's rejection when the service worker was stopped while the request was on its way. */
const WORKER_STOPPED = new Error('Could not establish connection. Receiving end does not exist.');
const SUGGEST = { conversationId: 'c1', messageId: 'm1', text: '什么时候发货' };
const SOLUTION = { intent: 'ship_urge' };

/** The worker answers with each of `answers` in turn: a value is resolved, an Error is thrown. */
function workerAnswers(...answers: unknown[]) {
  const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
  for (const answer of answers) {
    if (answer instanceof Error) sendMessage.mockRejectedValueOnce(answer);
    else sendMessage.mockResolvedValueOnce(answer as never);
  }
  return sendMessage;
}

async function refusalOf(call: Promise<unknown>): Promise<CodedError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof CodedError)) throw new Error(`expected a CodedError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('callBackground when the service worker was stopped', () => {
  test('a suggestion is asked once more, and the buyer’s question still gets its answer', async () => {
    const sendMessage = workerAnswers(WORKER_STOPPED, { ok: true, value: SOLUTION });
    await expect(callBackground('suggest', SUGGEST as never)).resolves.toEqual(SOLUTION);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  test('a channel that closed with no answer (the polyfill resolves undefined) is asked once more too', async () => {
    const sendMessage = workerAnswers(undefined, { ok: true, value: SOLUTION });
    await expect(callBackground('suggest', SUGGEST as never)).resolves.toEqual(SOLUTION);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  test('gone twice: it stops asking and says so in the agent’s language, not in Chrome’s English', async () => {
    const sendMessage = workerAnswers(WORKER_STOPPED, WORKER_STOPPED, { ok: true, value: SOLUTION });
    const error = await refusalOf(callBackground('suggest', SUGGEST as never));
    expect(error.code).toBe('backgroundDown');
    expect(errorText(error, 'zh')).toBe('话术助手后台无响应');
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  test('a write is never sent twice: it may have been stored before the worker went', async () => {
    const sendMessage = workerAnswers(WORKER_STOPPED, { ok: true, value: {} });
    const error = await refusalOf(callBackground('recordStats', { events: [] } as never));
    expect(error.code).toBe('backgroundDown');
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  test('a refusal from a running worker is not a reason to ask again', async () => {
    const sendMessage = workerAnswers({ ok: false, reason: { code: 'adminOnly', params: {} }, error: '' });
    const error = await refusalOf(callBackground('suggest', SUGGEST as never));
    expect(error.code).toBe('adminOnly');
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  test('after an extension reload it says to reload the page, without asking again', async () => {
    const sendMessage = workerAnswers(new Error('Extension context invalidated.'));
    const error = await refusalOf(callBackground('suggest', SUGGEST as never));
    expect(error.code).toBe('extensionReloaded');
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
