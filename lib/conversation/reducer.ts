/**
 * What the popup shows in each conversation, as a pure reducer: the content script feeds it what happened
 * (a buyer asked, an answer came back, the agent switched conversations or replied) and draws what it returns.
 * Answers come back out of order under bursts, so every rule about which answer wins lives here, tested alone.
 */
import type { ThreadMessage } from '@/lib/adapters/types';
import type { SuggestRequest } from '@/lib/messages/background-map';
import type { Solution } from '@/lib/solutions/types';

/**
 * Order prediction cards (a short question and the card) per conversation, whether Huashu sent it or the agent
 * through the popup's button. A page script can forge buyer message elements; however many it forges, no buyer
 * gets the card more often than this.
 */
export const MAX_CARDS_PER_CONVERSATION = 1;

/** An agent-side message as the thread shows it, enough to tell Huashu's automatic sends from the agent's. */
export type SentMessage = Pick<ThreadMessage, 'kind' | 'text' | 'orderId'>;

interface PopupNote {
  tone: 'info' | 'error';
  text: string;
}

export interface Conversation {
  /** The answer shown, or null before the first clear question. */
  solution: Solution | null;
  /** The request behind `solution`, asked again when the order or the shop's replies change. */
  request?: SuggestRequest;
  /** The order the buyer confirmed or the agent picked; later questions concern it. */
  chosenOrderId?: string;
  collapsed: boolean;
  closed: boolean;
  status?: PopupNote;
  /** Numbers the requests in the order they were asked; the next request gets `asked + 1`. */
  asked: number;
  /** The number of the request whose answer is shown (0: none yet). */
  shown: number;
  /** Requests up to this number were asked before the agent's latest own reply. */
  repliedThrough: number;
  /** How many prediction cards went out here (MAX_CARDS_PER_CONVERSATION). */
  cardsSent: number;
  /** The popup's button that sends the prediction card, offered with the answer to `messageId` (先问客服). */
  cardOffer?: { messageId: string; orderId: string };
  /**
   * Messages Huashu sent by itself that the thread has not shown yet. When they show they are not the agent's
   * reply: the buyer still waits for a person.
   */
  automatic: readonly SentMessage[];
}

export interface AssistantState {
  /** The conversation on screen, or null before the page shows one. */
  open: string | null;
  conversations: Readonly<Record<string, Conversation>>;
}

export type AssistantEvent =
  /** The page shows another conversation (or its first). */
  | { type: 'opened'; conversationId: string }
  /** Huashu asks the background about a request; its number is the conversation's `asked` afterwards. */
  | { type: 'asked'; conversationId: string }
  /**
   * The answer to request `sequence`. `fresh` when it answers a new buyer message (the popup reopens), not
   * when it refreshes the shown suggestion after an edit or an order switch (the agent's choices stay).
   */
  | {
      type: 'answered';
      conversationId: string;
      sequence: number;
      request: SuggestRequest;
      solution: Solution | null;
      fresh: boolean;
    }
  /** An agent-side message showed in the thread: the agent's reply, unless it is one of Huashu's automatic sends. */
  | { type: 'agentReplied'; conversationId: string; message: SentMessage }
  | { type: 'orderChosen'; conversationId: string; orderId: string }
  /** The answer to `messageId` offers the agent the prediction card's button. */
  | { type: 'cardOffered'; conversationId: string; messageId: string; orderId: string }
  /** A prediction card goes out, sent by Huashu itself or by the agent through the button. */
  | { type: 'cardSent'; conversationId: string }
  /** Huashu is about to send `message` by itself: when the thread shows it, it is not the agent's reply. */
  | { type: 'sendingAutomatically'; conversationId: string; message: SentMessage }
  | { type: 'noted'; conversationId: string; status: PopupNote }
  | { type: 'collapsed'; conversationId: string; collapsed: boolean }
  | { type: 'closed'; conversationId: string }
  /** The extension was reloaded under the page: nothing shown may offer dead buttons. */
  | { type: 'reset' };

export const INITIAL_STATE: AssistantState = { open: null, conversations: {} };

const EMPTY_CONVERSATION: Conversation = {
  solution: null,
  collapsed: false,
  closed: false,
  asked: 0,
  shown: 0,
  repliedThrough: 0,
  cardsSent: 0,
  automatic: [],
};

export function conversationOf(state: AssistantState, conversationId: string): Conversation {
  return state.conversations[conversationId] ?? EMPTY_CONVERSATION;
}

function update(state: AssistantState, conversationId: string, change: Partial<Conversation>): AssistantState {
  const current = conversationOf(state, conversationId);
  return { ...state, conversations: { ...state.conversations, [conversationId]: { ...current, ...change } } };
}

export function reduce(state: AssistantState, event: AssistantEvent): AssistantState {
  if (event.type === 'reset') return { open: state.open, conversations: {} };
  if (event.type === 'opened')
    return state.open === event.conversationId ? state : { ...state, open: event.conversationId };
  const conversation = conversationOf(state, event.conversationId);
  switch (event.type) {
    case 'asked':
      return update(state, event.conversationId, { asked: conversation.asked + 1 });
    case 'answered':
      return answered(state, conversation, event);
    case 'agentReplied': {
      const own = automaticIndex(conversation, event.message);
      if (own < 0) return update(state, event.conversationId, { repliedThrough: conversation.asked });
      return update(state, event.conversationId, {
        automatic: conversation.automatic.filter((_, index) => index !== own),
      });
    }
    case 'orderChosen':
      // The order is settled: a card asking which one it is would only annoy the buyer.
      return update(state, event.conversationId, { chosenOrderId: event.orderId, cardOffer: undefined });
    case 'cardOffered':
      return update(state, event.conversationId, {
        cardOffer: { messageId: event.messageId, orderId: event.orderId },
      });
    case 'cardSent':
      return update(state, event.conversationId, { cardsSent: conversation.cardsSent + 1, cardOffer: undefined });
    case 'sendingAutomatically':
      return update(state, event.conversationId, { automatic: [...conversation.automatic, event.message] });
    case 'noted':
      return update(state, event.conversationId, { status: event.status });
    case 'collapsed':
      return update(state, event.conversationId, { collapsed: event.collapsed });
    case 'closed':
      return update(state, event.conversationId, { closed: true });
  }
}

function answered(
  state: AssistantState,
  conversation: Conversation,
  event: Extract<AssistantEvent, { type: 'answered' }>,
): AssistantState {
  // A message with no clear intent ("好的", "在吗") leaves the open question's suggestion in place, whether that
  // question's answer came before or comes after it.
  if (!event.solution && event.fresh) return state;
  // A late answer to an older request never replaces a newer one's.
  if (event.sequence < conversation.shown) return state;
  // A question the agent already answered by hand doesn't pop the suggestion back up.
  const reopen = event.fresh && event.sequence > conversation.repliedThrough;
  return update(state, event.conversationId, {
    solution: event.solution,
    request: event.request,
    status: undefined,
    shown: event.sequence,
    ...(reopen ? { closed: false, collapsed: false } : {}),
  });
}

/** Where `message` is among the conversation's automatic sends not shown yet; -1 when it is the agent's own. */
function automaticIndex(conversation: Conversation, message: SentMessage): number {
  return conversation.automatic.findIndex((sent) =>
    sent.kind === 'text'
      ? message.kind === 'text' && message.text.trim() === sent.text
      : message.kind === sent.kind && message.orderId === sent.orderId,
  );
}

/** Whether `message`, just shown in the thread, is one Huashu sent by itself rather than the agent's reply. */
export function isAutomatic(state: AssistantState, conversationId: string, message: SentMessage): boolean {
  return automaticIndex(conversationOf(state, conversationId), message) >= 0;
}

/**
 * What the popup draws: the open conversation's suggestion, unless the agent closed it, and the prediction
 * card's button when it was offered with this answer and no card went out since.
 */
export function visible(state: AssistantState): {
  conversationId: string;
  conversation: Conversation;
  solution: Solution;
  cardOffer: { orderId: string } | null;
} | null {
  if (!state.open) return null;
  const conversation = conversationOf(state, state.open);
  const { solution, cardOffer } = conversation;
  if (!solution || conversation.closed) return null;
  const offered = cardOffer?.messageId === solution.messageId && mayCard(conversation) ? cardOffer : null;
  return { conversationId: state.open, conversation, solution, cardOffer: offered };
}

function mayCard(conversation: Conversation): boolean {
  return conversation.cardsSent < MAX_CARDS_PER_CONVERSATION;
}

/**
 * Whether the prediction card may go out in `conversationId` now, for the answer to `messageId`: the conversation
 * is on screen, that answer is the one shown, the agent hasn't replied since the question, and no card went out
 * here yet.
 */
export function mayAutoSend(state: AssistantState, conversationId: string, messageId: string): boolean {
  const conversation = conversationOf(state, conversationId);
  return (
    state.open === conversationId &&
    conversation.solution?.messageId === messageId &&
    conversation.shown > conversation.repliedThrough &&
    mayCard(conversation)
  );
}
