import { compileRules, type Evidence, matchRules } from '@/lib/engine/match';
import { normalize } from '@/lib/engine/normalize';
import type { Classification } from '@/lib/engine/types';
import { INTENTS } from '@/lib/intents';
import type { IntentId } from '@/lib/intents/ids';

/** Rules are compiled once, when the module loads. */
const RULES = compileRules(INTENTS);

/** A score s becomes the confidence s / (s + HALF_SCORE): the evidence of one decisive phrase is about even odds. */
const HALF_SCORE = 2;
/** Below this confidence the answer is null: a wrong popup costs an agent more than none. */
export const THRESHOLD = 0.55;
/** How many earlier buyer messages a short follow-up may lean on. */
const HISTORY_DEPTH = 3;

function confidenceOf(score: number): number {
  return score / (score + HALF_SCORE);
}

function rank(evidence: Evidence[]): Classification {
  const positive = evidence.filter((e) => e.score > 0).sort((a, b) => b.score - a.score);
  const intents = positive.map((e) => ({ id: e.id, confidence: round(confidenceOf(e.score)) }));
  const best = positive[0];
  if (!best || intents[0].confidence < THRESHOLD) return { intent: null, confidence: 0, intents, matched: [] };
  const matched = best.matched.filter((m) => m.weight > 0).map((m) => m.why);
  if (best.matched.some((m) => m.followUp && m.weight > 0)) matched.push('上文同一意图');
  return { intent: best.id, confidence: intents[0].confidence, intents, matched };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function evidenceFor(text: string, context: IntentId | null): Evidence[] {
  return matchRules(RULES, normalize(text), context);
}

/** The intent of the buyer's most recent earlier message that had one, within HISTORY_DEPTH messages. */
function contextIntent(history: readonly string[]): IntentId | null {
  for (let i = history.length - 1; i >= Math.max(0, history.length - HISTORY_DEPTH); i--) {
    const earlier = rank(evidenceFor(history[i], null));
    if (earlier.intent) return earlier.intent;
  }
  return null;
}

/** history = the buyer's earlier messages in this conversation, oldest first. */
export function classify(text: string, history: readonly string[] = []): Classification {
  const context = history.length > 0 ? contextIntent(history) : null;
  return rank(evidenceFor(text, context));
}
