import type { Language } from '@/lib/language';
/** Shop settings and their defaults. The options page edits them (stored by the background). */
export interface Settings {
  /** UI language of the popup and options page; replies to buyers are always Chinese. */
  language: Language;
  /** The platform's compensation for an order shipped late, in yuan. */
  lateShipCompensationYuan: number;
  /** Send the order prediction card on a buyer's first order question. */
  orderPredictionCard: boolean;
  /** A buyer waiting longer than this, in seconds, raises the slow-reply alert. */
  slowReplyThresholdSeconds: number;
  /** Play a short tone when a buyer joins the slow-reply alert. */
  slowReplySound: boolean;
}

/** Bounds of the late-shipment compensation, in yuan, that the options page, the store and a pack accept. */
export const COMPENSATION_LIMITS = { min: 0, max: 1000 } as const;
/** Bounds of the slow-reply threshold, in whole seconds, that the options page and the store accept. */
export const SLOW_REPLY_LIMITS = { min: 10, max: 1800 } as const;

export const DEFAULT_SETTINGS: Settings = {
  language: 'zh',
  lateShipCompensationYuan: 3,
  orderPredictionCard: true,
  slowReplyThresholdSeconds: 100,
  slowReplySound: false,
};
