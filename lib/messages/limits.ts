/** Limits that keep a hostile page from making the background do unbounded work. */
export const LIMITS = {
  textChars: 2000,
  /** Kept: the latest earlier messages, the first orders; the rest are dropped, not refused. */
  historyItems: 20,
  /** Conversation-list previews judged in one request (lib/waiting/previews.ts); more go in the next one. */
  previewsPerRequest: 50,
  orders: 50,
  /** Lists longer than this are refused: reading them at all would be unbounded work. */
  listItemsRead: 1000,
  /** Ids and fields the page shows (buyer name, order fields) are cut to these, with a marker, not refused. */
  idChars: 200,
  fieldChars: 500,
  /** Reply and rule texts: the store refuses over 500 with a clear reason; this only bounds the work. */
  replyChars: 2000,
  keywords: 50,
} as const;
