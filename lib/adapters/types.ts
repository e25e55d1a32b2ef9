import type { Order } from '../orders/types';
import type { ActionId } from '../solutions/types';

export type MessageSender = 'buyer' | 'agent' | 'system';
export type MessageKind = 'text' | 'order-card' | 'order-confirm';

/** One message of the open thread, as the page shows it. */
export interface ThreadMessage {
  id: string;
  from: MessageSender;
  kind: MessageKind;
  text: string;
  orderId?: string;
  /** When the page shows it, as epoch ms; lets the watcher tell new messages from history. */
  time?: number;
}

/**
 * Everything Huashu knows about one host page. Only adapters touch host DOM; every function takes
 * the document, so tests run an adapter against a saved HTML fixture.
 */
export interface HostAdapter {
  id: string;
  /** Match patterns of the pages this adapter serves. */
  matches: readonly string[];
  /** The element whose subtree holds the open thread; observed for new messages. */
  threadRoot(doc: Document): Element | null;
  currentConversationId(doc: Document): string | null;
  buyerName(doc: Document): string | undefined;
  readThread(doc: Document): ThreadMessage[];
  readOrders(doc: Document): Order[];
  composer(doc: Document): HTMLElement | null;
  /** The block holding the composer and its toolbar; the popup sits right above it. */
  composerArea(doc: Document): HTMLElement | null;
  /** The composer's text, so sending a reply can keep the agent's draft. */
  readDraft(doc: Document): string;
  /** Replaces the composer's content, firing the input events the page's own state listens to. */
  setDraft(doc: Document, text: string): boolean;
  /** Sends what is in the composer; resolves true only once the agent's message shows in the thread. */
  send(doc: Document): Promise<boolean>;
  /** Makes room at the bottom of the thread so an overlay never hides the last message. */
  reserveThreadSpace(doc: Document, px: number): void;
  /** Actions this page supports, with their host-side handlers. */
  actions: Partial<Record<ActionId, (doc: Document, orderId: string) => boolean>>;
}
