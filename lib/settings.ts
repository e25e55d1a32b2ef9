import type { Language } from '@/lib/language';
/** Shop settings and their defaults. The options page edits them (stored by the background). */
export interface Settings {
  /** UI language of the popup and options page; replies to buyers are always Chinese. */
  language: Language;
  /** The platform's compensation for an order shipped late, in yuan. */
  lateShipCompensationYuan: number;
  /** What Huashu does with the order prediction card on a buyer's first 催发货 (lib/orders/prediction-card.ts). */
  orderPredictionCard: PredictionCardMode;
  /** A buyer waiting longer than this, in seconds, raises the slow-reply alert. */
  slowReplyThresholdSeconds: number;
  /** Play a short tone when a buyer joins the slow-reply alert. */
  slowReplySound: boolean;
}

/** Bounds of the late-shipment compensation, in yuan, that the options page, the store and a pack accept. */
export const COMPENSATION_LIMITS = { min: 0, max: 1000 } as const;
/** Bounds of the slow-reply threshold, in whole seconds, that the options page and the store accept. */
export const SLOW_REPLY_LIMITS = { min: 10, max: 1800 } as const;

/**
 * `auto`: Huashu sends the card itself, as Douyin does; `ask`: the popup offers a button that sends it;
 * `off`: nothing is sent or offered.
 */
export const PREDICTION_CARD_MODES = ['auto', 'ask', 'off'] as const;
export type PredictionCardMode = (typeof PREDICTION_CARD_MODES)[number];

/**
 * The card setting as stored or packed before it had three modes (a switch): on was today's `auto`, off is `off`.
 * Anything else is left for the schema to refuse.
 */
export function isPredictionCardMode(value: unknown): value is PredictionCardMode {
  return PREDICTION_CARD_MODES.includes(value as PredictionCardMode);
}

export function upgradePredictionCard(value: unknown): unknown {
  if (value === true) return 'auto';
  if (value === false) return 'off';
  return value;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'zh',
  lateShipCompensationYuan: 3,
  orderPredictionCard: 'auto',
  slowReplyThresholdSeconds: 100,
  slowReplySound: false,
};
