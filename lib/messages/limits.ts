/** Limits that keep a hostile page from making the background do unbounded work. */
export const LIMITS = {
  textChars: 2000,
  historyItems: 20,
  orders: 50,
  idChars: 200,
  fieldChars: 500,
  /** Reply and rule texts: the store refuses over 500 with a clear reason; this only bounds the work. */
  replyChars: 2000,
  keywords: 50,
} as const;
