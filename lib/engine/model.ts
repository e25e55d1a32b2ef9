import { LONGEST_NGRAM, RULE_MARK } from '@/lib/engine/features';
import { type IntentId, isIntentId } from '@/lib/intents/ids';

/**
 * The learned half of the engine: one logistic classifier per intent (one-vs-rest) over a message's features, kept
 * sparse and quantised. Pure: it runs in the service worker, and `npm run train` writes its weights file.
 */

/** The weights file as `npm run train` writes it (lib/engine/weights.json). */
export interface WeightsFile {
  format: 1;
  /** Class order of `bias`, `thresholds` and the class letters in `features`. */
  intents: string[];
  /** A stored weight q means q × step. */
  step: number;
  bias: number[];
  /** Per intent: the lowest probability that still shows a popup, calibrated on cross-validation. */
  thresholds: number[];
  /** The escalation probability from which a message is urgent, whatever intent it shows; calibrated likewise. */
  urgencyThreshold: number;
  /**
   * One feature a line: `feature\ta12c-3…`, a class letter (a = first intent) then its quantised weight. L1 leaves
   * most features a weight for one or two intents, and none at all for most n-grams, which are not stored.
   */
  features: string;
}

/** A weighed feature: its name (for 为什么推荐) and its weights, [class, weight, class, weight, …]. */
export interface Weighed {
  feature: string;
  pairs: Float64Array;
}

/**
 * The n-gram weights as a trie over character codes: scoring walks the message's characters with number keys
 * instead of cutting a string for every n-gram. A node without `weighed` is only a prefix of longer n-grams.
 */
interface TrieNode {
  weighed?: Weighed;
  next?: Map<number, TrieNode>;
}

export interface LinearModel {
  intents: readonly IntentId[];
  bias: Float64Array;
  thresholds: Float64Array;
  urgencyThreshold: number;
  ngrams: TrieNode;
  /** Rule features, by name. */
  named: ReadonlyMap<string, Weighed>;
}

export const CLASS_LETTER_A = 97;
const ENTRY = /([a-z])(-?\d+)/g;
const SPACE = 32;

function trieNode(root: TrieNode, gram: string): TrieNode {
  let node = root;
  for (let i = 0; i < gram.length; i++) {
    node.next ??= new Map();
    const code = gram.charCodeAt(i);
    let child = node.next.get(code);
    if (!child) {
      child = {};
      node.next.set(code, child);
    }
    node = child;
  }
  return node;
}

export function loadModel(file: WeightsFile): LinearModel {
  const intents = file.intents.map((id) => {
    if (!isIntentId(id)) throw new Error(`The weights file names an unknown intent: ${id}`);
    return id;
  });
  const ngrams: TrieNode = {};
  const named = new Map<string, Weighed>();
  for (const line of file.features.split('\n')) {
    const tab = line.indexOf('\t');
    const feature = line.slice(0, tab);
    const pairs: number[] = [];
    for (const [, letter, quantised] of line.slice(tab + 1).matchAll(ENTRY))
      pairs.push(letter.charCodeAt(0) - CLASS_LETTER_A, Number(quantised) * file.step);
    const weighed = { feature, pairs: Float64Array.from(pairs) };
    if (feature.startsWith(RULE_MARK)) named.set(feature, weighed);
    else trieNode(ngrams, feature).weighed = weighed;
  }
  return {
    intents,
    bias: Float64Array.from(file.bias, (q) => q * file.step),
    thresholds: Float64Array.from(file.thresholds),
    urgencyThreshold: file.urgencyThreshold,
    ngrams,
    named,
  };
}

function weighedFeature(model: LinearModel, feature: string): Weighed | undefined {
  if (feature.startsWith(RULE_MARK)) return model.named.get(feature);
  let node: TrieNode | undefined = model.ngrams;
  for (let i = 0; i < feature.length && node; i++) node = node.next?.get(feature.charCodeAt(i));
  return node?.weighed;
}

export interface Scores {
  /** The probability of each intent, in the model's class order. */
  probabilities: Float64Array;
  /** The message's features that carry a weight, each once: what 为什么推荐 can name. */
  weighed: Weighed[];
}

/**
 * Sums the weights of each distinct feature once. Features are binary, so a repeated n-gram must not count twice;
 * only weighed features need that check, and a message has few of them.
 */
class Scorer {
  readonly logits: Float64Array;
  readonly weighed: Weighed[] = [];

  constructor(model: LinearModel) {
    this.logits = Float64Array.from(model.bias);
  }

  add(weighed: Weighed | undefined): void {
    if (weighed === undefined || this.weighed.includes(weighed)) return;
    this.weighed.push(weighed);
    const { pairs } = weighed;
    for (let i = 0; i < pairs.length; i += 2) this.logits[pairs[i]] += pairs[i + 1];
  }

  scores(): Scores {
    const { logits } = this;
    for (let c = 0; c < logits.length; c++) logits[c] = 1 / (1 + Math.exp(-logits[c]));
    return { probabilities: logits, weighed: this.weighed };
  }
}

/** Scores a list of distinct features: the training script's view of a message. */
export function probabilities(model: LinearModel, features: readonly string[]): Float64Array {
  const scorer = new Scorer(model);
  for (const feature of features) scorer.add(weighedFeature(model, feature));
  return scorer.scores().probabilities;
}

/**
 * Scores a normalised message and its rule features: the classifier's hot path. It walks the n-grams of the message
 * framed by spaces (as features.ts reads them) in the trie, and gives the probabilities that
 * `probabilities(model, featuresOf(…))` gives, up to the order of additions.
 */
export function scoreMessage(model: LinearModel, normalized: string, ruleFeatures: readonly string[]): Scores {
  const scorer = new Scorer(model);
  const length = normalized.length + 2;
  for (let start = 0; start < length; start++) {
    let node: TrieNode | undefined = model.ngrams;
    const last = Math.min(length, start + LONGEST_NGRAM);
    for (let end = start; end < last && node !== undefined; end++) {
      const code = end === 0 || end === length - 1 ? SPACE : normalized.charCodeAt(end - 1);
      node = node.next?.get(code);
      if (node?.weighed !== undefined) scorer.add(node.weighed);
    }
  }
  for (const feature of ruleFeatures) scorer.add(model.named.get(feature));
  return scorer.scores();
}

/** What each weighed feature added to one intent's score, strongest push first. */
export function contributions(scores: Scores, intentIndex: number): { feature: string; weight: number }[] {
  const found: { feature: string; weight: number }[] = [];
  for (const { feature, pairs } of scores.weighed)
    for (let i = 0; i < pairs.length; i += 2)
      if (pairs[i] === intentIndex) found.push({ feature, weight: pairs[i + 1] });
  return found.sort((a, b) => b.weight - a.weight);
}
