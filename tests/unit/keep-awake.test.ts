// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KEEP_AWAKE_FOR_MS, KEEP_AWAKE_PING_MS, KEEP_AWAKE_PORT, keepWorkerAwake } from '@/lib/messages/background';

/** The ports the tab opened, each with the pings it sent and whether it is still open. */
function watchPorts() {
  const ports: { name: string; pings: number; open: boolean; drop: () => void }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
    const dropped: (() => void)[] = [];
    const port = {
      name: info.name,
      pings: 0,
      open: true,
      // Chrome stopped the worker: the tab's end of the port hears onDisconnect.
      drop: () => {
        port.open = false;
        for (const listener of dropped) listener();
      },
    };
    ports.push(port);
    return {
      name: info.name,
      postMessage: () => port.pings++,
      disconnect: () => {
        port.open = false;
      },
      onDisconnect: { addListener: (listener: () => void) => dropped.push(listener) },
    };
  }) as never);
  return ports;
}

let visibility: DocumentVisibilityState;
let controller: AbortController;

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const start = () => keepWorkerAwake(document, controller.signal, () => Date.now());
const openPorts = (ports: { open: boolean }[]) => ports.filter((port) => port.open).length;

describe('a visible chat tab keeps the worker awake while the agent works, never forever', () => {
  test('it opens one port and pings more often than Chrome’s 30 s idle limit', () => {
    const ports = watchPorts();
    start();
    vi.advanceTimersByTime(60_000);
    expect(ports.map((port) => port.name)).toEqual([KEEP_AWAKE_PORT]);
    expect(KEEP_AWAKE_PING_MS).toBeLessThan(30_000);
    expect(ports[0].pings).toBe(3);
  });

  test('with no input for the whole window the port closes, and the worker may sleep', () => {
    const ports = watchPorts();
    start();
    vi.advanceTimersByTime(KEEP_AWAKE_FOR_MS + KEEP_AWAKE_PING_MS);
    expect(openPorts(ports)).toBe(0);
    const pings = ports[0].pings;
    vi.advanceTimersByTime(10 * KEEP_AWAKE_PING_MS);
    expect(ports[0].pings).toBe(pings);
  });

  test('the agent typing again opens it again', () => {
    const ports = watchPorts();
    start();
    vi.advanceTimersByTime(KEEP_AWAKE_FOR_MS + KEEP_AWAKE_PING_MS);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(ports).toHaveLength(2);
    expect(openPorts(ports)).toBe(1);
  });

  test('a hidden tab lets go at once; showing it again with recent input holds again', () => {
    const ports = watchPorts();
    start();
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(openPorts(ports)).toBe(0);
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(openPorts(ports)).toBe(1);
  });

  test('a worker stopped anyway gets a new port on the next ping', () => {
    const ports = watchPorts();
    start();
    ports[0].drop();
    vi.advanceTimersByTime(KEEP_AWAKE_PING_MS);
    expect(ports).toHaveLength(2);
    expect(ports[1].open).toBe(true);
  });

  test('after the extension was reloaded under the page it stops trying, without an error every ping', () => {
    const connect = vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    start();
    vi.advanceTimersByTime(5 * KEEP_AWAKE_PING_MS);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  test('when the content script ends, the port closes and nothing pings', () => {
    const ports = watchPorts();
    start();
    controller.abort();
    vi.advanceTimersByTime(5 * KEEP_AWAKE_PING_MS);
    expect(openPorts(ports)).toBe(0);
    expect(ports[0].pings).toBe(0);
  });
});
