/** DOM helpers of the adapter. Only adapters import this file. */
import type { MessageSender, ThreadMessage } from '@/lib/adapters/types';

/** Selector variants, current first; the first that matches wins. */
type Selectors = readonly string[];

/**
 * The one element a selector list names, for parts a page has exactly one of (the composer). A variant matching
 * several elements is skipped: an over-broad override such as `div` or `.chat *` must never pick some element
 * and have Huashu type a reply into it.
 */
export function queryOne<E extends Element = HTMLElement>(root: ParentNode, selectors: Selectors): E | null {
  for (const selector of selectors) {
    const found = root.querySelectorAll<E>(selector);
    if (found.length === 1) return found[0] ?? null;
  }
  return null;
}

export function queryAll<E extends Element = HTMLElement>(root: ParentNode, selectors: Selectors): E[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll<E>(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}

/**
 * Replaces the text of a contenteditable composer. execCommand('insertText') goes through the
 * browser's own editing path, so the page sees beforeinput/input exactly as if the agent typed,
 * keeps its undo stack, and rich editors (Slate, Draft, Quill) stay in sync.
 */
export function setEditableText(el: HTMLElement, text: string): void {
  el.focus();
  const doc = el.ownerDocument;
  const selection = doc.getSelection();
  selection?.selectAllChildren(el);
  const inserted = text ? doc.execCommand?.('insertText', false, text) : doc.execCommand?.('delete', false);
  if (!inserted || el.innerText.replace(/\n$/, '') !== text) {
    // Engines without execCommand (and test DOMs): write the text and announce it like typing would.
    el.textContent = text;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  }
  placeCaretAtEnd(el);
}

function placeCaretAtEnd(el: HTMLElement): void {
  const selection = el.ownerDocument.getSelection();
  if (!selection) return;
  selection.selectAllChildren(el);
  selection.collapseToEnd();
}

/**
 * Sets a textarea's value through the native setter: frameworks such as React track the value
 * on the element and ignore an assignment that bypasses it.
 */
export function setTextareaValue(el: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  const view = el.ownerDocument.defaultView;
  const setter =
    view &&
    Object.getOwnPropertyDescriptor(
      (el.tagName === 'INPUT' ? view.HTMLInputElement : view.HTMLTextAreaElement).prototype,
      'value',
    )?.set;
  if (setter) setter.call(el, text);
  else el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  el.focus();
}

/** Resolves true once `check` holds after DOM changes under `root`, false after `timeoutMs`. */
function waitForDom(root: Node, check: () => boolean, timeoutMs: number): Promise<boolean> {
  if (check()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const view = root.ownerDocument?.defaultView ?? globalThis;
    const observer = new MutationObserver(() => {
      if (!check()) return;
      finish(true);
    });
    const timer = view.setTimeout(() => finish(check()), timeoutMs);
    function finish(result: boolean) {
      observer.disconnect();
      view.clearTimeout(timer);
      resolve(result);
    }
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
}

/** How long a send may take to show in the thread before it counts as failed. */
const SEND_CONFIRM_MS = 3000;

/**
 * The newest message `from` that sender, read from the last message element backwards: in a long thread only
 * the last few messages are read.
 */
export function latestMessageFrom(
  doc: Document,
  selector: string,
  read: (el: HTMLElement) => ThreadMessage | null,
  from: MessageSender,
): ThreadMessage | undefined {
  const elements = doc.querySelectorAll<HTMLElement>(selector);
  for (let index = elements.length - 1; index >= 0; index--) {
    const message = read(elements[index]);
    if (message?.from === from) return message;
  }
  return undefined;
}

/**
 * Triggers a send and resolves true only once a new agent message with exactly `text` shows in the
 * thread: a click that the page ignored must never be reported to the agent as sent.
 */
export function sendAndConfirm(options: {
  text: string;
  /** The agent's newest message as the page shows it now. */
  latestAgentMessage: () => ThreadMessage | undefined;
  /** Clicks the send control (or presses Enter). */
  trigger: () => void;
  /** Where the new message will appear. */
  root: Node;
}): Promise<boolean> {
  const text = options.text.trim();
  const before = options.latestAgentMessage()?.id;
  options.trigger();
  return waitForDom(
    options.root,
    () => {
      const latest = options.latestAgentMessage();
      return latest !== undefined && latest.id !== before && latest.text.trim() === text;
    },
    SEND_CONFIRM_MS,
  );
}
