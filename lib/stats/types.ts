import type { IntentId } from '@/lib/intents/ids';

/** What the popup reports about its suggestions, per intent. */
export const SUGGESTION_EVENTS = ['shown', 'copied', 'sent', 'action', 'dismissed', 'feedback'] as const;
export type SuggestionEvent = (typeof SUGGESTION_EVENTS)[number];

/**
 * One thing that happened in a chat tab, as the content script reports it. Times are the agent
 * browser's epoch ms; the background files each under the local day and hour it happened.
 */
export type StatsEvent =
  | { kind: SuggestionEvent; intent: IntentId; at: number }
  /** A buyer began waiting for a reply (a buyer message the agent has to answer). */
  | { kind: 'buyerMessage'; at: number }
  /** The agent answered a buyer who began waiting at `at`, after `seconds`. */
  | { kind: 'answered'; at: number; seconds: number };

/** Counters of one day × intent × agent browser. Buyer-message counters live under intent ''. */
export interface StatsCounts {
  shown: number;
  copied: number;
  sent: number;
  actions: number;
  dismissed: number;
  feedback: number;
  buyerMessages: number;
  answered: number;
  answeredIn3m: number;
  /** Sum of the answered waits, for the average. */
  replySeconds: number;
}

export interface StatsRow extends StatsCounts {
  /** `${day}|${intent}|${agent}` */
  key: string;
  /** Local day, YYYY-MM-DD. */
  day: string;
  intent: IntentId | '';
  /** The agent browser's random id. */
  agent: string;
  /** Buyer messages by local hour of the day, 24 entries. */
  hours: number[];
}

export interface StatsReport {
  /** This browser's id, so the page can say which rows are its own. */
  agent: string;
  rows: StatsRow[];
}

/** Douyin counts a buyer message answered by a person within three minutes. */
export const REPLY_TARGET_SECONDS = 180;

/** What the statistics page shows about the daily summary. */
export interface StatsSummaryState {
  enabled: boolean;
  /** The feedback webhook the summary would go to; '' when none is set (then nothing is sent). */
  webhookUrl: string;
  lastSentDay: string | null;
}
