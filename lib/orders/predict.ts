import { type SolutionStrings, solutionStrings } from '@/lib/i18n/solution';
import type { IntentId } from '@/lib/intents/ids';
import { INTENT_METAS } from '@/lib/intents/metas';
import type { Language } from '@/lib/language';
import { orderNode, parseShopTime } from '@/lib/orders/node';
import type { Order, OrderNode } from '@/lib/orders/types';

export interface PredictInput {
  intent: IntentId;
  /** The buyer's current message. */
  text: string;
  /** Earlier messages of the conversation, oldest first. */
  history: string[];
  orders: Order[];
  now: Date;
  /** UI language of the reasons; 'zh' unless told. */
  lang?: Language;
}

export interface OrderPrediction {
  orderId: string;
  score: number;
  /** Why this order, shown to the agent ("为什么推荐"). */
  reasons: string[];
}

/**
 * Weights: an order number the buyer typed is near-certain; a product named in the chat is strong;
 * the node that fits the question is a good hint; recency only breaks ties.
 */
export const PREDICTION_WEIGHTS = {
  fullId: 100,
  idTail: 60,
  productInText: 30,
  productInHistory: 15,
  nodeFit: 20,
  nodeNearFit: 10,
  recency: 5,
} as const;

/** Shortest order-number tail a buyer can quote ("尾号4651") and still mean one order. */
const MIN_ID_TAIL = 4;
/** Shortest product-name fragment that counts as naming it: two Chinese characters ("睡衣"). */
const MIN_PRODUCT_FRAGMENT = 2;

type NodeFit = [best: readonly OrderNode[], also: readonly OrderNode[]];

/** Which order states each intent is usually about, from each intent's file: the first list fits best. */
const NODE_FIT = Object.fromEntries(
  INTENT_METAS.map((meta): [IntentId, NodeFit] => [meta.id, [meta.nodeFit.best, meta.nodeFit.also]]),
) as Record<IntentId, NodeFit>;

/**
 * Ranks the buyer's orders by how likely the message is about each one, best first.
 * Ties keep the page's order (which lists the newest first on the workbenches we know).
 */
export function predictOrder(input: PredictInput): OrderPrediction[] {
  const recencyRank = rankByRecency(input.orders);
  const predictions = input.orders.map((order) => scoreOrder(order, input, recencyRank));
  if (predictions.length === 1)
    predictions[0].reasons.push(solutionStrings(input.lang ?? 'zh').prediction.onlyOrder(''));
  return predictions
    .map((prediction, index) => ({ prediction, index }))
    .sort((a, b) => b.prediction.score - a.prediction.score || a.index - b.index)
    .map(({ prediction }) => prediction);
}

function scoreOrder(order: Order, input: PredictInput, recencyRank: Map<string, number>): OrderPrediction {
  const signals = [
    idSignal(order, input.text),
    productSignal(order, input.text, input.history),
    nodeSignal(order, input.intent, input.now),
    recencySignal(order, recencyRank, input.orders.length),
  ];
  const score = signals.reduce((sum, signal) => sum + signal.score, 0);
  const texts = solutionStrings(input.lang ?? 'zh').prediction;
  const reasons = signals.flatMap(({ reason }) => (reason ? [texts[reason.kind](reason.detail ?? '')] : []));
  return { orderId: order.id, score, reasons };
}

type ReasonKind = keyof SolutionStrings['prediction'];

interface Signal {
  score: number;
  reason?: { kind: ReasonKind; detail?: string };
}

const NO_SIGNAL: Signal = { score: 0 };

function idSignal(order: Order, text: string): Signal {
  const id = order.id.trim();
  const numbers = digitRuns(text);
  if (numbers.includes(id)) return { score: PREDICTION_WEIGHTS.fullId, reason: { kind: 'fullId', detail: id } };
  const tail = numbers.find(
    (number) => number.length >= MIN_ID_TAIL && number.length < id.length && id.endsWith(number),
  );
  return tail ? { score: PREDICTION_WEIGHTS.idTail, reason: { kind: 'idTail', detail: tail } } : NO_SIGNAL;
}

/** The runs of digits in a message; full-width digits (typed with a Chinese IME) count too. */
function digitRuns(text: string): string[] {
  const ascii = text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  return Array.from(ascii.matchAll(/\d+/g), (match) => match[0]);
}

function productSignal(order: Order, text: string, history: string[]): Signal {
  if (!order.product) return NO_SIGNAL;
  const inText = sharedFragment(order.product, text);
  if (inText) return { score: PREDICTION_WEIGHTS.productInText, reason: { kind: 'productInText', detail: inText } };
  const inHistory = sharedFragment(order.product, history.join('\n'));
  return inHistory
    ? { score: PREDICTION_WEIGHTS.productInHistory, reason: { kind: 'productInHistory', detail: inHistory } }
    : NO_SIGNAL;
}

function nodeSignal(order: Order, intent: IntentId, now: Date): Signal {
  const node = orderNode(order, now);
  if (!node) return NO_SIGNAL;
  const [best, also] = NODE_FIT[intent];
  if (best.includes(node))
    return { score: PREDICTION_WEIGHTS.nodeFit, reason: { kind: 'nodeFit', detail: order.status } };
  if (also.includes(node)) return { score: PREDICTION_WEIGHTS.nodeNearFit };
  return NO_SIGNAL;
}

/** The newest paid order earns the full recency weight, older ones less, unpaid ones none. */
function recencySignal(order: Order, recencyRank: Map<string, number>, count: number): Signal {
  const rank = recencyRank.get(order.id);
  if (rank === undefined) return NO_SIGNAL;
  const score = (PREDICTION_WEIGHTS.recency * (count - rank)) / count;
  return rank === 0 && count > 1 ? { score, reason: { kind: 'recency' } } : { score };
}

function rankByRecency(orders: Order[]): Map<string, number> {
  const paid = orders.flatMap((order) => {
    const paidAt = parseShopTime(order.paidAt);
    return paidAt ? [{ id: order.id, time: paidAt.getTime() }] : [];
  });
  paid.sort((a, b) => b.time - a.time);
  return new Map(paid.map((entry, rank) => [entry.id, rank]));
}

/**
 * The longest piece of the product name that also appears in the chat, if long enough to mean it.
 * Product names are long listing titles ("加厚珊瑚绒睡衣套装 粉色 L"); buyers name a piece ("睡衣").
 */
function sharedFragment(product: string, chat: string): string | null {
  const name = product.replace(/[\s\p{P}\p{S}]+/gu, '');
  if (!chat) return null;
  for (let length = name.length; length >= MIN_PRODUCT_FRAGMENT; length--) {
    for (let start = 0; start + length <= name.length; start++) {
      const fragment = name.slice(start, start + length);
      if (isMeaningfulFragment(fragment) && chat.includes(fragment)) return fragment;
    }
  }
  return null;
}

/** Two digits or two Latin letters ("L码" vs "XL") say nothing; two Chinese characters do. */
function isMeaningfulFragment(fragment: string): boolean {
  const hanCount = fragment.match(/\p{Script=Han}/gu)?.length ?? 0;
  return hanCount >= MIN_PRODUCT_FRAGMENT || fragment.length >= 4;
}
