/**
 * What the suggestion popup's controller (assistant.tsx) tells the agent-workflow features: statistics
 * events and escalation marks. Kept here so assistant.tsx only makes one-line calls.
 */

import { recordStat } from '@/entrypoints/content/stats';
import type { WaitingController } from '@/entrypoints/content/waiting';
import type { ThreadMessage } from '@/lib/adapters/types';
import type { Solution } from '@/lib/solutions/types';
import type { SuggestionEvent } from '@/lib/stats/types';
import { isAngry } from '@/lib/waiting/angry';

/** A buyer's new text: a clearly angry one marks the conversation urgent, whatever the intent. */
export function noteBuyerMessage(
  waiting: WaitingController | undefined,
  conversationId: string,
  message: ThreadMessage,
) {
  if (message.kind === 'text' && isAngry(message.text)) waiting?.mark(conversationId);
}

/** A suggestion for a new buyer message was shown; an escalation marks the conversation urgent. */
export function noteShown(waiting: WaitingController | undefined, conversationId: string, solution: Solution) {
  // Statistics count built-in intents; a shop rule's own suggestion is the shop's, not Huashu's.
  if (solution.intent) recordStat({ kind: 'shown', intent: solution.intent, at: Date.now() });
  if (solution.intent === 'escalation') waiting?.mark(conversationId);
}

/** The agent copied, sent, ran an action from or dismissed a suggestion. */
export function noteUse(kind: Exclude<SuggestionEvent, 'shown'>, solution: Solution | null | undefined) {
  if (solution?.intent) recordStat({ kind, intent: solution.intent, at: Date.now() });
}
