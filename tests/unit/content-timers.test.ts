// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { createTimers } from '@/entrypoints/content/timers';

/** An abort signal that counts the listeners added to it and not removed. */
function countingSignal() {
  const controller = new AbortController();
  let listeners = 0;
  const add = controller.signal.addEventListener.bind(controller.signal);
  vi.spyOn(controller.signal, 'addEventListener').mockImplementation((...args: Parameters<typeof add>) => {
    listeners++;
    add(...args);
  });
  return { controller, listeners: () => listeners };
}

describe('content script timers', () => {
  test('a thousand frames and timeouts add one abort listener in all', async () => {
    const { controller, listeners } = countingSignal();
    const timers = createTimers(controller.signal);
    let ran = 0;
    for (let i = 0; i < 1000; i++) {
      timers.frame(() => ran++);
      timers.timeout(() => ran++, 0);
    }
    await vi.waitFor(() => expect(ran).toBe(2000));
    expect(listeners()).toBe(1);
  });

  test('perFrame: many requests before a paint run once, and a request after it runs again', async () => {
    const timers = createTimers(new AbortController().signal);
    const draw = vi.fn();
    const requestDraw = timers.perFrame(draw);
    for (let i = 0; i < 10; i++) requestDraw();
    await vi.waitFor(() => expect(draw).toHaveBeenCalledTimes(1));
    requestDraw();
    await vi.waitFor(() => expect(draw).toHaveBeenCalledTimes(2));
  });

  test('nothing runs once the content script is stopped', async () => {
    const controller = new AbortController();
    const timers = createTimers(controller.signal);
    const ran = vi.fn();
    timers.frame(ran);
    timers.timeout(ran, 0);
    controller.abort();
    timers.timeout(ran, 0);
    await new Promise((done) => setTimeout(done, 50));
    expect(ran).not.toHaveBeenCalled();
  });

  test('nothing runs when the extension went away without an abort', async () => {
    const controller = new AbortController();
    const timers = createTimers(controller.signal, () => false);
    const ran = vi.fn();
    timers.timeout(ran, 0);
    await new Promise((done) => setTimeout(done, 20));
    expect(ran).not.toHaveBeenCalled();
  });
});
