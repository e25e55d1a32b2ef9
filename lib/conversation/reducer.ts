/**
 * What the popup shows in each conversation, as a pure reducer: the content script feeds it what happened
 * (a buyer asked, an answer came back, the agent switched conversations or replied) and draws what it returns.
 * Answers come back out of order under bursts, so every rule about which answer wins lives here, tested alone.
 */
import type { SuggestRequest } from '@/lib/messages/background-map';
import type { Solution } from '@/lib/solutions/types';

/**
 * Automatic sends (the order prediction card: a short question and the card) per conversation. A page
 * script can forge buyer message elements; however many it forges, Huashu sends on its own at most this often.
 */
export const MAX_AUTO_SENDS_PER_CONVERSATION = 1;

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
  /** How many automatic sends Huashu made here. */
  autoSends: number;
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
  /** The agent's own message showed in the thread. */
  | { type: 'agentReplied'; conversationId: string }
  | { type: 'orderChosen'; conversationId: string; orderId: string }
  | { type: 'autoSent'; conversationId: string }
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
  autoSends: 0,
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
    case 'agentReplied':
      return update(state, event.conversationId, { repliedThrough: conversation.asked });
    case 'orderChosen':
      return update(state, event.conversationId, { chosenOrderId: event.orderId });
    case 'autoSent':
      return update(state, event.conversationId, { autoSends: conversation.autoSends + 1 });
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

/** What the popup draws: the open conversation's suggestion, unless the agent closed it. */
export function visible(
  state: AssistantState,
): { conversationId: string; conversation: Conversation; solution: Solution } | null {
  if (!state.open) return null;
  const conversation = conversationOf(state, state.open);
  const { solution } = conversation;
  return solution && !conversation.closed ? { conversationId: state.open, conversation, solution } : null;
}

/**
 * Whether Huashu may send on its own in `conversationId` now, for the answer to `messageId`: the conversation
 * is on screen, that answer is the one shown, the agent hasn't replied since the question, and the
 * conversation's automatic sends are not used up.
 */
export function mayAutoSend(state: AssistantState, conversationId: string, messageId: string): boolean {
  const conversation = conversationOf(state, conversationId);
  return (
    state.open === conversationId &&
    conversation.solution?.messageId === messageId &&
    conversation.shown > conversation.repliedThrough &&
    conversation.autoSends < MAX_AUTO_SENDS_PER_CONVERSATION
  );
}
