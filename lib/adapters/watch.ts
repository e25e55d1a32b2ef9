import type { HostAdapter, ThreadMessage } from '@/lib/adapters/types';

export interface WatchHandlers {
  /** A buyer message that arrived while Huashu was watching; never history, never twice. */
  onBuyerMessage(conversationId: string, message: ThreadMessage, thread: ThreadMessage[]): void;
  /** The agent opened another conversation (or the first one appeared). */
  onConversationChange(conversationId: string): void;
  /** The agent's own message appeared in the open conversation. */
  onAgentMessage?(conversationId: string, message: ThreadMessage): void;
}

/**
 * Watches the host page's open thread through any adapter. A message counts as new only if its id
 * was not on screen before and it arrived after Huashu started: when the agent returns to a
 * conversation, what came in meanwhile is new; a conversation opened for the first time is
 * history unless the page dates a message after start-up.
 */
export function watchThread(
  doc: Document,
  adapter: HostAdapter,
  handlers: WatchHandlers,
  signal: AbortSignal,
  startedAt = Date.now(),
): void {
  const seen = new Map<string, Set<string>>();
  let openConversation: string | null = null;
  let observedRoot: Element | null = null;

  const threadObserver = new MutationObserver(scan);
  // The thread root itself may be replaced by the page; the body observer re-attaches to the new one.
  const rootObserver = new MutationObserver(attach);
  signal.addEventListener('abort', () => {
    threadObserver.disconnect();
    rootObserver.disconnect();
  });

  function attach() {
    const root = adapter.threadRoot(doc);
    if (root === observedRoot) return;
    observedRoot = root;
    threadObserver.disconnect();
    if (root) {
      threadObserver.observe(root, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['data-conv-id'],
      });
      scan();
    }
  }

  function scan() {
    if (signal.aborted) return;
    const conversationId = adapter.currentConversationId(doc);
    if (!conversationId) return;
    const thread = adapter.readThread(doc);
    const known = seen.get(conversationId);
    const switched = conversationId !== openConversation;
    openConversation = conversationId;
    if (!known) {
      const history = new Set<string>();
      const fresh: ThreadMessage[] = [];
      for (const message of thread) {
        if (message.time !== undefined && message.time >= startedAt) fresh.push(message);
        else history.add(message.id);
      }
      seen.set(conversationId, history);
      if (switched) handlers.onConversationChange(conversationId);
      report(conversationId, thread, fresh, history);
      return;
    }
    if (switched) handlers.onConversationChange(conversationId);
    report(
      conversationId,
      thread,
      thread.filter((message) => !known.has(message.id)),
      known,
    );
  }

  function report(conversationId: string, thread: ThreadMessage[], fresh: ThreadMessage[], known: Set<string>) {
    for (const message of fresh) {
      known.add(message.id);
      if (message.from === 'buyer') handlers.onBuyerMessage(conversationId, message, thread);
      else if (message.from === 'agent') handlers.onAgentMessage?.(conversationId, message);
    }
  }

  rootObserver.observe(doc.body, { childList: true, subtree: true });
  attach();
}
