import { INTENT_IDS, type IntentId, isIntentId } from '@/lib/intents/ids';

/** One labelled message: `label` is an intent id or null (no intent). */
export interface LabelledMessage {
  text: string;
  label: IntentId | null;
  /** Other intents that also fit a message with two requests: predicting one of them is right too. */
  also?: IntentId[];
  history?: string[];
}

export interface Outcome {
  label: IntentId | null;
  predicted: IntentId | null;
  also?: readonly IntentId[];
}

interface IntentMetrics {
  id: IntentId;
  precision: number;
  recall: number;
  f1: number;
  /** How many messages carry this label. */
  support: number;
  /** How many messages were given this intent. */
  predicted: number;
}

export interface EvaluationReport {
  total: number;
  accuracy: number;
  perIntent: IntentMetrics[];
  /** Mean F1 over the 12 intents (null is not an intent and has no F1 of its own). */
  macroF1: number;
  nullCount: number;
  /** Share of null messages that were given an intent: each would be a wrong popup. */
  falsePopupRate: number;
  /** confusion[label][predicted], both keyed by id or 'null'. */
  confusion: Record<string, Record<string, number>>;
}

const NULL_KEY = 'null';
const keyOf = (id: IntentId | null): string => id ?? NULL_KEY;

/** Reads a JSONL line `{"text", "label", "also"?, "history"?}`; labels must be intent ids (label may be null). */
export function parseLabelledLine(line: string): LabelledMessage {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null) throw new Error(`Not a JSON object: ${line}`);
  const { text, label, also, history } = value as Record<string, unknown>;
  if (typeof text !== 'string') throw new Error(`No text: ${line}`);
  if (label !== null && !isIntentId(label)) throw new Error(`Unknown label ${String(label)}: ${line}`);
  const message: LabelledMessage = { text, label };
  if (Array.isArray(also) && also.length > 0) {
    const unknown = also.find((id) => !isIntentId(id));
    if (unknown !== undefined) throw new Error(`Unknown label ${String(unknown)} in also: ${line}`);
    message.also = also as IntentId[];
  }
  if (Array.isArray(history)) message.history = history.filter((h): h is string => typeof h === 'string');
  return message;
}

/** A prediction listed in `also` is as right as the label itself. */
function creditedLabel({ label, predicted, also }: Outcome): IntentId | null {
  return predicted !== null && also?.includes(predicted) ? predicted : label;
}

function ratio(numerator: number, denominator: number, whenEmpty: number): number {
  return denominator === 0 ? whenEmpty : numerator / denominator;
}

export function evaluate(outcomes: readonly Outcome[]): EvaluationReport {
  const keys = [...INTENT_IDS, NULL_KEY];
  const confusion: Record<string, Record<string, number>> = {};
  for (const row of keys) confusion[row] = Object.fromEntries(keys.map((column) => [column, 0]));
  for (const outcome of outcomes) confusion[keyOf(creditedLabel(outcome))][keyOf(outcome.predicted)] += 1;

  const perIntent = INTENT_IDS.map((id): IntentMetrics => {
    const truePositives = confusion[id][id];
    const support = keys.reduce((sum, column) => sum + confusion[id][column], 0);
    const predicted = keys.reduce((sum, row) => sum + confusion[row][id], 0);
    // An intent never predicted made no false popup: precision 1 (recall then shows the miss).
    const precision = ratio(truePositives, predicted, 1);
    const recall = ratio(truePositives, support, 1);
    const f1 = ratio(2 * precision * recall, precision + recall, 0);
    return { id, precision, recall, f1, support, predicted };
  });

  const correct = outcomes.filter((o) => creditedLabel(o) === o.predicted).length;
  const nullCount = outcomes.filter((o) => o.label === null).length;
  const falsePopups = outcomes.filter((o) => o.label === null && o.predicted !== null).length;
  return {
    total: outcomes.length,
    accuracy: ratio(correct, outcomes.length, 0),
    perIntent,
    macroF1: perIntent.reduce((sum, m) => sum + m.f1, 0) / perIntent.length,
    nullCount,
    falsePopupRate: ratio(falsePopups, nullCount, 0),
    confusion,
  };
}

const pct = (value: number): string => (value * 100).toFixed(1).padStart(6);

/** A plain-text report: per-intent table, summary, confusion table (rows = label, columns = predicted). */
export function formatReport(report: EvaluationReport): string {
  const lines = ['intent            P      R     F1  support  predicted'];
  for (const m of report.perIntent) {
    lines.push(
      `${m.id.padEnd(16)}${pct(m.precision)} ${pct(m.recall)} ${pct(m.f1)} ${String(m.support).padStart(8)} ${String(m.predicted).padStart(10)}`,
    );
  }
  lines.push(
    '',
    `messages ${report.total}   accuracy ${pct(report.accuracy).trim()}%   macro-F1 ${pct(report.macroF1).trim()}%`,
    `null messages ${report.nullCount}   given an intent (false popups) ${pct(report.falsePopupRate).trim()}%`,
    '',
    'confusion (rows = label, columns = predicted)',
  );
  const keys = [...INTENT_IDS, NULL_KEY];
  const short = (key: string): string => key.slice(0, 6).padStart(7);
  lines.push(`${''.padEnd(16)}${keys.map(short).join('')}`);
  for (const row of keys) {
    lines.push(
      `${row.padEnd(16)}${keys.map((column) => String(report.confusion[row][column] || '.').padStart(7)).join('')}`,
    );
  }
  return lines.join('\n');
}
