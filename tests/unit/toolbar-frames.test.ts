import { describe, expect, test } from 'vitest';
import { combineFrames } from '@/entrypoints/background/frames';
import type { AdapterHealth } from '@/lib/pages/health';

const none: AdapterHealth = { conversations: false, messages: false, input: false, send: false, orders: false };

describe('a tab’s page check from its frames', () => {
  test('a part counts as found when any frame found it', () => {
    const shell = { parts: none, waiting: 0 };
    const chat = { parts: { ...none, messages: true, input: true, send: true }, waiting: 0 };
    const orders = { parts: { ...none, orders: true, conversations: true }, waiting: 3 };
    expect(combineFrames([shell, chat, orders])).toEqual({
      parts: { conversations: true, messages: true, input: true, send: true, orders: true },
      waiting: 3,
    });
  });

  test('a missing part stays missing, and frames that have not checked yet say nothing', () => {
    const chat = { parts: { ...none, messages: true }, waiting: 0 };
    expect(combineFrames([chat, { parts: null, waiting: 0 }]).parts).toEqual({ ...none, messages: true });
    expect(combineFrames([{ parts: null, waiting: 0 }])).toEqual({ parts: null, waiting: 0 });
    expect(combineFrames([])).toEqual({ parts: null, waiting: 0 });
  });

  test('two frames showing the same conversation list do not count its buyers twice', () => {
    expect(
      combineFrames([
        { parts: null, waiting: 2 },
        { parts: null, waiting: 2 },
      ]).waiting,
    ).toBe(2);
  });
});
