/** Shop settings and their defaults. The options page edits them (stored by the background). */
export interface Settings {
  /** UI language of the popup and options page; replies to buyers are always Chinese. */
  language: 'zh' | 'en';
  /** The platform's compensation for an order shipped late, in yuan. */
  lateShipCompensationYuan: number;
  /** Send the order prediction card on a buyer's first order question. */
  orderPredictionCard: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'zh',
  lateShipCompensationYuan: 3,
  orderPredictionCard: true,
};
