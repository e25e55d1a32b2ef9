import type { Evidence } from '@/lib/engine/types';

/**
 * What the learned model reads of a message: its character n-grams and the rules that fired on it. Every feature is
 * a plain string, so the weights file stays readable and 为什么推荐 can name the features that decided.
 */

/** Character n-grams of 1–3 characters: Chinese words are one to three characters and need no segmenter. */
const LONGEST_NGRAM = 3;

/** Marks a rule feature; normalised text never contains it, so a rule can never collide with an n-gram. */
export const RULE_MARK = '@';

/**
 * Levels of a rule score (the sum of an intent's hand weights, vetoes included) that become features of their own:
 * the model then learns how much the rules' overall verdict is worth, not only each cue's.
 */
const RULE_SCORE_LEVELS = [1, 2, 3, 4, 6];

/**
 * The distinct n-grams of a normalised message. It is framed by spaces so that the start and end of the message are
 * features too: “在吗” alone reads differently from “在吗” inside a question.
 */
export function ngramsOf(normalized: string): string[] {
  const framed = ` ${normalized} `;
  const seen = new Set<string>();
  for (let size = 1; size <= LONGEST_NGRAM; size++) {
    for (let start = 0; start + size <= framed.length; start++) {
      const gram = framed.slice(start, start + size);
      if (gram !== ' ') seen.add(gram);
    }
  }
  return [...seen];
}

/** `@intent:why`, one per rule that fired, for or against: the model learns what each is worth. */
export function ruleFeatureName(intent: string, why: string): string {
  return `${RULE_MARK}${intent}:${why}`;
}

/** `@intent≥level` for each level, made once per intent: classifying a message then builds no string. */
const levelNames = new Map<string, string[]>();

function levelFeatures(id: string): string[] {
  let names = levelNames.get(id);
  if (!names) {
    names = RULE_SCORE_LEVELS.map((level) => `${RULE_MARK}${id}≥${level}`);
    levelNames.set(id, names);
  }
  return names;
}

/** The rules that fired (not follow-ups: the model reads a message alone), then the levels each score reaches. */
export function ruleFeaturesOf(evidence: readonly Evidence[]): string[] {
  const names: string[] = [];
  for (const { id, score, matched } of evidence) {
    for (const { feature, followUp } of matched) if (!followUp && !names.includes(feature)) names.push(feature);
    const levels = levelFeatures(id);
    for (let i = 0; i < RULE_SCORE_LEVELS.length && score >= RULE_SCORE_LEVELS[i]; i++) names.push(levels[i]);
  }
  return names;
}

/** Everything the model reads of one normalised message. Evidence must come without conversation context. */
export function featuresOf(normalized: string, evidence: readonly Evidence[]): string[] {
  return [...ngramsOf(normalized), ...ruleFeaturesOf(evidence)];
}
