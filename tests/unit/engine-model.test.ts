import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrateThreshold, type OperatingPoint, shownIntent, tradeOff } from '@/lib/engine/calibrate';
import { ngramsOf, ruleFeaturesOf } from '@/lib/engine/features';
import { loadModel, probabilities, scoreMessage, strongest, type WeightsFile } from '@/lib/engine/model';
import { readMessage } from '@/lib/engine/rules';
import { quantise, seededRandom, type TrainingExample, trainLogistic } from '@/lib/engine/train';
import WEIGHTS from '@/lib/engine/weights.json';
import { INTENT_IDS } from '@/lib/intents/ids';

/** A toy task: “发货” means intent 0, “发票” intent 1, anything else no intent. */
const TOY: TrainingExample[] = [
  ...['什么时候发货', '还没发货', '快点发货', '发货了吗'].map((text) => ({ features: ngramsOf(text), positives: [0] })),
  ...['开发票', '发票抬头', '要发票', '发票呢'].map((text) => ({ features: ngramsOf(text), positives: [1] })),
  ...['你好', '谢谢', '好的', '在吗'].map((text) => ({ features: ngramsOf(text), positives: [] })),
];
const OPTIONS = { epochs: 30, alpha: 0.5, beta: 1, l1: 0.1, l2: 0.1, minCount: 1, seed: 1 };

describe('features', () => {
  it('reads distinct 1–3 character n-grams, framed so the start and end of a message count', () => {
    expect(ngramsOf('在吗')).toEqual(['在', '吗', ' 在', '在吗', '吗 ', ' 在吗', '在吗 ']);
  });

  it('names every rule that fired and the levels its intent’s score reaches', () => {
    const evidence = [
      {
        id: 'invoice' as const,
        score: 3.5,
        matched: [{ why: '“发票”', weight: 3.5, followUp: false, feature: '@invoice:“发票”' }],
      },
    ];
    expect(ruleFeaturesOf(evidence)).toEqual(['@invoice:“发票”', '@invoice≥1', '@invoice≥2', '@invoice≥3']);
  });
});

describe('training', () => {
  it('is deterministic: the same examples and seed give the same weights', () => {
    const first = quantise(trainLogistic(TOY, 2, OPTIONS), ['ship_urge', 'invoice'], 0.05, [0.5, 0.5], 0.5);
    const second = quantise(trainLogistic(TOY, 2, OPTIONS), ['ship_urge', 'invoice'], 0.05, [0.5, 0.5], 0.5);
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));
  });

  it('learns the toy task, and the quantised file reads back into the same decisions', () => {
    const model = loadModel(quantise(trainLogistic(TOY, 2, OPTIONS), ['ship_urge', 'invoice'], 0.05, [0.5, 0.5], 0.5));
    expect(shownIntent(probabilities(model, ngramsOf('发货没')), model.thresholds)).toBe(0);
    expect(shownIntent(probabilities(model, ngramsOf('发票没')), model.thresholds)).toBe(1);
    expect(shownIntent(probabilities(model, ngramsOf('好')), model.thresholds)).toBeNull();
    const twoCharacters = (feature: number) => model.names[feature].length === 2;
    const [best] = strongest(model, scoreMessage(model, '发货没', []), 0, 1, twoCharacters);
    expect(model.names[best]).toBe('发货');
  });

  it('draws the same numbers from the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe('calibration', () => {
  const point = (threshold: number, precision: number, recall: number, predicted = 10): OperatingPoint => ({
    threshold,
    precision,
    recall,
    predicted,
  });

  it('takes the lowest threshold that reaches the first target precision the data allows', () => {
    const points = [point(0.3, 0.8, 0.9), point(0.5, 0.91, 0.8), point(0.7, 0.96, 0.6), point(0.9, 0.97, 0.4)];
    expect(calibrateThreshold(points, { precisions: [0.95], minPredicted: 5 })).toBe(0.7);
    expect(calibrateThreshold(points, { precisions: [0.99, 0.9], minPredicted: 5 })).toBe(0.5);
  });

  it('ignores precision measured on too few popups, and falls back to the best F1', () => {
    const points = [point(0.3, 0.7, 0.9), point(0.5, 0.75, 0.5), point(0.9, 1, 0.1, 2)];
    expect(calibrateThreshold(points, { precisions: [0.95], minPredicted: 5 })).toBe(0.3);
  });

  it('measures precision and recall of an intent shown as the top one', () => {
    const scored = [
      { probabilities: [0.9, 0.1], correct: [0] },
      { probabilities: [0.6, 0.1], correct: [] },
      { probabilities: [0.2, 0.7], correct: [0] },
    ];
    const at = (t: number) => tradeOff(scored, 0).find((p) => Math.abs(p.threshold - t) < 1e-9);
    expect(at(0.5)).toEqual({ threshold: 0.5, precision: 0.5, recall: 0.5, predicted: 2 });
    expect(at(0.8)).toEqual({ threshold: 0.8, precision: 1, recall: 0.5, predicted: 1 });
  });
});

describe('the committed weights', () => {
  it('score a message by walking its n-grams exactly as the training script scores its feature list', () => {
    const model = loadModel(WEIGHTS as WeightsFile);
    const texts = readFileSync(new URL('../fixtures/intent-dev.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    for (const text of texts) {
      const { normalized, evidence, features } = readMessage(text);
      const walked = scoreMessage(model, normalized, ruleFeaturesOf(evidence)).probabilities;
      const listed = probabilities(model, features);
      for (const [c, p] of walked.entries()) expect(p, text).toBeCloseTo(listed[c], 12);
    }
  });

  it('cover every intent, in the order of INTENT_IDS, with a threshold each', () => {
    expect(WEIGHTS.intents).toEqual([...INTENT_IDS]);
    expect(WEIGHTS.thresholds).toHaveLength(INTENT_IDS.length);
    for (const t of WEIGHTS.thresholds) expect(t).toBeGreaterThan(0);
  });

  it('stay compact: under 128 kB of UTF-8', () => {
    expect(new TextEncoder().encode(JSON.stringify(WEIGHTS)).length).toBeLessThan(128 * 1024);
  });
});
