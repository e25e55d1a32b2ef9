/**
 * Putting text into a chat page's composer, whatever editor it is, and pressing its send keys.
 *
 * Composers are plain textareas, contenteditable divs, or rich editors (Lexical, Slate, Quill, ProseMirror/TipTap,
 * Draft.js) that keep the text in their own state and redraw the DOM from it. Text written into such a DOM by hand
 * shows, then vanishes on the next key or comes back doubled, and the page sends what its state holds. So text goes
 * in through a ladder of ways an editor may listen to, the most native first, and each step is read back before the
 * next one is tried:
 *   1. value-setter: a textarea's or input's native value setter plus an input event (React tracks the value on the
 *      element and ignores a plain assignment);
 *   2. before-input: a cancelable InputEvent beforeinput/insertText, as typing raises it first. Editors that apply
 *      text themselves (Slate) cancel it and take the text into their state;
 *   3. exec-command: document.execCommand('insertText'), the browser's own editing path (input event, undo stack),
 *      for plain editables and editors that follow the DOM (Lexical, Quill, ProseMirror/TipTap);
 *   4. paste: a synthetic paste carrying a DataTransfer, for editors that take pasted text through their own handler.
 * A step counts only when the composer then reads exactly the text wanted. A step that changed the composer some other
 * way (half the text, or twice) is undone before the next step, so the text never ends up doubled.
 * beforeinput comes before execCommand, though execCommand is the more native of the two: Chrome raises no beforeinput
 * for execCommand, so a Slate editor never hears of its text. The DOM then shows it, the editor's state does not, and
 * the next key makes it vanish (seen in real Chromium, tests/e2e/editors.test.ts). An editor that does not cancel
 * beforeinput has taken nothing, and execCommand then does what the browser would have done after it.
 * Only adapters import this file.
 */

/** The ladder's steps, in the order they are tried. */
export type InsertStrategy = 'value-setter' | 'before-input' | 'exec-command' | 'paste';

/** replace: the composer holds exactly the text (发送). append: the text goes after the agent's draft (复制). */
export type InsertMode = 'replace' | 'append';

export interface InsertResult {
  /** The composer reads exactly the text wanted. */
  landed: boolean;
  /** The step that put it there; absent when it did not land or was there already. */
  strategy?: InsertStrategy;
  /** Every step tried, in order (for diagnostics). */
  tried: InsertStrategy[];
}

/** How a page sends: its send button, Enter, or Ctrl+Enter (the page definition's send method). */
export type SendMethod = 'button' | 'enter' | 'ctrl-enter';

/** A composer settles once its DOM has not changed for this long (editors redraw in a microtask or a frame). */
const QUIET_MS = 30;
/** …or after this long, whatever it still does. */
const SETTLE_MAX_MS = 400;

const BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'BLOCKQUOTE', 'TR']);
/**
 * Zero-width characters editors keep as caret anchors (Slate's \uFEFF, Lexical's and Draft's \u200B). The joiners
 * (\u200C, \u200D) stay: they are part of emoji and scripts the agent typed.
 */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;

function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

/**
 * The element that takes the text: the composer itself, or, when a selector named the editor's wrapper (Quill's
 * `.ql-container`, a TipTap wrapper), the one editable inside it.
 */
export function editableOf(el: HTMLElement): HTMLElement {
  if (isTextField(el) || el.isContentEditable) return el;
  const inner = el.querySelectorAll<HTMLElement>('textarea, input, [contenteditable="true"], [contenteditable=""]');
  return inner.length === 1 ? inner[0] : el;
}

/**
 * Text compared the way an agent reads it: no-break spaces as spaces, no zero-width anchors, \n line ends, without
 * the trailing line breaks editors keep for an empty last line.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00A0/g, ' ')
    .replace(ZERO_WIDTH, '')
    .replace(/\n+$/, '');
}

/**
 * What the composer holds, as text: a field's value, or an editable's text with one line break between blocks and
 * per <br>. Read from the DOM, not from layout (innerText), so it works in a hidden tab and skips the placeholders
 * editors draw inside the editable (Slate's data-slate-placeholder) and anything marked aria-hidden.
 */
export function readComposerText(composer: HTMLElement): string {
  const el = editableOf(composer);
  if (isTextField(el)) return normalizeText(el.value);
  const lines: string[] = [''];
  const breakLine = () => {
    if (lines[lines.length - 1] !== '') lines.push('');
  };
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        lines[lines.length - 1] += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const element = child as Element;
      if (element.hasAttribute('data-slate-placeholder') || element.getAttribute('aria-hidden') === 'true') continue;
      if (element.tagName === 'BR') {
        // A <br> ends a line unless it is the last thing in its block (the empty-line placeholder browsers keep).
        if (hasContentAfter(element, el)) lines.push('');
        continue;
      }
      const block = BLOCKS.has(element.tagName);
      if (block) breakLine();
      walk(element);
      if (block) breakLine();
    }
  };
  walk(el);
  return normalizeText(lines.join('\n').replace(/^\n+/, ''));
}

/** Whether anything but empty text follows `node` inside its block (or inside `root`, the editable). */
function hasContentAfter(node: Node, root: Node): boolean {
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    for (let next = current.nextSibling; next; next = next.nextSibling) {
      if (next.nodeType === Node.ELEMENT_NODE || (next.nodeValue ?? '').replace(ZERO_WIDTH, '') !== '') return true;
    }
    const parent = current.parentNode;
    // Node types, not instanceof: the composer may sit in another frame's document, with its own Element.
    if (parent?.nodeType === Node.ELEMENT_NODE && BLOCKS.has((parent as Element).tagName)) break;
  }
  return false;
}

/** 复制's rule, as before the ladder: the reply goes after the draft, one space between. */
export function appendedDraft(draft: string, text: string): string {
  const kept = draft.trimEnd();
  return kept ? `${kept} ${text}` : text;
}

/** One way of writing text over the composer's whole content; returns false when the way does not exist here. */
type Step = (el: HTMLElement, text: string) => boolean;

const STEPS: Record<InsertStrategy, Step> = {
  'value-setter'(el, text) {
    if (!isTextField(el)) return false;
    const view = el.ownerDocument.defaultView;
    const prototype = view && (el.tagName === 'TEXTAREA' ? view.HTMLTextAreaElement : view.HTMLInputElement).prototype;
    const setter = prototype && Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
    if (setter) setter.call(el, text);
    else el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  },
  'exec-command'(el, text) {
    const doc = el.ownerDocument;
    if (typeof doc.execCommand !== 'function') return false;
    // With nothing to insert, the selection (everything) is deleted.
    try {
      return text ? doc.execCommand('insertText', false, text) : doc.execCommand('delete', false);
    } catch {
      return false;
    }
  },
  'before-input'(el, text) {
    const view = el.ownerDocument.defaultView;
    if (!view?.InputEvent) return false;
    const inputType = text ? 'insertText' : 'deleteContentBackward';
    const before = new view.InputEvent('beforeinput', {
      bubbles: true,
      cancelable: true,
      inputType,
      data: text || null,
    });
    el.dispatchEvent(before);
    // Cancelled: the editor applied the edit itself, and announces it as typing would. Not cancelled: nothing changed
    // (a synthetic event has no default action), and execCommand, next, does what the browser would have done.
    if (before.defaultPrevented)
      el.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType, data: text || null }));
    return true;
  },
  paste(el, text) {
    const view = el.ownerDocument.defaultView;
    if (!text || !view?.DataTransfer || !view.ClipboardEvent) return false;
    const data = new view.DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return true;
  },
};

const LADDER: readonly InsertStrategy[] = ['value-setter', 'before-input', 'exec-command', 'paste'];

/**
 * Puts `text` into the composer through the ladder (see the top of this file) and reads it back after each step.
 * replace leaves exactly `text`; append leaves the draft, a space, and `text` (appendedDraft). Resolves once the
 * composer holds it, or once every step failed, with the composer as it was before.
 */
export async function insertIntoComposer(composer: HTMLElement, text: string, mode: InsertMode): Promise<InsertResult> {
  const el = editableOf(composer);
  const before = readComposerText(el);
  const wanted = mode === 'append' ? appendedDraft(before, text) : text;
  const expected = normalizeText(wanted);
  const tried: InsertStrategy[] = [];
  if (before === expected) return { landed: true, tried };
  for (const strategy of LADDER) {
    await selectEverything(el);
    if (!STEPS[strategy](el, wanted)) continue;
    tried.push(strategy);
    await settle(el);
    const now = readComposerText(el);
    if (now === expected) {
      placeCaretAtEnd(el);
      return { landed: true, strategy, tried };
    }
    // Half the text, or twice: put the draft back before the next step, or stop rather than stack a second copy.
    if (now !== before && !(await restore(el, before))) break;
  }
  return { landed: false, tried };
}

/** Writes `draft` back over whatever a failed step left, through the first step that manages it. */
async function restore(el: HTMLElement, draft: string): Promise<boolean> {
  for (const strategy of LADDER) {
    await selectEverything(el);
    if (!STEPS[strategy](el, draft)) continue;
    await settle(el);
    if (readComposerText(el) === draft) return true;
  }
  return false;
}

/**
 * Focuses the editable and selects its whole content, from its first text position to its last, as Ctrl+A would.
 * Waits one task: editors map the page's selection into their own on selectionchange, which fires as a task.
 */
async function selectEverything(el: HTMLElement): Promise<void> {
  el.focus();
  if (isTextField(el)) {
    el.select();
    return;
  }
  const selection = el.ownerDocument.getSelection();
  if (!selection) return;
  const range = el.ownerDocument.createRange();
  const [start, end] = [edgeOf(el, 'first'), edgeOf(el, 'last')];
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  selection.removeAllRanges();
  selection.addRange(range);
  await nextTask(el);
}

/** The first or last caret position inside `el`: in its first/last text node, or its deepest first/last element. */
function edgeOf(el: HTMLElement, side: 'first' | 'last'): { node: Node; offset: number } {
  let node: Node = el;
  for (;;) {
    const child: Node | null = side === 'first' ? node.firstChild : node.lastChild;
    if (!child || (child.nodeType === Node.ELEMENT_NODE && (child as Element).tagName === 'BR')) break;
    if (child.nodeType === Node.TEXT_NODE)
      return { node: child, offset: side === 'first' ? 0 : (child.nodeValue ?? '').length };
    if (child.nodeType !== Node.ELEMENT_NODE || (child as HTMLElement).isContentEditable === false) break;
    node = child;
  }
  return { node, offset: side === 'first' ? 0 : node.childNodes.length };
}

function placeCaretAtEnd(el: HTMLElement): void {
  if (isTextField(el)) {
    el.setSelectionRange(el.value.length, el.value.length);
    return;
  }
  const selection = el.ownerDocument.getSelection();
  const end = edgeOf(el, 'last');
  selection?.collapse(end.node, end.offset);
}

function nextTask(el: Element): Promise<void> {
  const view = el.ownerDocument.defaultView ?? globalThis;
  return new Promise((resolve) => view.setTimeout(resolve, 0));
}

/** Resolves once the composer's DOM has been quiet for QUIET_MS (the editor redrew from its state), at most SETTLE_MAX_MS. */
function settle(el: HTMLElement): Promise<void> {
  const view = el.ownerDocument.defaultView ?? globalThis;
  return new Promise((resolve) => {
    let quiet = view.setTimeout(done, QUIET_MS);
    const cap = view.setTimeout(done, SETTLE_MAX_MS);
    const observer = new view.MutationObserver(() => {
      view.clearTimeout(quiet);
      quiet = view.setTimeout(done, QUIET_MS);
    });
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    function done() {
      observer.disconnect();
      view.clearTimeout(quiet);
      view.clearTimeout(cap);
      resolve();
    }
  });
}

/** Enter as a page's key handlers see a real one: keydown, keypress and keyup, with the legacy codes React reads. */
export function pressEnter(el: HTMLElement, withCtrl = false): void {
  el.focus();
  const view = el.ownerDocument.defaultView;
  if (!view) return;
  for (const type of ['keydown', 'keypress', 'keyup'] as const) {
    const charCode = type === 'keypress' ? 13 : 0;
    const event = new view.KeyboardEvent(type, {
      key: 'Enter',
      code: 'Enter',
      ctrlKey: withCtrl,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    // The constructor ignores the legacy fields in some engines; defined on the event, every reader sees them.
    for (const [name, value] of [
      ['keyCode', 13],
      ['which', 13],
      ['charCode', charCode],
    ] as const) {
      Object.defineProperty(event, name, { get: () => value });
    }
    el.dispatchEvent(event);
  }
}

/** Clicks a send control the way a pointer does: some pages act on mousedown or pointerup, most on click. */
function pressButton(button: HTMLElement): void {
  const view = button.ownerDocument.defaultView;
  if (view?.PointerEvent) {
    const init = { bubbles: true, cancelable: true, composed: true, button: 0, isPrimary: true, pointerType: 'mouse' };
    button.dispatchEvent(new view.PointerEvent('pointerdown', init));
    button.dispatchEvent(new view.MouseEvent('mousedown', init));
    button.dispatchEvent(new view.PointerEvent('pointerup', init));
    button.dispatchEvent(new view.MouseEvent('mouseup', init));
  }
  button.click();
}

/** Triggers the page's send: its button, or the key it sends with, on the composer. */
export function triggerSend(composer: HTMLElement, method: SendMethod, button: HTMLElement | null): void {
  if (method === 'button' && button) pressButton(button);
  else pressEnter(editableOf(composer), method === 'ctrl-enter');
}
