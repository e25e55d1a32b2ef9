import type { IntentId } from '@/lib/intents/ids';
import { INTENT_METAS } from '@/lib/intents/metas';
import type { Order } from '@/lib/orders/types';

/** Questions about a specific order (`needsOrder` in each intent's file); a price or size question needs none. */
export const ORDER_INTENTS: ReadonlySet<IntentId> = new Set(
  INTENT_METAS.filter((meta) => meta.needsOrder).map((meta) => meta.id),
);

export const PREDICTION_CARD_TEXT = '亲，请问您咨询的是这个订单吗？';

export interface PredictionCardInput {
  intent: IntentId;
  /** The order the solution predicted. */
  predictedOrderId: string | undefined;
  orders: Order[];
  /** The shop's setting (default on). */
  enabled: boolean;
  /** A card was already sent in this conversation, or the buyer already named an order. */
  alreadySettled: boolean;
}

/**
 * Whether to send the order prediction card. It is only worth the buyer's tap when there is a
 * choice: with a single order that order is meant, so nothing is sent.
 */
export function shouldSendPredictionCard(input: PredictionCardInput): boolean {
  return (
    input.enabled &&
    !input.alreadySettled &&
    ORDER_INTENTS.has(input.intent) &&
    input.orders.length > 1 &&
    input.predictedOrderId !== undefined &&
    input.orders.some((order) => order.id === input.predictedOrderId)
  );
}
