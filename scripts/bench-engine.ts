// Usage: npm run bench (this half: tsx scripts/bench-engine.ts)
// Throughput and per-message latency of the intent engine over the real buyer corpus in ../shared/corpus when it is
// there (else the dev corpus), and, in the same run, @nlpjs/nlp + @nlpjs/lang-zh trained on the same dev corpus:
// accuracy, macro-F1 and throughput of both on the same labelled data.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { containerBootstrap } from '@nlpjs/core';
import { LangZh } from '@nlpjs/lang-zh';
import { Nlp } from '@nlpjs/nlp';
import { classify } from '@/lib/engine/classify';
import { type EvaluationReport, evaluate, type LabelledMessage, parseLabelledLine } from '@/lib/engine/evaluate';
import { type IntentId, isIntentId } from '@/lib/intents/ids';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = `${ROOT}../shared/corpus`;
const DEV_CORPUS = `${ROOT}tests/fixtures/intent-dev.jsonl`;
const REAL_MESSAGES = `${SHARED}/buyer-utterances.jsonl`;
const REAL_LABELLED = `${SHARED}/labelled.jsonl`;
/** nlp.js has no “no intent” of its own that it learns; null examples train this one. */
const NLPJS_NONE = 'none';

function jsonLines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

function labelled(file: string): LabelledMessage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(parseLabelledLine);
}

const dev = labelled(DEV_CORPUS);
const hasReal = existsSync(REAL_MESSAGES) && existsSync(REAL_LABELLED);
const messages = hasReal
  ? jsonLines(REAL_MESSAGES).map((row) => (row as { text: string }).text)
  : dev.map((m) => m.text);
const scored = hasReal ? labelled(REAL_LABELLED) : dev;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Latency {
  p50: number;
  p99: number;
}

/** nlp.js answers with a promise, the engine synchronously; awaiting only promises keeps the engine's timing honest. */
type Classifier = (text: string) => unknown;

function pending(result: unknown): Promise<unknown> | null {
  return result instanceof Promise ? result : null;
}

/** Times `run` once per message, after a warm-up pass; latencies in milliseconds. */
async function latency(texts: string[], run: Classifier, passes: number): Promise<Latency> {
  for (const text of texts) await pending(run(text));
  const latencies: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const text of texts) {
      const started = process.hrtime.bigint();
      const result = pending(run(text));
      if (result) await result;
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/**
 * Messages per second over whole passes, without per-message clocks (whose own cost is not negligible next to a
 * few microseconds). The fastest pass counts: on a shared machine the slower ones measure the neighbours.
 */
async function throughput(texts: string[], run: Classifier, passes: number): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < passes; pass++) {
    const started = process.hrtime.bigint();
    for (const text of texts) {
      const result = pending(run(text));
      if (result) await result;
    }
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return texts.length / fastest;
}

async function trainNlpJs() {
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangZh);
  const nlp = container.get('nlp');
  nlp.settings.autoSave = false;
  nlp.settings.log = false;
  nlp.addLanguage('zh');
  for (const m of dev) nlp.addDocument('zh', m.text, m.label ?? NLPJS_NONE);
  const quiet = console.log;
  console.log = () => {};
  try {
    await nlp.train();
  } finally {
    console.log = quiet;
  }
  return async (text: string): Promise<IntentId | null> => {
    const { intent } = await nlp.process('zh', text);
    return isIntentId(intent) ? intent : null;
  };
}

function row(cells: (string | number)[]): string {
  return cells.map((cell, i) => String(cell)[i === 0 ? 'padEnd' : 'padStart'](i === 0 ? 22 : 14)).join('');
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

const engineLatency = await latency(messages, (text) => classify(text), 3);
const engineRate = await throughput(messages, (text) => classify(text), 7);
const engineReport: EvaluationReport = evaluate(
  scored.map((m) => ({ label: m.label, predicted: classify(m.text).intent })),
);

const nlpjs = await trainNlpJs();
const nlpLatency = await latency(messages, nlpjs, 1);
const nlpRate = await throughput(messages, nlpjs, 3);
const nlpOutcomes = [];
for (const m of scored) nlpOutcomes.push({ label: m.label, predicted: await nlpjs(m.text) });
const nlpReport = evaluate(nlpOutcomes);

console.log(
  `speed over ${messages.length} messages (${hasReal ? 'real buyer corpus' : 'dev corpus'}); ` +
    `quality on ${scored.length} labelled messages (${hasReal ? 'real labelled subset' : 'dev corpus'}); ` +
    `nlp.js trained on the ${dev.length}-message dev corpus\n`,
);
console.log(row(['', 'huashu engine', 'nlp.js (zh)']));
console.log(row(['messages/s', Math.round(engineRate), Math.round(nlpRate)]));
console.log(row(['latency p50 (ms)', engineLatency.p50.toFixed(4), nlpLatency.p50.toFixed(4)]));
console.log(row(['latency p99 (ms)', engineLatency.p99.toFixed(4), nlpLatency.p99.toFixed(4)]));
console.log(row(['accuracy', pct(engineReport.accuracy), pct(nlpReport.accuracy)]));
console.log(row(['macro-F1 (12 intents)', pct(engineReport.macroF1), pct(nlpReport.macroF1)]));
console.log(row(['null false popups', pct(engineReport.falsePopupRate), pct(nlpReport.falsePopupRate)]));
console.log(`\nspeed-up ×${(engineRate / nlpRate).toFixed(1)}`);
