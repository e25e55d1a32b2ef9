// Usage: npm run bench (this half: tsx scripts/bench-engine.ts)
// The intent engine against @nlpjs/nlp + @nlpjs/lang-zh trained on the same training set, in one process. With the
// real corpus in ../shared/corpus: both learn from train-labelled.jsonl plus our written examples (what `npm run
// train` uses), are scored on the held-out labelled.jsonl, and are timed on buyer-utterances.jsonl. Without it, the
// dev corpus (tests/fixtures/intent-dev.jsonl) serves for all three, which only shows the harness works.
// Speed is measured interleaved (engine, nlp.js, engine, nlp.js…) over 5 repeats, and the medians are reported.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { containerBootstrap } from '@nlpjs/core';
import { LangZh } from '@nlpjs/lang-zh';
import { Nlp } from '@nlpjs/nlp';
import { classify } from '@/lib/engine/classify';
import { type EvaluationReport, evaluate, type LabelledMessage, parseLabelledLine } from '@/lib/engine/evaluate';
import { INTENTS } from '@/lib/intents';
import { type IntentId, isIntentId } from '@/lib/intents/ids';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = `${ROOT}../shared/corpus`;
const DEV_CORPUS = `${ROOT}tests/fixtures/intent-dev.jsonl`;
const REAL_TRAINING = `${SHARED}/train-labelled.jsonl`;
const REAL_HELD_OUT = `${SHARED}/labelled.jsonl`;
const REAL_MESSAGES = `${SHARED}/buyer-utterances.jsonl`;
/** nlp.js has no “no intent” of its own that it learns; null examples train this one. */
const NLPJS_NONE = 'none';
const REPEATS = 5;

/**
 * A full garbage collection before each measured pass: in one process, one contender's garbage would otherwise be
 * collected during the other's pass (nlp.js leaves a lot). The flag must be set before the first use of `gc`.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

const labelled = (file: string): LabelledMessage[] => lines(file).map(parseLabelledLine);

const hasReal = [REAL_TRAINING, REAL_HELD_OUT, REAL_MESSAGES].every((file) => existsSync(file));
const dev = labelled(DEV_CORPUS);
const written = [
  ...dev,
  ...INTENTS.flatMap((intent) => intent.examples.positive.map((text) => ({ text, label: intent.id }))),
];
const training = hasReal ? [...labelled(REAL_TRAINING), ...written] : written;
const scored = hasReal ? labelled(REAL_HELD_OUT) : dev;
const messages = hasReal
  ? lines(REAL_MESSAGES).map((line) => (JSON.parse(line) as { text: string }).text)
  : dev.map((m) => m.text);

/** nlp.js answers with a promise, the engine synchronously; awaiting only promises keeps the engine's timing honest. */
type Classifier = (text: string) => IntentId | null | Promise<IntentId | null>;

async function trainNlpJs(): Promise<Classifier> {
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangZh);
  const nlp = container.get('nlp');
  nlp.settings.autoSave = false;
  nlp.settings.log = false;
  nlp.addLanguage('zh');
  for (const m of training) nlp.addDocument('zh', m.text, m.label ?? NLPJS_NONE);
  const quiet = console.log;
  console.log = () => {};
  try {
    await nlp.train();
  } finally {
    console.log = quiet;
  }
  return async (text) => {
    const { intent } = await nlp.process('zh', text);
    return isIntentId(intent) ? intent : null;
  };
}

const engine: Classifier = (text) => classify(text).intent;

/** Only a promise is awaited: awaiting the engine's plain answer would add a microtask turn to each of its messages. */
function pending(result: IntentId | null | Promise<IntentId | null>): Promise<IntentId | null> | null {
  return result instanceof Promise ? result : null;
}

async function run(classifier: Classifier, text: string): Promise<IntentId | null> {
  const result = classifier(text);
  return pending(result) ?? (result as IntentId | null);
}

/** Messages per second over one whole pass, without per-message clocks (whose cost is not negligible next to µs). */
async function throughput(classifier: Classifier): Promise<number> {
  collectGarbage();
  const started = process.hrtime.bigint();
  for (const text of messages) {
    const promise = pending(classifier(text));
    if (promise) await promise;
  }
  return messages.length / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** Per-message latency over one pass, in milliseconds: p50 and p99. */
async function latency(classifier: Classifier): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  collectGarbage();
  for (const text of messages) {
    const started = process.hrtime.bigint();
    const promise = pending(classifier(text));
    if (promise) await promise;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

async function quality(classifier: Classifier): Promise<EvaluationReport> {
  const outcomes = [];
  for (const m of scored) outcomes.push({ label: m.label, also: m.also, predicted: await run(classifier, m.text) });
  return evaluate(outcomes);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Runs {
  rate: number[];
  p50: number[];
  p99: number[];
}

const nlpjs = await trainNlpJs();
const contenders: [string, Classifier][] = [
  ['huashu engine', engine],
  ['nlp.js (zh)', nlpjs],
];
// Warm-up: one pass each, so neither pays for its JIT inside a measured pass.
for (const [, classifier] of contenders) await throughput(classifier);
const runs: Runs[] = contenders.map(() => ({ rate: [], p50: [], p99: [] }));
for (let repeat = 0; repeat < REPEATS; repeat++) {
  for (const [i, [, classifier]] of contenders.entries()) runs[i].rate.push(await throughput(classifier));
  for (const [i, [, classifier]] of contenders.entries()) {
    const { p50, p99 } = await latency(classifier);
    runs[i].p50.push(p50);
    runs[i].p99.push(p99);
  }
}
const reports = [];
for (const [, classifier] of contenders) reports.push(await quality(classifier));

function row(cells: (string | number)[]): string {
  return cells.map((cell, i) => String(cell)[i === 0 ? 'padEnd' : 'padStart'](i === 0 ? 24 : 16)).join('');
}
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

console.log(
  hasReal
    ? `both trained on ${training.length} messages (train-labelled.jsonl + written examples); quality on the ` +
        `${scored.length} held-out messages of labelled.jsonl; speed over ${messages.length} real buyer messages`
    : `no ../shared/corpus: trained, scored and timed on the ${dev.length}-message dev corpus (harness check only)`,
);
console.log(`speed: ${REPEATS} interleaved repeats, medians\n`);
console.log(row(['', ...contenders.map(([name]) => name)]));
console.log(row(['messages/s', ...runs.map((r) => Math.round(median(r.rate)))]));
console.log(row(['latency p50 (ms)', ...runs.map((r) => median(r.p50).toFixed(4))]));
console.log(row(['latency p99 (ms)', ...runs.map((r) => median(r.p99).toFixed(4))]));
console.log(row(['macro-F1 (12 intents)', ...reports.map((r) => pct(r.macroF1))]));
console.log(row(['null false popups', ...reports.map((r) => pct(r.falsePopupRate))]));
console.log(row(['accuracy', ...reports.map((r) => pct(r.accuracy))]));
console.log(`\nspeed-up ×${(median(runs[0].rate) / median(runs[1].rate)).toFixed(1)}`);
