import { featuresOf } from '@/lib/engine/features';
import { type AnchorCache, compileRules, matchRules } from '@/lib/engine/match';
import { normalize } from '@/lib/engine/normalize';
import RULE_ANCHORS from '@/lib/engine/rule-anchors.json';
import type { Evidence } from '@/lib/engine/types';
import { INTENTS } from '@/lib/intents';

/** Every intent's rules, compiled once when the module loads, with the anchors `npm run train` worked out. */
export const RULES = compileRules(INTENTS, RULE_ANCHORS as AnchorCache);

export interface ReadMessage {
  normalized: string;
  /** What the rules found, without conversation context: the model was trained on messages read alone. */
  evidence: Evidence[];
  features: string[];
}

/** A message as the rules see it: normalised, and the evidence of each intent. */
export function readRules(text: string): Omit<ReadMessage, 'features'> {
  const normalized = normalize(text);
  return { normalized, evidence: matchRules(RULES, normalized, null) };
}

/** One message as the training script reads it; the classifier scores the same features without listing them. */
export function readMessage(text: string): ReadMessage {
  const { normalized, evidence } = readRules(text);
  return { normalized, evidence, features: featuresOf(normalized, evidence) };
}
