// Usage: npm run train
// Trains the intent model on the real buyer messages in ../shared/corpus/train-labelled.jsonl (plus our own written
// examples: tests/fixtures/intent-dev.jsonl and the intents' positive examples), prints 5-fold cross-validated figures
// and writes lib/engine/weights.json. Deterministic: a second run writes the same bytes.
// labelled.jsonl is the held-out test set: this script never reads it (measure it with `npm run eval`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  type CalibrationTarget,
  calibrateThreshold,
  type OperatingPoint,
  type ScoredMessage,
  shownIntent,
  tradeOff,
} from '@/lib/engine/calibrate';
import {
  type EvaluationReport,
  evaluate,
  formatReport,
  type LabelledMessage,
  parseLabelledLine,
} from '@/lib/engine/evaluate';
import { anchorCacheOf } from '@/lib/engine/match';
import { type LinearModel, loadModel, probabilities, type WeightsFile } from '@/lib/engine/model';
import { RULES, readMessage } from '@/lib/engine/rules';
import {
  quantise,
  seededRandom,
  shuffled,
  type TrainingExample,
  type TrainingOptions,
  trainLogistic,
} from '@/lib/engine/train';
import { INTENTS } from '@/lib/intents';
import { INTENT_IDS, type IntentId } from '@/lib/intents/ids';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = `${ROOT}../shared/corpus/train-labelled.jsonl`;
const DEV_CORPUS = `${ROOT}tests/fixtures/intent-dev.jsonl`;
const WEIGHTS = `${ROOT}lib/engine/weights.json`;
const RULE_ANCHORS = `${ROOT}lib/engine/rule-anchors.json`;

/** Chosen on cross-validation of train-labelled.jsonl only (see the closing note of the intent engine v2 issue). */
const OPTIONS: TrainingOptions = { epochs: 20, alpha: 0.3, beta: 1, l1: 8, l2: 1, minCount: 2, seed: 20261129 };
/** Weights are stored as multiples of this; coarser steps cost macro-F1, finer ones only add bytes. */
const WEIGHT_STEP = 0.05;
const FOLDS = 5;
const TARGET: CalibrationTarget = { precisions: [0.95, 0.9, 0.85, 0.8], minPredicted: 5 };
const LEARNING_CURVE = [0.25, 0.5, 0.75, 1];
const WRITTEN_EXAMPLE_WEIGHT = 2;

interface Example extends TrainingExample {
  message: LabelledMessage;
}

function labelledLines(file: string): LabelledMessage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(parseLabelledLine);
}

function example(message: LabelledMessage): Example {
  const ids = [message.label, ...(message.also ?? [])].filter((id): id is IntentId => id !== null);
  return { features: readMessage(message.text).features, positives: ids.map((id) => INTENT_IDS.indexOf(id)), message };
}

/** Folds stratified by label: each holds about a fifth of every intent, so rare intents are tested in every fold. */
function assignFolds(examples: readonly Example[], random: () => number): number[] {
  const folds = new Array<number>(examples.length);
  const byLabel = new Map<string, number[]>();
  for (const i of shuffled(
    examples.map((_, i) => i),
    random,
  )) {
    const key = examples[i].message.label ?? 'null';
    byLabel.set(key, [...(byLabel.get(key) ?? []), i]);
  }
  let next = 0;
  for (const key of [...byLabel.keys()].sort()) for (const i of byLabel.get(key) ?? []) folds[i] = next++ % FOLDS;
  return folds;
}

const NO_THRESHOLDS = INTENT_IDS.map(() => 0.5);
const ESCALATION = INTENT_IDS.indexOf('escalation');

function trainWeights(examples: readonly TrainingExample[], thresholds = NO_THRESHOLDS, urgency = 0.5): WeightsFile {
  return quantise(trainLogistic(examples, INTENT_IDS.length, OPTIONS), INTENT_IDS, WEIGHT_STEP, thresholds, urgency);
}

function scored(model: LinearModel, examples: readonly Example[]): ScoredMessage[] {
  return examples.map((e) => ({ probabilities: probabilities(model, e.features), correct: e.positives }));
}

function calibrate(scoredMessages: readonly ScoredMessage[]): number[] {
  return INTENT_IDS.map((_, c) => calibrateThreshold(tradeOff(scoredMessages, c), TARGET));
}

function report(examples: readonly Example[], scoredMessages: readonly ScoredMessage[], thresholds: number[][]) {
  return evaluate(
    examples.map((e, i) => {
      const shown = shownIntent(scoredMessages[i].probabilities, thresholds[i]);
      return { label: e.message.label, also: e.message.also, predicted: shown === null ? null : INTENT_IDS[shown] };
    }),
  );
}

/**
 * Out-of-fold probabilities for every corpus message: each fold is scored by a model that never saw it. `within`
 * limits training to some messages (a learning-curve subset, or the outer training part of a nested run).
 */
function outOfFold(
  corpus: readonly Example[],
  folds: readonly number[],
  extra: readonly Example[],
  within = (_: number) => true,
) {
  const out = new Array<ScoredMessage>(corpus.length);
  for (const fold of new Set(folds.filter((_, i) => within(i)))) {
    const training = [...corpus.filter((_, i) => within(i) && folds[i] !== fold), ...extra];
    const model = loadModel(trainWeights(training));
    corpus.forEach((e, i) => {
      if (within(i) && folds[i] === fold) out[i] = scored(model, [e])[0];
    });
  }
  return out;
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

function printTradeOff(scoredMessages: readonly ScoredMessage[], thresholds: readonly number[]) {
  const shownAt = [0.3, 0.5, 0.7, 0.9];
  console.log('\nprecision/recall trade-off per intent (out-of-fold; P/R at thresholds, * = the calibrated one)');
  console.log(`${'intent'.padEnd(16)}${shownAt.map((t) => `   t=${t.toFixed(1)}   `).join('')}   calibrated`);
  INTENT_IDS.forEach((id, c) => {
    const points = tradeOff(scoredMessages, c);
    const at = (t: number) => points.find((p) => Math.abs(p.threshold - t) < 1e-9) as OperatingPoint;
    const cell = (p: OperatingPoint) => `${p.precision.toFixed(2)}/${p.recall.toFixed(2)}`;
    const chosen = at(thresholds[c]);
    console.log(
      `${id.padEnd(16)}${shownAt.map((t) => `  ${cell(at(t))}  `).join('')}  *${thresholds[c].toFixed(2)} ${cell(chosen)}`,
    );
  });
}

function summary(name: string, result: EvaluationReport): string {
  return `${name.padEnd(18)} macro-F1 ${pct(result.macroF1)}   null messages given an intent ${pct(result.falsePopupRate)}`;
}

if (!existsSync(CORPUS)) {
  console.error(
    `npm run train needs the real buyer corpus at ${CORPUS} (it is not part of the project).\n` +
      'Nothing was written. npm test does not need it: it uses the committed lib/engine/weights.json.',
  );
  process.exit(1);
}

const started = Date.now();
const corpus = labelledLines(CORPUS).map(example);
const corpusTexts = new Set(corpus.map((e) => e.message.text));
const written = [
  ...labelledLines(DEV_CORPUS),
  ...INTENTS.flatMap((intent) => intent.examples.positive.map((text) => ({ text, label: intent.id }))),
];
const seen = new Set<string>();
// Our own examples always train; a text the corpus also has keeps its corpus label. They are clean, unambiguous
// messages and count WRITTEN_EXAMPLE_WEIGHT times: the model should be sure of them.
const unique = written.filter((m) => !corpusTexts.has(m.text) && !seen.has(m.text) && seen.add(m.text)).map(example);
const extra = unique.flatMap((e) => Array.from({ length: WRITTEN_EXAMPLE_WEIGHT }, () => e));
const folds = assignFolds(corpus, seededRandom(OPTIONS.seed));
console.log(
  `training on ${corpus.length} corpus messages + ${unique.length} written examples (×${WRITTEN_EXAMPLE_WEIGHT}); ${FOLDS}-fold cross-validation, seed ${OPTIONS.seed}\n`,
);

// Nested: the thresholds that judge fold k are calibrated on the other folds only, so the figures are not tuned on
// what they measure.
const outer = outOfFold(corpus, folds, extra);
const nestedThresholds = new Array<number[]>(corpus.length);
for (let fold = 0; fold < FOLDS; fold++) {
  const inner = outOfFold(corpus, folds, extra, (i) => folds[i] !== fold);
  const thresholds = calibrate(inner.filter((_, i) => folds[i] !== fold));
  corpus.forEach((_, i) => {
    if (folds[i] === fold) nestedThresholds[i] = thresholds;
  });
}
console.log('cross-validated, thresholds calibrated on the other folds (the figures to quote)');
console.log(formatReport(report(corpus, outer, nestedThresholds)));

const thresholds = calibrate(outer);
printTradeOff(outer, thresholds);
const urgency = tradeOff(outer, ESCALATION, true);
const urgencyThreshold = calibrateThreshold(urgency, TARGET);
const urgencyPoint = urgency.find((p) => p.threshold === urgencyThreshold) as OperatingPoint;
const falseUrgent = outer.filter((m) => m.correct.length === 0 && m.probabilities[ESCALATION] >= urgencyThreshold);
console.log(
  `\nurgent flag (escalation probability, whatever intent is shown) from ${urgencyThreshold}: precision ` +
    `${pct(urgencyPoint.precision)}, recall ${pct(urgencyPoint.recall)} of messages labelled or also escalation; ` +
    `${pct(falseUrgent.length / corpus.filter((e) => e.positives.length === 0).length)} of null messages flagged`,
);

console.log('\nlearning curve: cross-validated macro-F1 by share of the corpus used for training');
console.log(
  '(each fold trains on that share of the other folds; thresholds calibrated on that run’s own out-of-fold scores).\n' +
    'Our written examples always train, which flattens the curve; “corpus only” leaves them out and shows what more\n' +
    'real labels would add.',
);
for (const withWritten of [true, false]) {
  for (const share of LEARNING_CURVE) {
    const random = seededRandom(OPTIONS.seed + Math.round(share * 100));
    const kept = new Set(
      shuffled(
        corpus.map((_, i) => i),
        random,
      ).slice(0, Math.round(share * corpus.length)),
    );
    const partial = new Array<ScoredMessage>(corpus.length);
    for (let fold = 0; fold < FOLDS; fold++) {
      const training = [...corpus.filter((_, i) => kept.has(i) && folds[i] !== fold), ...(withWritten ? extra : [])];
      const model = loadModel(trainWeights(training));
      corpus.forEach((e, i) => {
        if (folds[i] === fold) partial[i] = scored(model, [e])[0];
      });
    }
    const own = calibrate(partial);
    const name = `${share * 100}%${withWritten ? '' : ' corpus only'}`;
    console.log(
      summary(
        name,
        report(
          corpus,
          partial,
          corpus.map(() => own),
        ),
      ),
    );
  }
}

const weights = trainWeights([...corpus, ...extra], thresholds, urgencyThreshold);
const json = `${JSON.stringify(weights)}\n`;
writeFileSync(WEIGHTS, json);
console.log(
  `\nwrote ${WEIGHTS}: ${weights.features.split('\n').length} features, ${Buffer.byteLength(json)} bytes, ${gzipSync(json).length} bytes gzipped` +
    ` (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
writeFileSync(RULE_ANCHORS, `${JSON.stringify(anchorCacheOf(RULES))}\n`);
console.log(`wrote ${RULE_ANCHORS}: the rules' anchors, worked out here rather than when the service worker starts`);
console.log(`thresholds: ${INTENT_IDS.map((id, c) => `${id} ${thresholds[c]}`).join(', ')}`);
