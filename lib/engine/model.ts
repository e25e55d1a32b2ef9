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

export interface LinearModel {
  intents: readonly IntentId[];
  bias: Float64Array;
  thresholds: Float64Array;
  urgencyThreshold: number;
  /** feature → [class, weight, class, weight, …] */
  weights: ReadonlyMap<string, Float64Array>;
}

export const CLASS_LETTER_A = 97;
const ENTRY = /([a-z])(-?\d+)/g;

export function loadModel(file: WeightsFile): LinearModel {
  const intents = file.intents.map((id) => {
    if (!isIntentId(id)) throw new Error(`The weights file names an unknown intent: ${id}`);
    return id;
  });
  const weights = new Map<string, Float64Array>();
  for (const line of file.features.split('\n')) {
    const tab = line.indexOf('\t');
    const pairs: number[] = [];
    for (const [, letter, quantised] of line.slice(tab + 1).matchAll(ENTRY))
      pairs.push(letter.charCodeAt(0) - CLASS_LETTER_A, Number(quantised) * file.step);
    weights.set(line.slice(0, tab), Float64Array.from(pairs));
  }
  return {
    intents,
    bias: Float64Array.from(file.bias, (q) => q * file.step),
    thresholds: Float64Array.from(file.thresholds),
    urgencyThreshold: file.urgencyThreshold,
    weights,
  };
}

/** The probability of each intent, in the model's class order. */
export function probabilities(model: LinearModel, features: readonly string[]): Float64Array {
  const logits = Float64Array.from(model.bias);
  for (const feature of features) {
    const pairs = model.weights.get(feature);
    if (pairs) for (let i = 0; i < pairs.length; i += 2) logits[pairs[i]] += pairs[i + 1];
  }
  for (let c = 0; c < logits.length; c++) logits[c] = 1 / (1 + Math.exp(-logits[c]));
  return logits;
}

/** What each feature added to one intent's score, strongest push first; features it does not weigh are left out. */
export function contributions(
  model: LinearModel,
  features: readonly string[],
  intentIndex: number,
): { feature: string; weight: number }[] {
  const found: { feature: string; weight: number }[] = [];
  for (const feature of features) {
    const pairs = model.weights.get(feature);
    if (!pairs) continue;
    for (let i = 0; i < pairs.length; i += 2)
      if (pairs[i] === intentIndex) found.push({ feature, weight: pairs[i + 1] });
  }
  return found.sort((a, b) => b.weight - a.weight);
}
