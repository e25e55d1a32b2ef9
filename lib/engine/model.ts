import { RULE_MARK } from '@/lib/engine/features';
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
 * The n-gram weights in an open-addressing hash table keyed by the n-gram's character codes (0 pads one shorter
 * than three): scoring reads the message's characters as numbers and never cuts a string per n-gram.
 */
interface NgramTable {
  mask: number;
  /** The three codes of the n-gram at each slot. */
  keys: Uint16Array;
  /** 1 + the index in `weighed` of the n-gram at each slot; 0 for an empty slot. */
  entries: Int32Array;
}

export interface LinearModel {
  intents: readonly IntentId[];
  bias: Float64Array;
  thresholds: Float64Array;
  urgencyThreshold: number;
  /** Every feature with a weight: n-grams first (indexed by `ngrams`), then rule features (indexed by `named`). */
  weighed: readonly Weighed[];
  ngrams: NgramTable;
  named: ReadonlyMap<string, number>;
  /**
   * Scratch space, so that scoring a message allocates no set: a feature already counted for the message being
   * scored carries the current generation. Scoring is synchronous, so one buffer serves.
   */
  scratch: { stamps: Uint32Array; generation: number };
}

export const CLASS_LETTER_A = 97;
const ENTRY = /([a-z])(-?\d+)/g;
const SPACE = 32;

function slotOf(table: NgramTable, a: number, b: number, c: number): number {
  let slot = (Math.imul(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ c, 0xc2b2ae35) >>> 15) & table.mask;
  for (;;) {
    const k = slot * 3;
    if (table.entries[slot] === 0 || (table.keys[k] === a && table.keys[k + 1] === b && table.keys[k + 2] === c))
      return slot;
    slot = (slot + 1) & table.mask;
  }
}

/** The index in `weighed` of an n-gram of up to three codes, or -1. */
function ngramIndex(table: NgramTable, a: number, b: number, c: number): number {
  return table.entries[slotOf(table, a, b, c)] - 1;
}

function ngramTable(grams: readonly string[]): NgramTable {
  let size = 16;
  while (size < grams.length * 2) size *= 2;
  const table = { mask: size - 1, keys: new Uint16Array(size * 3), entries: new Int32Array(size) };
  grams.forEach((gram, index) => {
    const codes = [0, 1, 2].map((i) => (i < gram.length ? gram.charCodeAt(i) : 0));
    const slot = slotOf(table, codes[0], codes[1], codes[2]);
    table.keys.set(codes, slot * 3);
    table.entries[slot] = index + 1;
  });
  return table;
}

export function loadModel(file: WeightsFile): LinearModel {
  const intents = file.intents.map((id) => {
    if (!isIntentId(id)) throw new Error(`The weights file names an unknown intent: ${id}`);
    return id;
  });
  const ngrams: Weighed[] = [];
  const rules: Weighed[] = [];
  for (const line of file.features.split('\n')) {
    const tab = line.indexOf('\t');
    const feature = line.slice(0, tab);
    const pairs: number[] = [];
    for (const [, letter, quantised] of line.slice(tab + 1).matchAll(ENTRY))
      pairs.push(letter.charCodeAt(0) - CLASS_LETTER_A, Number(quantised) * file.step);
    (feature.startsWith(RULE_MARK) ? rules : ngrams).push({ feature, pairs: Float64Array.from(pairs) });
  }
  return {
    intents,
    bias: Float64Array.from(file.bias, (q) => q * file.step),
    thresholds: Float64Array.from(file.thresholds),
    urgencyThreshold: file.urgencyThreshold,
    weighed: [...ngrams, ...rules],
    ngrams: ngramTable(ngrams.map((w) => w.feature)),
    named: new Map(rules.map((w, i) => [w.feature, ngrams.length + i])),
    scratch: { stamps: new Uint32Array(ngrams.length + rules.length), generation: 0 },
  };
}

function featureIndex(model: LinearModel, feature: string): number {
  if (feature.startsWith(RULE_MARK)) return model.named.get(feature) ?? -1;
  const code = (i: number) => (i < feature.length ? feature.charCodeAt(i) : 0);
  return ngramIndex(model.ngrams, code(0), code(1), code(2));
}

export interface Scores {
  /** The probability of each intent, in the model's class order. */
  probabilities: Float64Array;
  /** The message's features that carry a weight, each once: what 为什么推荐 can name. */
  weighed: Weighed[];
}

/** Sums the weights of each distinct feature once: features are binary, so a repeated n-gram must not count twice. */
class Scorer {
  readonly logits: Float64Array;
  readonly weighed: Weighed[] = [];
  private readonly generation: number;

  constructor(private readonly model: LinearModel) {
    this.logits = new Float64Array(model.bias);
    const { scratch } = model;
    if (scratch.generation === 0xffffffff) {
      scratch.stamps.fill(0);
      scratch.generation = 0;
    }
    this.generation = ++scratch.generation;
  }

  add(index: number): void {
    const { stamps } = this.model.scratch;
    if (index < 0 || stamps[index] === this.generation) return;
    stamps[index] = this.generation;
    const weighed = this.model.weighed[index];
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
  for (const feature of features) scorer.add(featureIndex(model, feature));
  return scorer.scores().probabilities;
}

/** The code at position i of ` ${normalized} `, without building that string. */
function framedCode(normalized: string, i: number): number {
  return i === 0 || i === normalized.length + 1 ? SPACE : normalized.charCodeAt(i - 1);
}

/**
 * Scores a normalised message and its rule features: the classifier's hot path. It reads the n-grams of the message
 * framed by spaces (as features.ts does) straight from its character codes, and gives the probabilities that
 * `probabilities(model, featuresOf(…))` gives, up to the order of additions.
 */
export function scoreMessage(model: LinearModel, normalized: string, ruleFeatures: readonly string[]): Scores {
  const scorer = new Scorer(model);
  const table = model.ngrams;
  const length = normalized.length + 2;
  for (let i = 0; i < length; i++) {
    const a = framedCode(normalized, i);
    if (a !== SPACE) scorer.add(ngramIndex(table, a, 0, 0));
    if (i + 1 >= length) continue;
    const b = framedCode(normalized, i + 1);
    scorer.add(ngramIndex(table, a, b, 0));
    if (i + 2 < length) scorer.add(ngramIndex(table, a, b, framedCode(normalized, i + 2)));
  }
  for (const feature of ruleFeatures) scorer.add(model.named.get(feature) ?? -1);
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
