import { RULE_MARK } from '@/lib/engine/features';
import { type IntentId, isIntentId } from '@/lib/intents/ids';

/**
 * The learned half of the engine: one logistic classifier per intent (one-vs-rest) over a message's features, kept
 * sparse and quantised. Pure: it runs in the service worker, and `npm run train` writes its weights file.
 */

/** The weights file as `npm run train` writes it (lib/engine/weights.json). */
export interface WeightsFile {
  format: 2;
  /** Class order of `bias`, `thresholds` and the classes in `entries`. */
  intents: string[];
  /** A stored weight q means q × step. */
  step: number;
  bias: number[];
  /** Per intent: the lowest probability that still shows a popup, calibrated on cross-validation. */
  thresholds: number[];
  /** The escalation probability from which a message is urgent, whatever intent it shows; calibrated likewise. */
  urgencyThreshold: number;
  /** The weighed features, one a line. L1 leaves most n-grams no weight at all, and those are not stored. */
  features: string;
  /** How many entries of `entries` each feature has, in order. */
  counts: number[];
  /**
   * Each feature's weights, packed `q × 16 + class` (q the quantised weight, class an index into `intents`): plain
   * numbers, which JSON parses natively, where a text format would need a loop over every character at start-up.
   */
  entries: number[];
}

/**
 * The n-gram weights in an open-addressing hash table keyed by the n-gram's character codes (0 pads one shorter
 * than three): scoring reads the message's characters as numbers and never cuts a string per n-gram.
 */
interface NgramTable {
  mask: number;
  /** The three codes of the n-gram at each slot. */
  keys: Uint16Array;
  /**
   * 1 + the feature index of the n-gram at each slot; PREFIX for an n-gram with no weight that begins longer weighed
   * ones (so a walk knows when to stop); 0 for an empty slot.
   */
  entries: Int32Array;
}

/**
 * Every weighed feature, in flat typed arrays (a few thousand small objects would cost the service worker's start
 * more than the scoring they serve): feature f's weights are classes[k], weights[k] for k in [first[f], first[f+1]).
 */
export interface LinearModel {
  intents: readonly IntentId[];
  /** A plain array, not a typed one: each message's logits start as its copy (see Scorer). */
  bias: readonly number[];
  thresholds: Float64Array;
  urgencyThreshold: number;
  first: Int32Array;
  classes: Uint8Array;
  weights: Float64Array;
  /** Each feature's name, for 为什么推荐. */
  names: readonly string[];
  ngrams: NgramTable;
  /** Rule features, by name. */
  named: ReadonlyMap<string, number>;
  /**
   * Scratch space, so that scoring a message allocates no set: a feature already counted for the message being
   * scored carries the current generation. Scoring is synchronous, so one buffer serves.
   */
  scratch: { stamps: Uint32Array; generation: number };
}

/** Entries pack a class into their low four bits: up to 16 intents. */
export const CLASS_BITS = 4;
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

const PREFIX = -1;

/** The slot's entry for an n-gram of up to three codes: 1 + its feature index, PREFIX, or 0 (no such n-gram). */
function ngramEntry(table: NgramTable, a: number, b: number, c: number): number {
  return table.entries[slotOf(table, a, b, c)];
}

/** The feature index of an n-gram of up to three codes, or -1. */
function ngramIndex(table: NgramTable, a: number, b: number, c: number): number {
  const entry = ngramEntry(table, a, b, c);
  return entry > 0 ? entry - 1 : -1;
}

function emptyTable(gramCount: number): NgramTable {
  let size = 16;
  // Prefixes take slots too: at most two per n-gram, far fewer in practice; the table stays under half full.
  while (size < gramCount * 4) size *= 2;
  return { mask: size - 1, keys: new Uint16Array(size * 3), entries: new Int32Array(size) };
}

/** The code at position i of an n-gram, 0 past its end. */
function gramCode(gram: string, i: number): number {
  return i < gram.length ? gram.charCodeAt(i) : 0;
}

function setEntry(table: NgramTable, a: number, b: number, c: number, entry: number): void {
  const slot = slotOf(table, a, b, c);
  if (entry === PREFIX && table.entries[slot] !== 0) return;
  table.keys[slot * 3] = a;
  table.keys[slot * 3 + 1] = b;
  table.keys[slot * 3 + 2] = c;
  table.entries[slot] = entry;
}

/** Adds a weighed n-gram, and its shorter prefixes as PREFIX where they have no weight of their own. */
function addGram(table: NgramTable, gram: string, index: number): void {
  const a = gramCode(gram, 0);
  const b = gramCode(gram, 1);
  setEntry(table, a, b, gramCode(gram, 2), index + 1);
  if (gram.length > 1) setEntry(table, a, 0, 0, PREFIX);
  if (gram.length > 2) setEntry(table, a, b, 0, PREFIX);
}

export function loadModel(file: WeightsFile): LinearModel {
  const intents = file.intents.map((id) => {
    if (!isIntentId(id)) throw new Error(`The weights file names an unknown intent: ${id}`);
    return id;
  });
  const names = file.features.split('\n');
  const first = new Int32Array(names.length + 1);
  for (let f = 0; f < names.length; f++) first[f + 1] = first[f] + file.counts[f];
  // Plain loops: this runs once, cold, when the service worker starts, where callbacks cost the most.
  const classMask = (1 << CLASS_BITS) - 1;
  const classes = new Uint8Array(file.entries.length);
  const weights = new Float64Array(file.entries.length);
  for (let k = 0; k < file.entries.length; k++) {
    classes[k] = file.entries[k] & classMask;
    weights[k] = (file.entries[k] >> CLASS_BITS) * file.step;
  }
  const ngrams = emptyTable(names.length);
  const named = new Map<string, number>();
  for (let f = 0; f < names.length; f++) {
    if (names[f].startsWith(RULE_MARK)) named.set(names[f], f);
    else addGram(ngrams, names[f], f);
  }
  return {
    intents,
    bias: file.bias.map((q) => q * file.step),
    thresholds: Float64Array.from(file.thresholds),
    urgencyThreshold: file.urgencyThreshold,
    first,
    classes,
    weights,
    names,
    ngrams,
    named,
    scratch: { stamps: new Uint32Array(names.length), generation: 0 },
  };
}

function featureIndex(model: LinearModel, feature: string): number {
  if (feature.startsWith(RULE_MARK)) return model.named.get(feature) ?? -1;
  return ngramIndex(model.ngrams, gramCode(feature, 0), gramCode(feature, 1), gramCode(feature, 2));
}

export interface Scores {
  /** The probability of each intent, in the model's class order. */
  probabilities: number[];
  /** The indexes of the message's features that carry a weight, each once: what 为什么推荐 can name. */
  weighed: number[];
}

/** Sums the weights of each distinct feature once: features are binary, so a repeated n-gram must not count twice. */
class Scorer {
  readonly logits: number[];
  readonly weighed: number[] = [];
  private readonly generation: number;

  constructor(private readonly model: LinearModel) {
    // A typed array of this size lives outside V8's heap, and allocating one costs about a microsecond, more than
    // scoring a short message; a plain array of numbers costs a few nanoseconds.
    this.logits = model.bias.slice();
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
    this.weighed.push(index);
    const { first, classes, weights } = this.model;
    for (let k = first[index]; k < first[index + 1]; k++) this.logits[classes[k]] += weights[k];
  }

  scores(): Scores {
    const { logits } = this;
    for (let c = 0; c < logits.length; c++) logits[c] = 1 / (1 + Math.exp(-logits[c]));
    return { probabilities: logits, weighed: this.weighed };
  }
}

/** Scores a list of distinct features: the training script's view of a message. */
export function probabilities(model: LinearModel, features: readonly string[]): number[] {
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
    // Each n-gram is looked up only while a shorter one it extends is known: most bigrams are not.
    const a = framedCode(normalized, i);
    const one = ngramEntry(table, a, 0, 0);
    if (one > 0) scorer.add(one - 1);
    if (one === 0 || i + 1 >= length) continue;
    const b = framedCode(normalized, i + 1);
    const two = ngramEntry(table, a, b, 0);
    if (two === 0) continue;
    if (two > 0) scorer.add(two - 1);
    if (i + 2 < length) scorer.add(ngramIndex(table, a, b, framedCode(normalized, i + 2)));
  }
  for (const feature of ruleFeatures) scorer.add(model.named.get(feature) ?? -1);
  return scorer.scores();
}

/**
 * The indexes of the features that pushed one intent up the most, strongest first, of those `accept` lets through: at
 * most `count`, kept in a small sorted list instead of sorting every feature (this runs for every popup). `accept` is
 * asked first, so that the weights of features it turns away (most of a message's, for 为什么推荐) are never read.
 */
export function strongest(
  model: LinearModel,
  scores: Scores,
  intentIndex: number,
  count: number,
  accept: (feature: number) => boolean,
): number[] {
  const best: { feature: number; weight: number }[] = [];
  for (const f of scores.weighed) {
    if (!accept(f)) continue;
    for (let k = model.first[f]; k < model.first[f + 1]; k++) {
      const weight = model.weights[k];
      if (model.classes[k] !== intentIndex || weight <= 0) continue;
      if (best.length === count && weight <= best[count - 1].weight) continue;
      let at = best.length;
      while (at > 0 && best[at - 1].weight < weight) at--;
      best.splice(at, 0, { feature: f, weight });
      if (best.length > count) best.pop();
    }
  }
  return best.map((b) => b.feature);
}
