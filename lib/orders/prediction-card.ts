import type { IntentId } from '@/lib/intents/ids';
import { INTENT_METAS } from '@/lib/intents/metas';
import { orderNode } from '@/lib/orders/node';
import type { Order, OrderNode } from '@/lib/orders/types';
import type { PredictionCardMode } from '@/lib/settings';
import type { SuggestedAction } from '@/lib/solutions/types';

/** Questions about a specific order (`needsOrder` in each intent's file); a price or size question needs none. */
export const ORDER_INTENTS: ReadonlySet<IntentId> = new Set(
  INTENT_METAS.filter((meta) => meta.needsOrder).map((meta) => meta.id),
);

export const PREDICTION_CARD_TEXT = '亲，请问您咨询的是这个订单吗？';

/** The seed's rule: the card answers a buyer's first 催发货, not every order question. */
const PREDICTION_CARD_INTENT: IntentId = 'ship_urge';
/**
 * The card goes to the buyer without the agent, so only a sure reading sends it; below this a wrong guess
 * ("不用退款了", "屏幕有裂痕") would put a card in front of a buyer who asked something else.
 */
const PREDICTION_CARD_MIN_CONFIDENCE = 0.9;
const CARD_NODES: ReadonlySet<OrderNode> = new Set(
  INTENT_METAS.filter((meta) => meta.id === PREDICTION_CARD_INTENT).flatMap((meta) => [
    ...meta.nodeFit.best,
    ...meta.nodeFit.also,
  ]),
);

export interface PredictionCardInput {
  intent: IntentId;
  /** The engine's confidence in `intent`. */
  confidence: number;
  /** The order the solution predicted. */
  predictedOrderId: string | undefined;
  orders: Order[];
  now: Date;
  /** The shop's setting. */
  mode: PredictionCardMode;
  /**
   * The buyer wrote while Huashu watched. A message already on screen when Huashu started may have been dealt
   * with elsewhere (another device, a colleague) or waited for hours: sending to that buyer with nobody at the
   * keyboard deciding it would surprise both, and a page reload would make Huashu send on old messages. Such a
   * message gets the button instead, even in the automatic mode.
   */
  arrivedLive: boolean;
  /**
   * The buyer already named an order in this conversation: a card was sent, the buyer sent or confirmed one,
   * or the thread on screen already holds an order card or a confirmation.
   */
  alreadySettled: boolean;
}

/** Huashu sends the card itself (`send`), offers the agent a button that sends it (`offer`), or neither (null). */
export type PredictionCardDecision = 'send' | 'offer' | null;

/**
 * What to do with the order prediction card. It is only worth the buyer's tap when there is a choice
 * among the orders a 催发货 can be about (not yet shipped): with one such order that order is meant.
 */
export function predictionCardDecision(input: PredictionCardInput): PredictionCardDecision {
  if (input.mode === 'off' || !cardFits(input)) return null;
  return input.mode === 'auto' && input.arrivedLive ? 'send' : 'offer';
}

function cardFits(input: PredictionCardInput): boolean {
  const couldBeMeant = input.orders.filter((order) => {
    const node = orderNode(order, input.now);
    return node !== null && CARD_NODES.has(node);
  });
  return (
    !input.alreadySettled &&
    input.intent === PREDICTION_CARD_INTENT &&
    input.confidence >= PREDICTION_CARD_MIN_CONFIDENCE &&
    couldBeMeant.length > 1 &&
    couldBeMeant.some((order) => order.id === input.predictedOrderId)
  );
}

/**
 * The 先问客服 button: the card's question and the predicted order's card, as an action the popup shows like any
 * other. `label` is the popup's words for it.
 */
export function predictionCardAction(orderId: string, label: string): SuggestedAction {
  return { id: 'send_prediction_card', label, orderId, enabled: true, payload: PREDICTION_CARD_TEXT };
}
