import type { IntentId } from '@/lib/intents/ids';
import type { OrderNode } from '@/lib/orders/types';

/**
 * How the conversation and the order settle what one message leaves open. Rules as data: the follow-up cues live in
 * each intent's file (lib/intents), the few cross-intent readings here.
 */

/**
 * Nudges that only mean “answer me”: alone they are no intent (LABELLING.md), after an unanswered question they repeat
 * it. Written against normalised text (`?` for any question mark, one space between clauses).
 */
const NUDGES = [
  '在吗',
  '在么',
  '在不在',
  '有人吗',
  '有人在吗',
  '人呢',
  '还在吗',
  '怎么不回',
  '怎么不回复',
  '怎么不说话',
  '回一下',
  '回复一下',
  '快点',
  '快回',
  '等着呢',
  '?',
];
const NUDGE = new RegExp(
  `^(?:亲|你好|喂|客服)? ?(?:${NUDGES.map((n) => n.replace('?', '\\?')).join('|')})(?:啊|呀|呢)?\\??$`,
);

/**
 * The message's own evidence for the earlier question's intent, as a share of that intent's threshold, from which a
 * short message is read as continuing it: half the evidence of a message asked alone, with the conversation for the
 * rest.
 */
const OWN_SHARE_TO_CONTINUE = 0.5;

function isNudge(normalized: string): boolean {
  return NUDGE.test(normalized);
}

/** Whether a message with no intent of its own continues the earlier question. */
export function continuesPending(normalized: string, followUpCueMatched: boolean, ownShare: number): boolean {
  return followUpCueMatched || isNudge(normalized) || ownShare >= OWN_SHARE_TO_CONTINUE;
}

/** Three or more ! or ? in a row, in any mix, in the raw text: “到底发不发！！！”. */
export const SHOUTING = /[!！?？]{3,}/;

interface OrderStateCorrection {
  from: IntentId;
  to: IntentId;
  nodes: readonly OrderNode[];
  why: string;
}

/**
 * A parcel that has not shipped cannot be tracked: “还没收到”, “什么时候到” about such an order chase the shipping
 * (LABELLING.md: a slow parcel is ship_urge until it has shipped).
 */
const ORDER_STATE_CORRECTIONS: readonly OrderStateCorrection[] = [
  { from: 'logistics', to: 'ship_urge', nodes: ['unpaid', 'awaiting_shipment', 'overdue'], why: '订单还没发货' },
];

export function orderStateCorrection(intent: IntentId, node: OrderNode): OrderStateCorrection | null {
  return ORDER_STATE_CORRECTIONS.find((c) => c.from === intent && c.nodes.includes(node)) ?? null;
}
