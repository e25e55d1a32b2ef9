import { describe, expect, test } from 'vitest';
import { type ShortcutKey, shortcutFor } from '@/entrypoints/content/keyboard';

function key(init: Partial<ShortcutKey>): ShortcutKey {
  return {
    key: '',
    code: '',
    altKey: false,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    isComposing: false,
    keyCode: 0,
    isTrusted: true,
    ...init,
  };
}

describe('popup shortcuts', () => {
  test('Alt+1..3 sends the reply, with Shift copies it, by key position whatever the character', () => {
    expect(shortcutFor(key({ code: 'Digit1', key: '¡', altKey: true }), 3, false)).toEqual({ kind: 'send', reply: 0 });
    expect(shortcutFor(key({ code: 'Digit2', key: '™', altKey: true, shiftKey: true }), 3, false)).toEqual({
      kind: 'copy',
      reply: 1,
    });
  });

  test('a reply number the popup does not show does nothing', () => {
    expect(shortcutFor(key({ code: 'Digit3', altKey: true }), 2, false)).toBeNull();
  });

  test('Alt+A runs the first action only when one is enabled; Esc collapses', () => {
    expect(shortcutFor(key({ code: 'KeyA', altKey: true }), 1, true)).toEqual({ kind: 'action' });
    expect(shortcutFor(key({ code: 'KeyA', altKey: true }), 1, false)).toBeNull();
    expect(shortcutFor(key({ key: 'Escape', code: 'Escape' }), 1, false)).toEqual({ kind: 'collapse' });
  });

  test('keys a page script made up, IME composition and Ctrl/Meta combinations do nothing', () => {
    expect(shortcutFor(key({ code: 'Digit1', altKey: true, isTrusted: false }), 3, false)).toBeNull();
    expect(shortcutFor(key({ key: 'Escape', isTrusted: false }), 3, false)).toBeNull();
    expect(shortcutFor(key({ code: 'Digit1', altKey: true, isComposing: true }), 3, false)).toBeNull();
    expect(shortcutFor(key({ code: 'Digit1', altKey: true, keyCode: 229 }), 3, false)).toBeNull();
    expect(shortcutFor(key({ code: 'Digit1', altKey: true, ctrlKey: true }), 3, false)).toBeNull();
    expect(shortcutFor(key({ code: 'Digit1' }), 3, false)).toBeNull();
  });
});
