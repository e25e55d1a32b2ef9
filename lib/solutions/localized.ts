/** The UI languages. Replies always stay Chinese: they go to the buyer. */
export type Lang = 'zh' | 'en';

/** Agent-facing text (labels, notices, reasons) in each UI language. */
export type Localized = Record<Lang, string>;
