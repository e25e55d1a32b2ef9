import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type PopupStatus, SuggestionPopup } from '@/components/SuggestionPopup';
import { createFeedbackController, type IntentSolution } from '@/entrypoints/content/feedback';
import { showReloadNotice } from '@/entrypoints/content/reload-notice';
import type { ShopWatch } from '@/entrypoints/content/shop';
import type { WaitingController } from '@/entrypoints/content/waiting';
import { noteShown, noteUse } from '@/entrypoints/content/workflow';
import type { HostAdapter, ThreadMessage } from '@/lib/adapters/types';
import { watchThread } from '@/lib/adapters/watch';
import { popupStrings } from '@/lib/i18n/popup';
import { callBackground } from '@/lib/messages/background';
import type { ChatState, SuggestRequest } from '@/lib/messages/background-map';
import { CodedError } from '@/lib/messages/errors';
import { PREDICTION_CARD_TEXT, shouldSendPredictionCard } from '@/lib/orders/prediction-card';
import { type HealthSummary, orderNotice, summarizeHealth } from '@/lib/pages/health';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { ActionId, Solution, SuggestedAction, SuggestedReply } from '@/lib/solutions/types';

/** How many earlier buyer messages go with a message, for follow-ups like "还没发？". */
const HISTORY_MESSAGES = 5;
const GAP_ABOVE_COMPOSER = 8;
/** Real workbenches render their panels late; the page check waits this long after start. */
const HEALTH_CHECK_DELAY_MS = 2000;

/** Actions Huashu runs itself, whatever the page: sending text and copying. */
const GENERIC_ACTIONS: ActionId[] = ['send_logistics', 'copy_tracking_no'];

interface ConversationState {
  solution: Solution | null;
  collapsed: boolean;
  closed: boolean;
  status?: PopupStatus;
  chosenOrderId?: string;
  /** The request behind the current solution, re-sent when the order changes. */
  request?: SuggestRequest;
  /** Numbers each request, so a slow answer to an older message can't replace a newer one's. */
  sequence: number;
  /** The number of the request whose answer is shown. */
  shownSequence: number;
  /** The order prediction card goes out at most once per conversation. */
  predictionCardSent: boolean;
}

/**
 * Ties one host page to the popup: watches buyer messages through the adapter, asks the background
 * for a solution, and renders it above the composer of the conversation it belongs to.
 */
export function startAssistant(
  ctx: ContentScriptContext,
  adapter: HostAdapter,
  layer: HTMLElement,
  shop: ShopWatch,
  waiting?: WaitingController,
): void {
  const doc = document;
  let settings = shop.current()?.settings ?? DEFAULT_SETTINGS;
  let t = popupStrings(settings.language);
  const conversations = new Map<string, ConversationState>();
  const capabilities = [...(Object.keys(adapter.actions) as ActionId[]), ...GENERIC_ACTIONS];
  let frame = 0;
  let health: { summary: HealthSummary; orderNotice: string | null } | null = null;
  // 我要反馈: a form and draft per conversation (./feedback.tsx).
  const feedback = createFeedbackController({
    strings: () => t,
    language: () => settings.language,
    redraw: () => schedule(),
    sent: (conversationId, text) => {
      const sentFrom = conversations.get(conversationId);
      if (sentFrom) setStatus(sentFrom, { tone: 'info', text });
    },
  });

  function stateOf(conversationId: string): ConversationState {
    let state = conversations.get(conversationId);
    if (!state) {
      state = {
        solution: null,
        collapsed: false,
        closed: false,
        sequence: 0,
        shownSequence: 0,
        predictionCardSent: false,
      };
      conversations.set(conversationId, state);
    }
    return state;
  }

  function openState(): ConversationState | undefined {
    const id = adapter.currentConversationId(doc);
    return id ? conversations.get(id) : undefined;
  }

  /**
   * Asks the background for the solution to `request`. A new buyer message (`fresh`) reopens a closed
   * popup; a refresh after an edit or an order switch keeps the agent's collapse and close choices.
   */
  async function requestSolution(conversationId: string, request: SuggestRequest, fresh: boolean) {
    const state = stateOf(conversationId);
    const sequence = ++state.sequence;
    let solution: Solution | null;
    try {
      solution = await callBackground('suggest', request);
    } catch (error) {
      if (error instanceof CodedError && error.code === 'extensionReloaded') {
        // The old script can't reach the new background: no popup may offer dead buttons, and the agent is told why.
        console.warn(`[话术助手] ${t.extensionReloaded}`);
        conversations.clear();
        draw();
        showReloadNotice(t, adapter.composerArea(doc)?.getBoundingClientRect() ?? null);
        return;
      }
      console.warn(`[话术助手] ${t.backgroundError}:`, error);
      return;
    }
    // A message with no clear intent ("好的", "在吗") leaves the open question's suggestion in place, even when
    // that question's answer arrives after it; a late answer to an older question never replaces a newer one.
    if (!solution && fresh) return;
    if (sequence < state.shownSequence) return;
    Object.assign(state, { solution, request, status: undefined, shownSequence: sequence });
    if (fresh) Object.assign(state, { closed: false, collapsed: false });
    if (fresh && solution) noteShown(waiting, conversationId, solution);
    // Drawn at once rather than on the next frame: the suggestion should land with the message.
    draw();
  }

  function onBuyerMessage(conversationId: string, message: ThreadMessage, thread: ThreadMessage[]) {
    const state = stateOf(conversationId);
    if (message.orderId && message.kind !== 'text') {
      // The buyer confirmed or sent an order: the open suggestion follows that order.
      state.chosenOrderId = message.orderId;
      if (state.request)
        void requestSolution(conversationId, { ...state.request, chosenOrderId: message.orderId }, true);
      return;
    }
    const earlier = thread
      .slice(
        0,
        thread.findIndex((item) => item.id === message.id),
      )
      .filter((item) => item.from === 'buyer' && item.kind === 'text')
      .slice(-HISTORY_MESSAGES)
      .map((item) => item.text);
    const request: SuggestRequest = {
      conversationId,
      messageId: message.id,
      text: message.text,
      history: earlier,
      buyerName: adapter.buyerName(doc),
      orders: adapter.readOrders(doc),
      chosenOrderId: state.chosenOrderId,
      capabilities,
    };
    void requestSolution(conversationId, request, true).then(() => offerPredictionCard(conversationId, message.id));
  }

  /** On a first order question from a buyer with several orders, asks which order they mean. */
  async function offerPredictionCard(conversationId: string, messageId: string) {
    const state = stateOf(conversationId);
    const solution = state.solution;
    if (!solution?.intent || solution.messageId !== messageId || !adapter.actions.send_order_card) return;
    const send = shouldSendPredictionCard({
      intent: solution.intent,
      predictedOrderId: solution.order?.id,
      orders: state.request?.orders ?? [],
      enabled: settings.orderPredictionCard,
      alreadySettled: state.predictionCardSent || state.chosenOrderId !== undefined,
    });
    if (!send || !solution.order || adapter.currentConversationId(doc) !== conversationId) return;
    state.predictionCardSent = true;
    if (await deliver(PREDICTION_CARD_TEXT)) adapter.actions.send_order_card(doc, solution.order.id);
  }

  function setStatus(state: ConversationState, status: PopupStatus) {
    state.status = status;
    schedule();
  }

  function copyReply(text: string) {
    const state = openState();
    if (!state) return;
    const draft = adapter.readDraft(doc).trimEnd();
    const placed = adapter.setDraft(doc, draft ? `${draft} ${text}` : text);
    setStatus(state, placed ? { tone: 'info', text: t.copied } : { tone: 'error', text: t.noComposer });
    if (placed) noteUse('copied', state.solution);
  }

  /** Sends a text as the agent without losing what the agent was typing. */
  async function deliver(text: string): Promise<boolean> {
    const draft = adapter.readDraft(doc);
    if (!adapter.setDraft(doc, text)) return false;
    const sent = await adapter.send(doc);
    if (draft.trim()) adapter.setDraft(doc, draft);
    return sent;
  }

  async function sendText(text: string, fromAction = false) {
    const conversationId = adapter.currentConversationId(doc);
    const state = openState();
    if (!state) return;
    if (!adapter.composer(doc)) return setStatus(state, { tone: 'error', text: t.noComposer });
    setStatus(state, { tone: 'info', text: t.sending });
    const sent = await deliver(text);
    if (sent && conversationId) waiting?.replied(conversationId);
    if (sent && !fromAction) noteUse('sent', state.solution);
    setStatus(state, sent ? { tone: 'info', text: t.sent } : { tone: 'error', text: t.sendFailed });
    // A failed send often means the page changed under us: let the popup say which part is missing.
    if (!sent) checkHealth();
  }

  async function runAction(action: SuggestedAction) {
    const state = openState();
    if (!state || !action.enabled) return;
    noteUse('action', state.solution);
    if (action.id === 'send_logistics' && action.payload) return sendText(action.payload, true);
    if (action.id === 'copy_tracking_no' && action.payload) {
      await navigator.clipboard.writeText(action.payload).then(
        () => setStatus(state, { tone: 'info', text: t.trackingCopied }),
        () => setStatus(state, { tone: 'error', text: t.actionFailed }),
      );
      return;
    }
    const handler = adapter.actions[action.id];
    const done = Boolean(handler && action.orderId && handler(doc, action.orderId));
    setStatus(state, done ? { tone: 'info', text: t.actionDone } : { tone: 'error', text: t.actionFailed });
  }

  function pickOrder(orderId: string) {
    const conversationId = adapter.currentConversationId(doc);
    if (!conversationId) return;
    const state = stateOf(conversationId);
    state.chosenOrderId = orderId;
    if (state.request) void requestSolution(conversationId, { ...state.request, chosenOrderId: orderId }, false);
  }

  /** Checks which parts of the page the adapter finds, so the popup can say what is missing. */
  function checkHealth() {
    const result = adapter.health(doc);
    health = {
      summary: summarizeHealth(result, settings.language),
      orderNotice: orderNotice(result, settings.language),
    };
    if (!health.summary.ok) console.info(`[话术助手] ${health.summary.text}`);
    callBackground('reportHealth', { parts: result, language: settings.language }).catch(() => {});
    schedule();
  }

  function schedule() {
    if (frame) return;
    frame = ctx.requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  }

  function draw() {
    const state = openState();
    const solution = state && !state.closed ? state.solution : null;
    if (!state || !solution) {
      render(null, layer);
      layer.hidden = true;
      adapter.reserveThreadSpace(doc, 0);
      return;
    }
    render(
      <SuggestionPopup
        solution={solution}
        buyerText={state.request?.text ?? ''}
        pageNotice={health && !health.summary.ok ? health.summary.text : undefined}
        orderNotice={health?.orderNotice ?? undefined}
        t={t}
        collapsed={state.collapsed}
        status={state.status}
        onCopy={(reply: SuggestedReply) => copyReply(reply.text)}
        onSend={(reply: SuggestedReply) => void sendText(reply.text)}
        onAction={(action) => void runAction(action)}
        onPickOrder={pickOrder}
        onToggleCollapsed={() => {
          state.collapsed = !state.collapsed;
          schedule();
        }}
        urgent={waiting?.isMarked(solution.conversationId)}
        onClose={() => {
          noteUse('dismissed', solution);
          state.closed = true;
          schedule();
        }}
        onFeedback={
          isIntentSolution(solution)
            ? () => feedback.open(solution.conversationId, solution, state.request?.text ?? '')
            : undefined
        }
        feedback={feedback.view(solution.conversationId)}
      />,
      layer,
    );
    layer.hidden = false;
    place();
  }

  /** Keeps the popup just above the composer, as wide as it, and the thread's last message above the popup. */
  function place() {
    if (layer.hidden) return;
    const anchor = adapter.composerArea(doc);
    if (!anchor) {
      layer.hidden = true;
      return;
    }
    resizes.observe(anchor);
    const rect = anchor.getBoundingClientRect();
    layer.style.left = `${rect.left}px`;
    layer.style.width = `${rect.width}px`;
    layer.style.bottom = `${window.innerHeight - rect.top + GAP_ABOVE_COMPOSER}px`;
    adapter.reserveThreadSpace(doc, layer.offsetHeight + GAP_ABOVE_COMPOSER * 2);
  }

  /**
   * Keyboard-first: Alt+1..3 sends reply n, Alt+Shift+1..3 copies it, Alt+A runs the first action,
   * Esc collapses. Keys are read by physical position (event.code) because Alt and Shift change the
   * character; nothing fires while an IME composition is open, and the composer keeps focus.
   */
  function onKeyDown(event: KeyboardEvent) {
    // Only the agent's own keys: a key event the page's script made up must never send a reply.
    if (!event.isTrusted || event.isComposing || event.keyCode === 229) return;
    // Typing in Huashu's own fields (the feedback form) is text, not a shortcut.
    const origin = event.composedPath()[0];
    if (origin instanceof HTMLElement && layer.contains(origin) && origin.matches('textarea, input, select')) return;
    const state = openState();
    const solution = state && !state.closed && !state.collapsed ? state.solution : null;
    if (!state || !solution) return;
    if (event.key === 'Escape' && !event.altKey) {
      state.collapsed = true;
      schedule();
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = /^Digit([1-3])$/.exec(event.code);
    const reply = digit ? solution.replies[Number(digit[1]) - 1] : undefined;
    const action = event.code === 'KeyA' && !event.shiftKey ? solution.actions.find((item) => item.enabled) : undefined;
    if (!reply && !action) return;
    event.preventDefault();
    event.stopPropagation();
    if (reply && event.shiftKey) copyReply(reply.text);
    else if (reply) void sendText(reply.text);
    else if (action) void runAction(action);
  }

  /** The admin edited replies or settings: every open suggestion is asked for again, without a page reload. */
  function refreshAll(state: ChatState) {
    settings = state.settings;
    t = popupStrings(settings.language);
    // The admin may have fixed a selector (bound by index.tsx): let the popup say what the page check finds now.
    if (health) checkHealth();
    schedule();
    for (const [conversationId, state] of conversations) {
      if (state.request) void requestSolution(conversationId, state.request, false);
    }
  }

  shop.onChange(refreshAll);
  watchThread(
    doc,
    adapter,
    {
      onBuyerMessage,
      onConversationChange: () => {
        if (health) checkHealth();
        schedule();
      },
    },
    ctx.signal,
  );
  ctx.setTimeout(checkHealth, HEALTH_CHECK_DELAY_MS);
  ctx.addEventListener(document, 'keydown', onKeyDown, { capture: true });
  // A mark clears once the agent has replied: the popup loses its urgent colour.
  waiting?.onMarksChanged(schedule);
  ctx.addEventListener(window, 'resize', schedule);
  // Capture: the page's own scroll containers move the composer without scrolling the window.
  ctx.addEventListener(window, 'scroll', schedule, { capture: true, passive: true });
  const resizes = new ResizeObserver(schedule);
  ctx.onInvalidated(() => {
    resizes.disconnect();
    render(null, layer);
  });
}

/** A shop keyword rule's own suggestion has no built-in intent; feedback and stats concern intents. */
function isIntentSolution(solution: Solution): solution is IntentSolution {
  return solution.intent !== null;
}
