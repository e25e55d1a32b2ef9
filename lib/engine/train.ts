import { CLASS_BITS, type WeightsFile } from '@/lib/engine/model';
import type { IntentId } from '@/lib/intents/ids';

/**
 * Training of the one-vs-rest logistic model; scripts/train.ts drives it. Small and deterministic: the same examples
 * in the same order with the same seed give the same weights, bit for bit.
 */

export interface TrainingExample {
  features: readonly string[];
  /** Indexes of the intents this message asks for (its label and its `also`); empty for a no-intent message. */
  positives: readonly number[];
}

export interface TrainingOptions {
  epochs: number;
  /** FTRL learning rate α and its smoothing β. */
  alpha: number;
  beta: number;
  /** L1 penalty: drives the weights of features that do not help to exactly zero, which keeps the file small. */
  l1: number;
  /** L2 penalty, against weights that fit only a handful of messages. */
  l2: number;
  /** A feature seen in fewer training messages gets no weight: it could only learn one message by heart. */
  minCount: number;
  seed: number;
}

/** Mulberry32: a tiny seeded generator, so folds and the order of updates are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface FloatModel {
  classCount: number;
  vocabulary: string[];
  /** weights[feature × classCount + class] */
  weights: Float64Array;
  bias: Float64Array;
}

function vocabularyOf(examples: readonly TrainingExample[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const { features } of examples) for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, count]) => count >= minCount).map(([feature]) => feature);
  return vocabulary.sort();
}

/**
 * One logistic regression per intent, trained by FTRL-Proximal: per-weight learning rates suit sparse binary
 * features, and its L1 step leaves exact zeros. Features are binary (present or not).
 */
export function trainLogistic(
  examples: readonly TrainingExample[],
  classCount: number,
  options: TrainingOptions,
): FloatModel {
  const vocabulary = vocabularyOf(examples, options.minCount);
  const index = new Map(vocabulary.map((feature, i) => [feature, i]));
  const encoded = examples.map(({ features, positives }) => {
    const known = features.flatMap((f) => {
      const i = index.get(f);
      return i === undefined ? [] : [i];
    });
    const target = new Float64Array(classCount);
    for (const c of positives) target[c] = 1;
    return { known, target };
  });

  const size = vocabulary.length * classCount;
  // FTRL state per weight: z (gradients minus the part already absorbed) and n (sum of squared gradients).
  const z = new Float64Array(size);
  const n = new Float64Array(size);
  const weights = new Float64Array(size);
  const bias = new Float64Array(classCount);
  const biasSquares = new Float64Array(classCount).fill(1e-8);
  const { alpha, beta, l1, l2 } = options;
  const weightOf = (k: number): number => {
    const zk = z[k];
    if (Math.abs(zk) <= l1) return 0;
    return -(zk - Math.sign(zk) * l1) / ((beta + Math.sqrt(n[k])) / alpha + l2);
  };

  const random = seededRandom(options.seed);
  const order = encoded.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffled(order, random)) {
      const { known, target } = encoded[i];
      for (let c = 0; c < classCount; c++) {
        let logit = bias[c];
        for (const f of known) {
          const k = f * classCount + c;
          weights[k] = weightOf(k);
          logit += weights[k];
        }
        const error = 1 / (1 + Math.exp(-logit)) - target[c];
        biasSquares[c] += error * error;
        bias[c] -= (alpha * error) / Math.sqrt(biasSquares[c]);
        const squared = error * error;
        for (const f of known) {
          const k = f * classCount + c;
          const sigma = (Math.sqrt(n[k] + squared) - Math.sqrt(n[k])) / alpha;
          z[k] += error - sigma * weights[k];
          n[k] += squared;
        }
      }
    }
  }
  for (let k = 0; k < size; k++) weights[k] = weightOf(k);
  return { classCount, vocabulary, weights, bias };
}

/** Rounds each weight to a multiple of `step`; weights that round to zero are not stored. */
export function quantise(
  model: FloatModel,
  intents: readonly IntentId[],
  step: number,
  thresholds: readonly number[],
  urgencyThreshold: number,
): WeightsFile {
  if (model.classCount > 1 << CLASS_BITS) throw new Error(`At most ${1 << CLASS_BITS} intents fit the weights file`);
  const features: string[] = [];
  const counts: number[] = [];
  const entries: number[] = [];
  model.vocabulary.forEach((feature, f) => {
    let count = 0;
    for (let c = 0; c < model.classCount; c++) {
      const q = Math.round(model.weights[f * model.classCount + c] / step);
      if (q === 0) continue;
      entries.push(q * (1 << CLASS_BITS) + c);
      count++;
    }
    if (count === 0) return;
    features.push(feature);
    counts.push(count);
  });
  return {
    format: 2,
    intents: [...intents],
    step,
    bias: Array.from(model.bias, (b) => Math.round(b / step)),
    thresholds: [...thresholds],
    urgencyThreshold,
    features: features.join('\n'),
    counts,
    entries,
  };
}
