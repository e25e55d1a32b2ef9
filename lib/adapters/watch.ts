import { ThreadReader } from '@/lib/adapters/thread-reader';
import type { HostAdapter, ThreadMessage } from '@/lib/adapters/types';

/** How many earlier buyer messages go with a message, for follow-ups like "还没发？". */
const HISTORY_MESSAGES = 5;
/**
 * How many of the unanswered buyer messages already on screen are read when their conversation first opens: the
 * latest question is among the last few, and each costs one classification.
 */
const UNANSWERED_ON_OPEN = 3;

export interface WatchHandlers {
  /**
   * A buyer message to answer, never twice: one that arrived while Huashu was watching (`arrivedLive`), or one
   * of the last unanswered buyer messages a conversation shows when it first opens (the buyer was already
   * waiting). Answered history is never reported. `history` holds the texts of up to 5 buyer messages before it,
   * oldest first; `orderSettled`, whether the thread before it already holds an order card or a confirmation.
   */
  onBuyerMessage(
    conversationId: string,
    message: ThreadMessage,
    history: string[],
    orderSettled: boolean,
    arrivedLive: boolean,
  ): void;
  /** The agent opened another conversation (or the first one appeared). */
  onConversationChange(conversationId: string): void;
  /** The agent's own message appeared in the open conversation. */
  onAgentMessage?(conversationId: string, message: ThreadMessage): void;
}

/**
 * Watches the host page's open thread through any adapter. A message counts as new only if its id
 * was not on screen before and it arrived after Huashu started: when the agent returns to a
 * conversation, what came in meanwhile is new; a conversation opened for the first time is
 * history unless the page dates a message after start-up. Only the buyer's last messages that no agent
 * message follows are read from that history: that buyer is still waiting for an answer.
 *
 * The visible thread is read once when a conversation opens; after that only the messages a page change
 * touched are read (./thread-reader.ts).
 */
export function watchThread(
  doc: Document,
  adapter: HostAdapter,
  handlers: WatchHandlers,
  signal: AbortSignal,
  startedAt = Date.now(),
): void {
  const seen = new Map<string, Set<string>>();
  const reader = new ThreadReader(doc, adapter);
  let openConversation: string | null = null;
  let observedRoot: Element | null = null;

  const threadObserver = new MutationObserver(onThreadChange);
  // The thread root itself may be replaced by the page; the body observer re-attaches to the new one.
  const rootObserver = new MutationObserver(onPageChange);
  signal.addEventListener(
    'abort',
    () => {
      threadObserver.disconnect();
      rootObserver.disconnect();
    },
    { once: true },
  );

  function attach() {
    const root = adapter.threadRoot(doc);
    if (root === observedRoot) return;
    observedRoot = root;
    threadObserver.disconnect();
    if (!root) return;
    threadObserver.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-conv-id'],
    });
    // A new root may show another conversation, or the same one drawn anew: read what it shows once.
    openConversation = null;
    onThreadChange([]);
  }

  /**
   * Changes outside the observed thread matter only when the thread root went away, or when messages show
   * outside it (a page that draws its first message after Huashu found only the composer).
   */
  function onPageChange(records: MutationRecord[]) {
    if (signal.aborted) return;
    if (observedRoot?.isConnected && !records.some(addsMessagesOutsideRoot)) return;
    attach();
  }

  function addsMessagesOutsideRoot(record: MutationRecord): boolean {
    // Most page changes only swap text (a list's timers redrawn every second): those are settled without a lookup.
    let selector: string | undefined;
    const added = record.addedNodes;
    for (let i = 0; i < added.length; i++) {
      const node = added[i];
      if (!(node instanceof Element)) continue;
      if (observedRoot?.contains(record.target)) return false;
      selector ??= adapter.messageSelector();
      if (node.matches(selector) || node.querySelector(selector)) return true;
    }
    return false;
  }

  function onThreadChange(records: MutationRecord[]) {
    if (signal.aborted) return;
    const conversationId = adapter.currentConversationId(doc);
    if (!conversationId) return;
    if (conversationId !== openConversation) {
      openConversation = conversationId;
      opened(conversationId);
      return;
    }
    const known = seen.get(conversationId) ?? new Set<string>();
    seen.set(conversationId, known);
    report(
      conversationId,
      reader.readChanges(records).filter((message) => !known.has(message.id) && !predates(message)),
      known,
    );
  }

  /** A conversation opened: its visible thread is read once. */
  function opened(conversationId: string) {
    const thread = reader.readVisible();
    const known = seen.get(conversationId);
    const history = known ?? new Set<string>();
    const fresh: ThreadMessage[] = [];
    for (const message of thread) {
      if (history.has(message.id)) continue;
      // First time in this conversation: only what the page dates after start-up is new.
      const isNew = known ? !predates(message) : message.time !== undefined && message.time >= startedAt;
      if (isNew) fresh.push(message);
      else history.add(message.id);
    }
    seen.set(conversationId, history);
    handlers.onConversationChange(conversationId);
    if (!known) reportWaiting(conversationId, thread, new Set(fresh.map((message) => message.id)));
    report(conversationId, fresh, history);
  }

  /**
   * The buyer messages at the end of a thread opened for the first time that no agent message answers yet, and
   * that were on screen before Huashu started: the buyer waits, and gets a suggestion like a new message would.
   */
  function reportWaiting(conversationId: string, thread: readonly ThreadMessage[], fresh: ReadonlySet<string>) {
    const waiting: ThreadMessage[] = [];
    for (let index = thread.length - 1; index >= 0 && waiting.length < UNANSWERED_ON_OPEN; index--) {
      const message = thread[index];
      if (message.from === 'agent') break;
      if (message.from === 'buyer' && !fresh.has(message.id)) waiting.unshift(message);
    }
    for (const message of waiting) reportBuyer(conversationId, message, false);
  }

  /** A message the page dates before Huashu started is history, wherever it shows up. */
  function predates(message: ThreadMessage): boolean {
    return message.time !== undefined && message.time < startedAt;
  }

  function report(conversationId: string, fresh: ThreadMessage[], known: Set<string>) {
    for (const message of fresh) {
      known.add(message.id);
      if (message.from === 'buyer') reportBuyer(conversationId, message, true);
      else if (message.from === 'agent') handlers.onAgentMessage?.(conversationId, message);
    }
  }

  function reportBuyer(conversationId: string, message: ThreadMessage, arrivedLive: boolean) {
    handlers.onBuyerMessage(
      conversationId,
      message,
      reader.earlierBuyerTexts(message.id, HISTORY_MESSAGES),
      reader.settlesAnOrderBefore(message.id),
      arrivedLive,
    );
  }

  rootObserver.observe(doc.body, { childList: true, subtree: true });
  attach();
}
