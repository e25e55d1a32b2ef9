import { classify } from '@/lib/engine/classify';
import type { Classification } from '@/lib/engine/types';
import { solutionStrings } from '@/lib/i18n/solution';
import type { IntentId } from '@/lib/intents/ids';
import type { SuggestRequest } from '@/lib/messages/background-map';
import { orderNode } from '@/lib/orders/node';
import type { Order } from '@/lib/orders/types';
import { type RenderContext, type ReplyTemplate, renderReplies } from '@/lib/solutions/render';
import { solve } from '@/lib/solutions/solve';
import type { Solution } from '@/lib/solutions/types';
import { effectiveSettings, effectiveSlot, intentState, matchingRule } from '@/lib/store/overlay';
import { EMPTY_SNAPSHOT, type KeywordRule, type ShopSnapshot } from '@/lib/store/types';

interface SuggestServiceOptions {
  now: () => Date;
  /** The shop's in-memory snapshot (lib/store); without one, the catalogue as shipped. */
  shop?: () => ShopSnapshot;
}

/**
 * Turns one buyer message into the solution the popup shows, or null when no intent is clear enough
 * or the shop turned the intent off. Pure: the shop's edits come in as a snapshot, never from IndexedDB.
 */
export function createSuggestService({ now, shop = () => EMPTY_SNAPSHOT }: SuggestServiceOptions) {
  return {
    suggest(request: SuggestRequest): Solution | null {
      const snapshot = shop();
      const current = effectiveSettings(snapshot);
      const at = now();
      // The state of the order the buyer means, when it is known, tells 发货 from 物流 questions apart.
      const known = knownOrder(request);
      const classification = classify(request.text, request.history, {
        orderNode: known ? orderNode(known, at) : null,
      });
      const intent = shownIntent(classification, snapshot);
      if (!intent) return ruleOnly(request, snapshot, current, at);
      // The shop's keyword rule that also matches follows the built-in replies, in the popup's last place.
      const rule = matchingRule(snapshot, request.text);
      const solution = solve({
        conversationId: request.conversationId,
        messageId: request.messageId,
        buyerName: request.buyerName,
        classification: {
          intent,
          confidence: classification.confidence,
          matched: [...classification.urgency, ...classification.matched],
          second: classification.second?.id,
          urgent: classification.urgent,
        },
        orders: request.orders,
        text: request.text,
        history: request.history,
        chosenOrderId: request.chosenOrderId,
        now: at,
        lang: current.language,
        capabilities: request.capabilities,
        settings: { lateShipCompensationYuan: current.lateShipCompensationYuan },
        templates: (situation) =>
          effectiveSlot(snapshot, intent, situation).map((reply) => ({
            id: reply.id,
            text: reply.text,
            source: reply.origin === 'official' ? 'official' : 'shop',
          })),
        trailing: rule ? [ruleTemplate(rule)] : [],
      });
      return rule
        ? { ...solution, why: [...solution.why, solutionStrings(current.language).ruleReason(rule.keywords)] }
        : solution;
    },

    /**
     * Whether a buyer's message, read on its own (a conversation list's preview), would make the popup urgent: the
     * same judgement as `suggest`, without an order or earlier messages to read it with.
     */
    isUrgent(text: string): boolean {
      const classification = classify(text);
      return classification.urgent && shownIntent(classification, shop()) !== null;
    },
  };
}

/**
 * The intent the popup shows for a classification, or null when there is none or the shop turned it off. An upset
 * buyer gets the escalation replies even when no request is clear enough on its own.
 */
function shownIntent(classification: Classification, snapshot: ShopSnapshot): IntentId | null {
  const intent = classification.intent ?? (classification.urgent ? 'escalation' : null);
  return intent && intentState(snapshot, intent).enabled ? intent : null;
}

function ruleTemplate(rule: KeywordRule): ReplyTemplate {
  return { id: `rule:${rule.id}`, text: rule.reply, source: 'shop' };
}

/**
 * A message no enabled built-in intent claims, but one of the shop's keyword rules does: the shop's own
 * reply is still worth offering. It concerns the order the buyer confirmed, or their only order.
 */
function ruleOnly(
  request: SuggestRequest,
  snapshot: ShopSnapshot,
  current: ReturnType<typeof effectiveSettings>,
  at: Date,
): Solution | null {
  const rule = matchingRule(snapshot, request.text);
  if (!rule) return null;
  const order = knownOrder(request);
  const context: RenderContext = {
    order,
    buyerName: request.buyerName,
    now: at,
    settings: { lateShipCompensationYuan: current.lateShipCompensationYuan },
  };
  const rendered = renderReplies([ruleTemplate(rule)], context, current.language);
  if (rendered.replies.length === 0) return null;
  return {
    conversationId: request.conversationId,
    messageId: request.messageId,
    intent: null,
    // What the popup calls a suggestion that only a shop keyword rule made.
    intentLabel: solutionStrings(current.language).ruleOnlyLabel,
    confidence: 1,
    why: [solutionStrings(current.language).ruleReason(rule.keywords)],
    order,
    node: order ? orderNode(order, at) : null,
    otherOrders: request.orders.filter((other) => other !== order),
    replies: rendered.replies,
    actions: [],
    notices: [],
    omitted: rendered.omitted,
    second: null,
    urgent: false,
  };
}

/** The order the buyer confirmed or the agent picked, or the buyer's only order; null when it is a guess. */
function knownOrder(request: SuggestRequest): Order | null {
  return (
    request.orders.find((candidate) => candidate.id === request.chosenOrderId) ??
    (request.orders.length === 1 ? request.orders[0] : null)
  );
}
