/**
 * Reads the open thread incrementally: the whole visible thread once when a conversation opens, then only the
 * message elements that page changes touched. What was read is kept in thread order, keyed by message id, so a
 * new message costs the same in a 50-message thread as in a 5,000-message one.
 */
import type { HostAdapter, ThreadMessage } from '@/lib/adapters/types';

interface Read {
  el: HTMLElement;
  message: ThreadMessage;
}

export class ThreadReader {
  /** The messages read in the open conversation, in thread order. */
  private reads: Read[] = [];
  /** Position in `reads` of each message id. */
  private positions = new Map<string, number>();

  constructor(
    private readonly doc: Document,
    private readonly adapter: HostAdapter,
  ) {}

  /** Reads every message on screen, forgetting the previous conversation's: the agent opened another one. */
  readVisible(): ThreadMessage[] {
    this.reads = [];
    this.positions.clear();
    for (const el of this.doc.querySelectorAll<HTMLElement>(this.adapter.messageSelector())) {
      const message = this.adapter.readMessage(el);
      if (message && !this.positions.has(message.id)) this.append({ el, message });
    }
    return this.reads.map((read) => read.message);
  }

  /**
   * Reads the message elements `records` added or changed, each once, and returns those messages in thread
   * order. Elements the records don't touch are not read again.
   */
  readChanges(records: readonly MutationRecord[]): ThreadMessage[] {
    const selector = this.adapter.messageSelector();
    const touched = new Set<HTMLElement>();
    for (const record of records) {
      const inside = closestElement(record.target)?.closest<HTMLElement>(selector);
      if (inside) touched.add(inside);
      if (record.type !== 'childList') continue;
      for (const node of record.addedNodes) {
        if (!isElement(node)) continue;
        // An added message, or a block of them (a page that renders several at once).
        if (node.matches(selector)) touched.add(node as HTMLElement);
        for (const el of node.querySelectorAll<HTMLElement>(selector)) touched.add(el);
      }
    }
    const changed: Read[] = [];
    for (const el of touched) {
      if (!el.isConnected) continue;
      const message = this.adapter.readMessage(el);
      if (message) changed.push(this.keep({ el, message }));
    }
    return changed.sort((a, b) => this.positionOf(a) - this.positionOf(b)).map((read) => read.message);
  }

  /** The texts of up to `count` buyer text messages before `messageId`, oldest first, from what was read. */
  earlierBuyerTexts(messageId: string, count: number): string[] {
    const texts: string[] = [];
    const position = this.positions.get(messageId) ?? this.reads.length;
    for (let index = position - 1; index >= 0 && texts.length < count; index--) {
      const { message } = this.reads[index];
      if (message.from === 'buyer' && message.kind === 'text') texts.push(message.text);
    }
    return texts.reverse();
  }

  /**
   * Whether the thread read so far holds, before `messageId`, an order card or a buyer's confirmation: then the
   * buyer has already said which order they mean, and asking again with a card would only annoy them.
   */
  settlesAnOrderBefore(messageId: string): boolean {
    const position = this.positions.get(messageId) ?? this.reads.length;
    for (let index = position - 1; index >= 0; index--) {
      if (this.reads[index].message.kind !== 'text') return true;
    }
    return false;
  }

  private positionOf(read: Read): number {
    return this.positions.get(read.message.id) ?? -1;
  }

  /** Keeps a read, replacing the one with its id, else placing it by its element's place in the page. */
  private keep(read: Read): Read {
    const known = this.positions.get(read.message.id);
    if (known !== undefined) {
      this.reads[known] = read;
      return read;
    }
    const last = this.reads.at(-1);
    if (!last || follows(read.el, last.el)) {
      this.append(read);
      return read;
    }
    // Rare: a message placed above the newest one (older history loaded at the top).
    let index = this.reads.length - 1;
    while (index >= 0 && !follows(read.el, this.reads[index].el)) index--;
    this.reads.splice(index + 1, 0, read);
    this.positions = new Map(this.reads.map((item, position) => [item.message.id, position]));
    return read;
  }

  private append(read: Read) {
    this.positions.set(read.message.id, this.reads.length);
    this.reads.push(read);
  }
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function closestElement(node: Node): Element | null {
  return isElement(node) ? node : node.parentElement;
}

/** Whether `el` comes after `other` in the page; an element no longer in the page counts as before. */
function follows(el: Element, other: Element): boolean {
  if (!other.isConnected) return true;
  // Asked from `el`'s side: browsers walk back from it through its earlier siblings, so a message appended right
  // after the newest one is placed in one step (asked the other way, the walk passes every message in the thread).
  return Boolean(el.compareDocumentPosition(other) & 2 /* Node.DOCUMENT_POSITION_PRECEDING */);
}
