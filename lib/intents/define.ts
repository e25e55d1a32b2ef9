import type { IntentId } from '@/lib/intents/ids';

/**
 * One piece of evidence, as data. `pattern` is a regular-expression source over *normalised* text
 * (simplified, lower-case, half-width, `?` for any question mark, `#` for a number or placeholder),
 * and may use the shared macros of lib/engine/match.ts written as `{NAME}`, e.g. `{ASK}`.
 */
export interface Cue {
  pattern: string;
  /** Positive evidence adds to the intent's score, negative evidence (vetoes, redirects) takes away. */
  weight: number;
  /** What the agent sees under “为什么推荐”; defaults to the pattern itself. */
  why?: string;
}

export interface IntentRules {
  /** Evidence for the intent. */
  cues: Cue[];
  /** Evidence against it: praise, tense, negation, or a phrase that belongs to another intent. */
  against?: Cue[];
  /**
   * Evidence that only counts when an earlier buyer message in the conversation had this intent:
   * short follow-ups such as “还没发？” or “那什么时候到” mean nothing on their own.
   */
  followUps?: Cue[];
}

export interface IntentExamples {
  /** Messages that must be classified as this intent. */
  positive: string[];
  /** Near misses that must not be classified as this intent. */
  negative: string[];
}

export interface IntentDefinition {
  id: IntentId;
  label: string;
  rules: IntentRules;
  examples: IntentExamples;
}

/** Identity function that gives intent files type checking and one obvious shape. */
export function defineIntent(definition: IntentDefinition): IntentDefinition {
  return definition;
}
