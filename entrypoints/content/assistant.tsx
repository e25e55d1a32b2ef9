import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type PopupStatus, SuggestionPopup } from '@/components/SuggestionPopup';
import { createFeedbackController, type IntentSolution } from '@/entrypoints/content/feedback';
import { shortcutFor } from '@/entrypoints/content/keyboard';
import { createPlacement } from '@/entrypoints/content/placement';
import { showReloadNotice } from '@/entrypoints/content/reload-notice';
import type { ShopWatch } from '@/entrypoints/content/shop';
import { createTimers } from '@/entrypoints/content/timers';
import type { WaitingController } from '@/entrypoints/content/waiting';
import { noteShown, noteUse } from '@/entrypoints/content/workflow';
import type { HostAdapter, ThreadMessage } from '@/lib/adapters/types';
import { watchThread } from '@/lib/adapters/watch';
import {
  type AssistantEvent,
  type AssistantState,
  type Conversation,
  conversationOf,
  INITIAL_STATE,
  mayAutoSend,
  reduce,
  visible,
} from '@/lib/conversation/reducer';
import { popupStrings } from '@/lib/i18n/popup';
import { callBackground } from '@/lib/messages/background';
import type { ChatState, SuggestRequest } from '@/lib/messages/background-map';
import { CodedError } from '@/lib/messages/errors';
import { PREDICTION_CARD_TEXT, shouldSendPredictionCard } from '@/lib/orders/prediction-card';
import { type HealthSummary, orderNotice, summarizeHealth } from '@/lib/pages/health';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { ActionId, Solution, SuggestedAction, SuggestedReply } from '@/lib/solutions/types';

/** Real workbenches render their panels late; the page check waits this long after start. */
const HEALTH_CHECK_DELAY_MS = 2000;

/** Actions Huashu runs itself, whatever the page: sending text and copying. */
const GENERIC_ACTIONS: ActionId[] = ['send_logistics', 'copy_tracking_no'];

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
  let state: AssistantState = INITIAL_STATE;
  const capabilities = [...(Object.keys(adapter.actions) as ActionId[]), ...GENERIC_ACTIONS];
  const timers = createTimers(ctx.signal, () => ctx.isValid);
  /** Redraws before the next paint, once however often it is asked. */
  const schedule = timers.perFrame(() => draw());
  const placement = createPlacement({
    layer,
    anchor: () => adapter.composerArea(doc),
    reserve: (px) => adapter.reserveThreadSpace(doc, px),
    timers,
    signal: ctx.signal,
  });
  let health: { summary: HealthSummary; orderNotice: string | null } | null = null;
  // 我要反馈: a form and draft per conversation (./feedback.tsx).
  const feedback = createFeedbackController({
    strings: () => t,
    language: () => settings.language,
    redraw: () => schedule(),
    sent: (conversationId, text) => setStatus(conversationId, { tone: 'info', text }),
  });

  function dispatch(event: AssistantEvent) {
    state = reduce(state, event);
  }

  /** The conversation on screen and Huashu's state for it, when the page shows one. */
  function onScreen(): { conversationId: string; conversation: Conversation } | null {
    const conversationId = adapter.currentConversationId(doc);
    if (!conversationId) return null;
    dispatch({ type: 'opened', conversationId });
    return { conversationId, conversation: conversationOf(state, conversationId) };
  }

  /**
   * Asks the background for the solution to `request`. A new buyer message (`fresh`) reopens a closed
   * popup; a refresh after an edit or an order switch keeps the agent's collapse and close choices.
   */
  async function requestSolution(conversationId: string, request: SuggestRequest, fresh: boolean) {
    dispatch({ type: 'asked', conversationId });
    const sequence = conversationOf(state, conversationId).asked;
    let solution: Solution | null;
    try {
      solution = await callBackground('suggest', request);
    } catch (error) {
      if (error instanceof CodedError && error.code === 'extensionReloaded') {
        // The old script can't reach the new background: no popup may offer dead buttons, and the agent is told why.
        console.warn(`[话术助手] ${t.extensionReloaded}`);
        dispatch({ type: 'reset' });
        draw();
        showReloadNotice(t, adapter.composerArea(doc)?.getBoundingClientRect() ?? null);
        return;
      }
      // The worker stayed down after callBackground's one retry: an open popup says this message went unread.
      console.warn(`[话术助手] ${t.backgroundError}:`, error);
      setStatus(conversationId, { tone: 'error', text: t.backgroundError });
      return;
    }
    const before = conversationOf(state, conversationId);
    dispatch({ type: 'answered', conversationId, sequence, request, solution, fresh });
    const after = conversationOf(state, conversationId);
    if (after === before) return;
    if (fresh && solution) noteShown(waiting, conversationId, solution);
    // Drawn at once rather than on the next frame: the suggestion should land with the message.
    draw();
  }

  function onBuyerMessage(conversationId: string, message: ThreadMessage, history: string[], orderSettled: boolean) {
    if (message.orderId && message.kind !== 'text') {
      // The buyer confirmed or sent an order: the open suggestion follows that order.
      dispatch({ type: 'orderChosen', conversationId, orderId: message.orderId });
      const shown = conversationOf(state, conversationId).request;
      if (shown) void requestSolution(conversationId, { ...shown, chosenOrderId: message.orderId }, true);
      return;
    }
    const request: SuggestRequest = {
      conversationId,
      messageId: message.id,
      text: message.text,
      history,
      buyerName: adapter.buyerName(doc),
      orders: adapter.readOrders(doc),
      chosenOrderId: conversationOf(state, conversationId).chosenOrderId,
      capabilities,
    };
    void requestSolution(conversationId, request, true).then(() =>
      offerPredictionCard(conversationId, message.id, orderSettled),
    );
  }

  /** On a buyer's first 催发货 with several orders not yet shipped, asks which order they mean. */
  async function offerPredictionCard(conversationId: string, messageId: string, orderSettled: boolean) {
    const conversation = conversationOf(state, conversationId);
    const solution = conversation.solution;
    if (!solution?.intent || !solution.order || !adapter.actions.send_order_card) return;
    const send = shouldSendPredictionCard({
      intent: solution.intent,
      confidence: solution.confidence,
      predictedOrderId: solution.order.id,
      orders: conversation.request?.orders ?? [],
      now: new Date(),
      enabled: settings.orderPredictionCard,
      alreadySettled: orderSettled || conversation.chosenOrderId !== undefined,
    });
    if (!send || adapter.currentConversationId(doc) !== conversationId) return;
    if (!mayAutoSend(state, conversationId, messageId)) return;
    // Counted before sending: a second answer arriving meanwhile finds the conversation's automatic sends used.
    dispatch({ type: 'autoSent', conversationId });
    if ((await deliver(PREDICTION_CARD_TEXT)) !== 'sent') return;
    if (adapter.actions.send_order_card(doc, solution.order.id))
      setStatus(conversationId, { tone: 'info', text: t.predictionCardSent });
  }

  function setStatus(conversationId: string, status: PopupStatus) {
    dispatch({ type: 'noted', conversationId, status });
    schedule();
  }

  async function copyReply(text: string) {
    const open = onScreen();
    if (!open) return;
    if (!adapter.composer(doc)) return setStatus(open.conversationId, { tone: 'error', text: t.noComposer });
    // After the agent's draft, as 复制 always did; the adapter checks the editor took exactly that.
    const placed = await adapter.setDraft(doc, text, 'append');
    setStatus(open.conversationId, placed ? { tone: 'info', text: t.copied } : { tone: 'error', text: t.insertFailed });
    if (placed) noteUse('copied', open.conversation.solution);
  }

  /**
   * Sends a text as the agent without losing what the agent was typing. unconfirmed: the page showed no new message
   * with that text, so the reply is left in the composer (after the agent's draft) for the agent to check and send.
   */
  async function deliver(text: string): Promise<'sent' | 'notPlaced' | 'unconfirmed'> {
    const draft = adapter.readDraft(doc);
    if (!(await adapter.setDraft(doc, text))) return 'notPlaced';
    if (await adapter.send(doc)) {
      if (draft.trim()) await adapter.setDraft(doc, draft);
      return 'sent';
    }
    // The page did not take the text (it is still there): the agent's draft goes back in front of it.
    if (draft.trim() && adapter.readDraft(doc) === text.trim()) {
      if (await adapter.setDraft(doc, draft)) await adapter.setDraft(doc, text, 'append');
    }
    return 'unconfirmed';
  }

  async function sendText(text: string, fromAction = false) {
    const open = onScreen();
    if (!open) return;
    const { conversationId, conversation } = open;
    if (!adapter.composer(doc)) return setStatus(conversationId, { tone: 'error', text: t.noComposer });
    setStatus(conversationId, { tone: 'info', text: t.sending });
    const delivery = await deliver(text);
    const sent = delivery === 'sent';
    if (sent) waiting?.replied(conversationId);
    if (sent && !fromAction) noteUse('sent', conversation.solution);
    const failure = delivery === 'notPlaced' ? t.insertFailed : t.sendUnconfirmed;
    setStatus(conversationId, sent ? { tone: 'info', text: t.sent } : { tone: 'error', text: failure });
    // A failed send often means the page changed under us: let the popup say which part is missing.
    if (!sent) checkHealth();
  }

  async function runAction(action: SuggestedAction) {
    const open = onScreen();
    if (!open || !action.enabled) return;
    const { conversationId } = open;
    noteUse('action', open.conversation.solution);
    if (action.id === 'send_logistics' && action.payload) return sendText(action.payload, true);
    if (action.id === 'copy_tracking_no' && action.payload) {
      await navigator.clipboard.writeText(action.payload).then(
        () => setStatus(conversationId, { tone: 'info', text: t.trackingCopied }),
        () => setStatus(conversationId, { tone: 'error', text: t.actionFailed }),
      );
      return;
    }
    const handler = adapter.actions[action.id];
    const done = Boolean(handler && action.orderId && handler(doc, action.orderId));
    setStatus(conversationId, done ? { tone: 'info', text: t.actionDone } : { tone: 'error', text: t.actionFailed });
  }

  function pickOrder(orderId: string) {
    const conversationId = adapter.currentConversationId(doc);
    if (!conversationId) return;
    dispatch({ type: 'orderChosen', conversationId, orderId });
    const shown = conversationOf(state, conversationId).request;
    if (shown) void requestSolution(conversationId, { ...shown, chosenOrderId: orderId }, false);
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

  function draw() {
    const shown = onScreen() ? visible(state) : null;
    if (!shown) {
      render(null, layer);
      layer.hidden = true;
      placement.drawn();
      return;
    }
    const { conversationId, conversation, solution } = shown;
    render(
      <SuggestionPopup
        solution={solution}
        buyerText={conversation.request?.text ?? ''}
        pageNotice={health && !health.summary.ok ? health.summary.text : undefined}
        orderNotice={health?.orderNotice ?? undefined}
        t={t}
        collapsed={conversation.collapsed}
        status={conversation.status}
        onCopy={(reply: SuggestedReply) => void copyReply(reply.text)}
        onSend={(reply: SuggestedReply) => void sendText(reply.text)}
        onAction={(action) => void runAction(action)}
        onPickOrder={pickOrder}
        onToggleCollapsed={() => {
          dispatch({ type: 'collapsed', conversationId, collapsed: !conversation.collapsed });
          schedule();
        }}
        urgent={waiting?.isMarked(solution.conversationId)}
        onClose={() => {
          noteUse('dismissed', solution);
          dispatch({ type: 'closed', conversationId });
          schedule();
        }}
        onFeedback={
          isIntentSolution(solution)
            ? () => feedback.open(solution.conversationId, solution, conversation.request?.text ?? '')
            : undefined
        }
        feedback={feedback.view(solution.conversationId)}
      />,
      layer,
    );
    layer.hidden = false;
    placement.drawn();
  }

  /** The popup's shortcuts (./keyboard.ts); the composer keeps focus. */
  function onKeyDown(event: KeyboardEvent) {
    // Typing in Huashu's own fields (the feedback form) is text, not a shortcut.
    const origin = event.composedPath()[0];
    if (origin instanceof HTMLElement && layer.contains(origin) && origin.matches('textarea, input, select')) return;
    const shown = onScreen() ? visible(state) : null;
    if (!shown || shown.conversation.collapsed) return;
    const { solution } = shown;
    const action = solution.actions.find((item) => item.enabled);
    const shortcut = shortcutFor(event, solution.replies.length, action !== undefined);
    if (!shortcut) return;
    if (shortcut.kind === 'collapse') {
      dispatch({ type: 'collapsed', conversationId: shown.conversationId, collapsed: true });
      schedule();
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (shortcut.kind === 'copy') void copyReply(solution.replies[shortcut.reply].text);
    else if (shortcut.kind === 'send') void sendText(solution.replies[shortcut.reply].text);
    else if (action) void runAction(action);
  }

  /** The admin edited replies or settings: every open suggestion is asked for again, without a page reload. */
  function refreshAll(chat: ChatState) {
    settings = chat.settings;
    t = popupStrings(settings.language);
    // The admin may have fixed a selector (bound by index.tsx): let the popup say what the page check finds now.
    if (health) checkHealth();
    schedule();
    for (const [conversationId, conversation] of Object.entries(state.conversations)) {
      if (conversation.request) void requestSolution(conversationId, conversation.request, false);
    }
  }

  shop.onChange(refreshAll);
  watchThread(
    doc,
    adapter,
    {
      onBuyerMessage,
      onAgentMessage: (conversationId) => dispatch({ type: 'agentReplied', conversationId }),
      onConversationChange: (conversationId) => {
        dispatch({ type: 'opened', conversationId });
        if (health) checkHealth();
        placement.threadChanged();
        schedule();
      },
    },
    ctx.signal,
  );
  timers.timeout(checkHealth, HEALTH_CHECK_DELAY_MS);
  ctx.addEventListener(document, 'keydown', onKeyDown, { capture: true });
  // A mark clears once the agent has replied: the popup loses its urgent colour.
  waiting?.onMarksChanged(schedule);
  ctx.addEventListener(window, 'resize', placement.request);
  // Capture: the page's own scroll containers move the composer without scrolling the window.
  ctx.addEventListener(window, 'scroll', (event) => placement.scrolled(event.target), { capture: true, passive: true });
  ctx.onInvalidated(() => render(null, layer));
}

/** A shop keyword rule's own suggestion has no built-in intent; feedback and stats concern intents. */
function isIntentSolution(solution: Solution): solution is IntentSolution {
  return solution.intent !== null;
}
