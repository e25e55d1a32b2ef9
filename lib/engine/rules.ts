import { featuresOf } from '@/lib/engine/features';
import { compileRules, type Evidence, matchRules } from '@/lib/engine/match';
import { normalize } from '@/lib/engine/normalize';
import { INTENTS } from '@/lib/intents';

/** Every intent's rules, compiled once when the module loads. */
export const RULES = compileRules(INTENTS);

export interface ReadMessage {
  normalized: string;
  /** What the rules found, without conversation context: the model was trained on messages read alone. */
  evidence: Evidence[];
  features: string[];
}

/** One message as both the training script and the classifier read it. */
export function readMessage(text: string): ReadMessage {
  const normalized = normalize(text);
  const evidence = matchRules(RULES, normalized, null);
  return { normalized, evidence, features: featuresOf(normalized, evidence) };
}
