/**
 * What the suggestion popup's controller (assistant.tsx) tells the agent-workflow features: statistics
 * events and escalation marks. Kept here so assistant.tsx only makes one-line calls.
 */

import { recordStat } from '@/entrypoints/content/stats';
import type { WaitingController } from '@/entrypoints/content/waiting';
import type { Solution } from '@/lib/solutions/types';
import type { SuggestionEvent } from '@/lib/stats/types';

/** A suggestion for a new buyer message was shown; an upset buyer (the engine's judgement) marks it urgent. */
export function noteShown(waiting: WaitingController | undefined, conversationId: string, solution: Solution) {
  // Statistics count built-in intents; a shop rule's own suggestion is the shop's, not Huashu's.
  if (solution.intent) recordStat({ kind: 'shown', intent: solution.intent, at: Date.now() });
  if (solution.urgent) waiting?.mark(conversationId);
}

/** The agent copied, sent, ran an action from or dismissed a suggestion. */
export function noteUse(kind: Exclude<SuggestionEvent, 'shown'>, solution: Solution | null | undefined) {
  if (solution?.intent) recordStat({ kind, intent: solution.intent, at: Date.now() });
}
