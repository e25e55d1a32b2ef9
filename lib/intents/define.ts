import type { OrderNode } from '@/lib/orders/types';

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

interface IntentRules {
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

interface IntentExamples {
  /** Messages that must be classified as this intent. */
  positive: string[];
  /** Near misses that must not be classified as this intent. */
  negative: string[];
}

/**
 * What the rest of the extension knows of an intent: the registry (lib/intents/index.ts) derives the ids, labels,
 * order fit and the prediction card's list from it. Kept apart from the rules so that the content script, which
 * needs the ids but not the rules, bundles only this part.
 */
export interface IntentMeta {
  id: string;
  /** What the popup says the buyer wants ("买家意图：…"), in each UI language. */
  labels: { zh: string; en: string };
  /** Which order states the intent is usually about: `best` fits best, `also` fits too (order prediction). */
  nodeFit: { best: readonly OrderNode[]; also: readonly OrderNode[] };
  /** Whether the question is about one order, so the order prediction card is worth sending. */
  needsOrder: boolean;
}

/** What the engine reads of an intent. */
export interface IntentLanguage {
  rules: IntentRules;
  examples: IntentExamples;
}

/** An intent whole: `Id` is the registry's IntentId once the registry is built (lib/intents/ids.ts). */
export interface IntentDefinition<Id extends string = string> extends IntentMeta, IntentLanguage {
  id: Id;
}

/** Joins an intent file's two parts into one definition, typed; pure, so bundles that need only `meta` drop it. */
export function defineIntent<const Meta extends IntentMeta>(
  meta: Meta,
  language: IntentLanguage,
): Meta & IntentLanguage {
  return { ...meta, ...language };
}
