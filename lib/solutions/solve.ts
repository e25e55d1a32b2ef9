import { solutionStrings } from '@/lib/i18n/solution';
import type { IntentId } from '@/lib/intents/ids';
import { INTENT_LABELS } from '@/lib/intents/labels';
import type { Language } from '@/lib/language';
import { orderNode } from '@/lib/orders/node';
import { predictOrder } from '@/lib/orders/predict';
import type { Order } from '@/lib/orders/types';
import { buildAction } from '@/lib/solutions/actions';
import { catalogueEntry } from '@/lib/solutions/catalogue';
import type { CatalogueSituation } from '@/lib/solutions/catalogue/types';
import type { SolutionSettings } from '@/lib/solutions/defaults';
import { type RenderContext, type ReplyTemplate, renderReplies, renderTemplate } from '@/lib/solutions/render';
import type { ActionId, Solution } from '@/lib/solutions/types';

export interface SolveInput {
  conversationId: string;
  messageId: string;
  buyerName?: string;
  classification: {
    intent: IntentId;
    confidence: number;
    matched: string[];
    second?: IntentId | null;
    urgent?: boolean;
  };
  orders: Order[];
  text: string;
  history: string[];
  /** The buyer confirmed, or the agent picked, this order. */
  chosenOrderId?: string;
  now: Date;
  /** UI language of labels and notices; replies stay Chinese because they go to the buyer. */
  lang: Language;
  /** What the host page's adapter can do. */
  capabilities: ActionId[];
  settings: SolutionSettings;
  /**
   * The replies of a catalogue situation as the shop has them (edits, own replies, its order); the catalogue as
   * shipped when absent. Solve picks the situation, so it asks for the templates of that one only.
   */
  templates?: (situation: CatalogueSituation) => readonly ReplyTemplate[];
  /** Replies that follow the intent's own, in the popup's last places: the shop's matching keyword rule. */
  trailing?: readonly ReplyTemplate[];
}

/** The popup never shows more than this many replies for one message. */
export const MAX_REPLIES = 3;

/** Everything the popup shows for one buyer message: which order, which replies, which actions, which notices. */
export function solve(input: SolveInput): Solution {
  const { intent, confidence, matched, second } = input.classification;
  const picked = pickOrder(input);
  const order = picked?.order ?? null;
  const node = order ? orderNode(order, input.now) : null;
  const { situation, entry } = catalogueEntry(intent, order !== null, node);
  const context: RenderContext = {
    order,
    buyerName: input.buyerName,
    now: input.now,
    settings: input.settings,
  };

  const rendered = renderReplies(input.templates?.(situation) ?? entry.replies, context, input.lang);
  const trailing = renderReplies(input.trailing ?? [], context, input.lang);
  const notices =
    entry.notices?.flatMap((notice) => {
      const result = renderTemplate(notice[input.lang], context, input.lang, input.lang);
      return result.ok ? [result.text] : [];
    }) ?? [];
  // Without a node the replies are general ones, so the agent should look at the order first.
  if (order && !node) notices.unshift(solutionStrings(input.lang).unknownStatus(order.status?.trim()));

  return {
    conversationId: input.conversationId,
    messageId: input.messageId,
    intent,
    intentLabel: INTENT_LABELS[intent][input.lang],
    confidence,
    why: [...matched, ...(picked?.reasons ?? [])],
    order,
    node,
    otherOrders: input.orders.filter((other) => other !== order),
    replies: [...rendered.replies.slice(0, MAX_REPLIES - trailing.replies.length), ...trailing.replies],
    actions: entry.actions.map((id) => buildAction(id, context, input.capabilities, input.lang)),
    notices,
    omitted: [...rendered.omitted, ...trailing.omitted],
    second: second ? { intent: second, label: INTENT_LABELS[second][input.lang] } : null,
    urgent: input.classification.urgent ?? false,
  };
}

/** The order the buyer confirmed or the agent picked, if it is one of the buyer's; else the best prediction. */
function pickOrder(input: SolveInput): { order: Order; reasons: string[] } | null {
  const chosen = input.orders.find((order) => order.id === input.chosenOrderId);
  if (chosen) return { order: chosen, reasons: [solutionStrings(input.lang).chosenOrder] };
  const [best] = predictOrder({
    intent: input.classification.intent,
    text: input.text,
    history: input.history,
    orders: input.orders,
    now: input.now,
    lang: input.lang,
  });
  const order = best && input.orders.find((candidate) => candidate.id === best.orderId);
  return order ? { order, reasons: best.reasons } : null;
}
