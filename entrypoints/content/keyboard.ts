/**
 * Keyboard-first: Alt+1..3 sends reply n, Alt+Shift+1..3 copies it, Alt+A runs the first action, Esc collapses.
 * Keys are read by physical position (event.code) because Alt and Shift change the character; nothing fires
 * while an IME composition is open.
 */
export type Shortcut =
  | { kind: 'send'; reply: number }
  | { kind: 'copy'; reply: number }
  | { kind: 'action' }
  | { kind: 'collapse' };

/** The key's fields a shortcut depends on (a KeyboardEvent has them all). */
export type ShortcutKey = Pick<
  KeyboardEvent,
  'key' | 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'isComposing' | 'keyCode' | 'isTrusted'
>;

/**
 * The shortcut a key press means for an open, expanded popup with `replies` replies, or null. Only the agent's
 * own keys count: a key event the page's script made up must never send a reply.
 */
export function shortcutFor(key: ShortcutKey, replies: number, hasAction: boolean): Shortcut | null {
  if (!key.isTrusted || key.isComposing || key.keyCode === 229) return null;
  if (key.key === 'Escape' && !key.altKey) return { kind: 'collapse' };
  if (!key.altKey || key.ctrlKey || key.metaKey) return null;
  const digit = /^Digit([1-3])$/.exec(key.code);
  if (digit) {
    const reply = Number(digit[1]) - 1;
    if (reply >= replies) return null;
    return key.shiftKey ? { kind: 'copy', reply } : { kind: 'send', reply };
  }
  return key.code === 'KeyA' && !key.shiftKey && hasAction ? { kind: 'action' } : null;
}
