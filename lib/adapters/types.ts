import type { InsertMode } from '@/lib/adapters/editor-input';
import type { Order } from '@/lib/orders/types';
import type { PageDefinition, PageOverride } from '@/lib/pages/definition';
import type { AdapterHealth } from '@/lib/pages/health';
import type { ActionId } from '@/lib/solutions/types';

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

/** One row of the page's conversation list. */
export interface ConversationSummary {
  /** The page's id for the conversation when the row carries one, else the buyer's name. */
  id: string;
  name: string;
  /** The buyer is waiting for a reply (the page groups or times the row as such). */
  waiting: boolean;
  /** Unread messages the row's badge shows; 0 when it shows none. */
  unread: number;
  /**
   * How long the buyer has waited, in seconds, when the row shows it (since the buyer's oldest
   * unanswered message). Absent when the page shows no time; Huashu then counts from when it saw the row waiting.
   */
  waitingSeconds?: number;
  /**
   * The last message as the row previews it (the page's own text, squashed): Huashu reads a waiting buyer's mood from
   * it without opening the conversation. Absent when the row shows none, or marks that message as the shop's.
   */
  preview?: string;
}

/**
 * Everything Huashu does on one host page, read through its page definition (lib/adapters/generic.ts creates one
 * from any definition). Only adapters touch host DOM; every function takes
 * the document, so tests run an adapter against a saved HTML fixture. Nothing here throws into the
 * host page: a part that is missing reads as null, [], '' or false (defineAdapter guarantees it).
 */
export interface HostAdapter {
  id: string;
  /** Match patterns of the pages this adapter serves. */
  matches: readonly string[];
  /** The page definition in force: the built-in one with the bound override merged over it. */
  definition(): PageDefinition;
  /** Merges a shop's override over the built-in definition, replacing the one bound before; undefined unbinds. */
  bind(override?: PageOverride): void;
  /** The override bound now, as given to bind; undefined when the built-in definition is in force. */
  bound(): PageOverride | undefined;
  /**
   * Whether `doc` is this adapter's page, from its DOM alone. Only consulted on the local demo host,
   * where the URL cannot tell a saved 飞鸽 page from the demo workbench.
   */
  detect(doc: Document): boolean;
  /** The element whose subtree holds the open thread; observed for new messages. */
  threadRoot(doc: Document): Element | null;
  currentConversationId(doc: Document): string | null;
  buyerName(doc: Document): string | undefined;
  readThread(doc: Document): ThreadMessage[];
  /**
   * The CSS selector of a message element (every variant), read at call time so bound overrides apply: the
   * watcher finds the messages a page change touched without reading the whole thread again.
   */
  messageSelector(): string;
  /** One message element as Huashu reads it; null when it is not a message Huashu reads. */
  readMessage(el: HTMLElement): ThreadMessage | null;
  readOrders(doc: Document): Order[];
  composer(doc: Document): HTMLElement | null;
  /** The block holding the composer and its toolbar; the popup sits right above it. */
  composerArea(doc: Document): HTMLElement | null;
  /** The composer's text, so sending a reply can keep the agent's draft. */
  readDraft(doc: Document): string;
  /**
   * Puts text into the composer through the insertion ladder (lib/adapters/editor-input.ts): replace leaves exactly
   * `text` (the default), append puts it after the agent's draft. Resolves true once the composer reads exactly that.
   */
  setDraft(doc: Document, text: string, mode?: InsertMode): Promise<boolean>;
  /** Sends what is in the composer; resolves true only once the agent's message shows in the thread. */
  send(doc: Document): Promise<boolean>;
  /** Makes room at the bottom of the thread so an overlay never hides the last message. */
  reserveThreadSpace(doc: Document, px: number): void;
  /** The conversation list as the page shows it; [] when the list is not found. */
  conversations(doc: Document): ConversationSummary[];
  /** The element holding every conversation row, observed for changes of the list; null when no row shows. */
  conversationList(doc: Document): Element | null;
  /**
   * Whether a batch of changes inside the conversation list only moved shown waiting times on (the page redrawing its
   * timers), which changes nothing `conversations` reports but the seconds: the slow-reply watcher then reads no row.
   */
  onlyWaitTimersTicked(records: readonly MutationRecord[]): boolean;
  /**
   * The only attributes whose change can change what `conversations` reports, so the page's redrawn timer
   * attributes are never even reported; null when any attribute may matter.
   */
  conversationAttributes: readonly string[] | null;
  /** Opens a conversation of the list by its ConversationSummary id, like a click on its row; false when not found. */
  openConversation(doc: Document, id: string): boolean;
  /** Which parts of the page the adapter finds right now. Never throws; see AdapterHealth. */
  health(doc: Document): AdapterHealth;
  /** Actions this page supports, with their host-side handlers. */
  actions: Partial<Record<ActionId, (doc: Document, orderId: string) => boolean>>;
}
