/**
 * Reading pages that give their data little markup: text by label, standalone numbers, layout.
 * Only adapters import this file.
 */

/** Text with runs of whitespace collapsed to one space, trimmed. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The squashed text of every element under `root` (itself included) that has no element children. */
export function leafTexts(root: Element): string[] {
  const leaves =
    root.children.length === 0 ? [root] : [...root.querySelectorAll('*')].filter((el) => el.children.length === 0);
  return leaves.map((el) => squash(el.textContent)).filter(Boolean);
}

/** The one distinct leaf text under `root` matching `pattern` fully; undefined when there is none or several. */
export function uniqueLeaf(root: Element, pattern: RegExp): string | undefined {
  const found = new Set(leafTexts(root).filter((text) => pattern.test(text)));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The value shown after a label, as in `<div>实付金额 <b>¥89.00</b></div>` or
 * `<div><span>付款时间</span><span>2026/11/20 10:02:11</span></div>`: of the elements whose text
 * starts with the label and goes on, the one with the least text; the rest after the label, with a
 * leading colon dropped. Undefined when the label is not shown or has no value.
 */
export function labelValue(root: Element, label: string): string | undefined {
  let best: string | undefined;
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const text = squash(el.textContent);
    if (!text.startsWith(label)) continue;
    const value = text
      .slice(label.length)
      .replace(/^\s*[:：]\s*/, '')
      .trim();
    if (!value) continue;
    if (best === undefined || value.length < best.length) best = value;
  }
  return best;
}

/** The deepest element containing every node, or null when they share none. */
export function commonAncestor(nodes: readonly Node[]): Element | null {
  const [first, ...rest] = nodes;
  let candidate: Element | null = first ? (first instanceof Element ? first : first.parentElement) : null;
  while (candidate && !rest.every((node) => candidate?.contains(node))) candidate = candidate.parentElement;
  return candidate;
}

/**
 * The nearest ancestor (or the element itself) set to scroll vertically, or null. Whether it
 * overflows yet does not matter: a short thread still needs room below its last message.
 */
export function scrollableAncestor(el: Element | null): HTMLElement | null {
  const view = el?.ownerDocument.defaultView;
  for (let node = el; node && view; node = node.parentElement) {
    if (!(node instanceof view.HTMLElement)) continue;
    const overflow = view.getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return null;
}

/**
 * Adds bottom padding to a scroll container, keeping it pinned to the bottom if it was. Nothing is read while
 * the container already has that padding (the popup kept its height): new messages cost no layout here.
 */
export function padScroller(scroller: HTMLElement | null, px: number): void {
  if (!scroller) return;
  const padding = px > 0 ? `${px}px` : '';
  if (scroller.style.paddingBottom === padding) return;
  const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 24;
  scroller.style.paddingBottom = padding;
  // Past the end: the browser stops at the bottom, and nothing is read back after the write.
  if (atBottom) scroller.scrollTop = Number.MAX_SAFE_INTEGER;
}

/** A date-time as pages show it (2026/11/20 10:02:11, 2026-11-20 10:02) as ISO 8601 without offset, or undefined. */
export function isoFromShown(text: string | undefined): string | undefined {
  const match = text?.match(/^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '00'] = match;
  const pad = (value: string) => value.padStart(2, '0');
  const iso = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${minute}:${second}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}
