import { commonAncestor } from '@/lib/adapters/page-text';
import type { HostAdapter } from '@/lib/adapters/types';
import { parseWaitText } from '@/lib/waiting/duration';

/** The element holding every conversation row (and the groups they sit in), or null without rows. */
export function rowsContainer(rows: readonly Element[]): Element | null {
  if (rows.length === 0) return null;
  return rows.length === 1 ? rows[0].parentElement : commonAncestor(rows);
}

/**
 * Whether a batch of page changes only moved shown waiting times on ("等待 3分05秒" → "等待 3分06秒", "3分钟" →
 * "4分钟"): every change swapped text only, and each changed text read as a wait before and after, not shorter. A
 * wait that shrank started again (the agent answered, the buyer wrote again), so that batch matters. A page may
 * swap a text in one record or in two (removed, then added), so the texts are put together per changed node.
 */
export function onlyWaitTextsTicked(records: readonly MutationRecord[]): boolean {
  const changes = new Map<Node, { before: string; after: string }>();
  for (const record of records) {
    const change = changes.get(record.target) ?? { before: '', after: '' };
    if (record.type === 'characterData') {
      if (record.oldValue === null) return false;
      // Several edits of one text node: from the first old text to what it holds now.
      if (!changes.has(record.target)) change.before = record.oldValue;
      change.after = record.target.textContent ?? '';
    } else if (record.type === 'childList') {
      const removed = textOf(record.removedNodes);
      const added = textOf(record.addedNodes);
      if (removed === null || added === null) return false;
      change.before += removed;
      change.after += added;
    } else return false;
    changes.set(record.target, change);
  }
  for (const { before, after } of changes.values()) {
    const waitedBefore = parseWaitText(before);
    const waitedAfter = parseWaitText(after);
    if (waitedBefore === undefined || waitedAfter === undefined || waitedAfter < waitedBefore) return false;
  }
  return true;
}

/** The text of a list of text nodes; null when it holds anything but text. */
function textOf(nodes: NodeList): string | null {
  let text = '';
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i].nodeType !== Node.TEXT_NODE) return null;
    text += nodes[i].textContent ?? '';
  }
  return text;
}

/**
 * Calls `onChange` after a change of the page's conversation list that can change what `adapter.conversations`
 * reads: rows added, removed or moved, a row's name, unread badge or waiting state. A waiting timer counting up
 * (the page redraws every waiting row each second) is no such change, so an idle page with many waiting buyers
 * costs nothing here. Everything stops when `signal` aborts.
 */
export function watchConversations(
  doc: Document,
  adapter: HostAdapter,
  onChange: () => void,
  signal: AbortSignal,
): void {
  let observedList: Element | null = null;
  const listObserver = new MutationObserver(onListChange);
  // The list itself may be replaced or appear late; the body observer finds the new one.
  const pageObserver = new MutationObserver(onPageChange);
  signal.addEventListener(
    'abort',
    () => {
      listObserver.disconnect();
      pageObserver.disconnect();
    },
    { once: true },
  );

  /** Observes the list the page shows now; true when that is another element than before. */
  function attach(): boolean {
    const list = adapter.conversationList(doc);
    if (list === observedList) return false;
    observedList = list;
    listObserver.disconnect();
    const attributes = adapter.conversationAttributes;
    if (list)
      listObserver.observe(list, {
        childList: true,
        subtree: true,
        characterData: true,
        characterDataOldValue: true,
        ...(attributes ? { attributeFilter: [...attributes] } : { attributes: true }),
      });
    return true;
  }

  function onListChange(records: MutationRecord[]) {
    if (signal.aborted || adapter.onlyWaitTimersTicked(records)) return;
    // Rows may have moved into a group outside the observed element: look for the list again.
    attach();
    onChange();
  }

  function onPageChange() {
    if (signal.aborted || observedList?.isConnected) return;
    // Without a list (not drawn yet, or just replaced) any page change may be its first rows.
    attach();
    onChange();
  }

  pageObserver.observe(doc.body, { childList: true, subtree: true });
  attach();
}
