import type { IntentId } from '@/lib/intents/ids';
import type { Order, OrderNode } from '@/lib/orders/types';

/** What the popup shows for one buyer message: plain data, produced by the background. */
export interface Solution {
  conversationId: string;
  messageId: string;
  /** null when only one of the shop's own keyword rules matched: no built-in intent is claimed. */
  intent: IntentId | null;
  /** Short label, e.g. "什么时候发货". */
  intentLabel: string;
  confidence: number;
  /** The phrases or rules that matched ("为什么推荐"). */
  why: string[];
  /** The order the answer concerns, if the buyer has one. */
  order: Order | null;
  node: OrderNode | null;
  /** The buyer's other orders, so the agent can switch. */
  otherOrders: Order[];
  replies: SuggestedReply[];
  actions: SuggestedAction[];
  /** Notices for the agent only (never sent to the buyer), e.g. the late-shipment rule. */
  notices: string[];
  /** Replies left out because a variable had no value, with the reason shown to the agent. */
  omitted: { replyId: string; reason: string }[];
  /** A second request in the same message (“还有一个问题：开发票”), with its label in the UI language. */
  second: { intent: IntentId; label: string } | null;
  /** The buyer is upset or escalating: the popup turns red and the conversation jumps the waiting list. */
  urgent: boolean;
}

export interface SuggestedReply {
  id: string;
  text: string;
  source: 'official' | 'shop';
}

export const ACTION_IDS = [
  'send_order_card',
  'send_logistics',
  'copy_tracking_no',
  'open_order',
  'send_prediction_card',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

export interface SuggestedAction {
  id: ActionId;
  label: string;
  /** The order the action applies to. */
  orderId?: string;
  /** Text the action sends or copies, already filled. */
  payload?: string;
  enabled: boolean;
  /** Why it is disabled. */
  disabledReason?: string;
}
