import { shownIntent } from '@/lib/engine/calibrate';
import { continuesPending, orderStateCorrection, SHOUTING } from '@/lib/engine/context';
import { RULE_MARK, ruleFeaturesOf } from '@/lib/engine/features';
import { matchRules } from '@/lib/engine/match';
import {
  type LinearModel,
  loadModel,
  type Scores,
  scoreMessage,
  strongest,
  type WeightsFile,
} from '@/lib/engine/model';
import { capForAnalysis } from '@/lib/engine/normalize';
import { RULES, readRules } from '@/lib/engine/rules';
import type { Classification, ClassifyContext, Evidence, RankedIntent } from '@/lib/engine/types';
import WEIGHTS from '@/lib/engine/weights.json';
import type { IntentId } from '@/lib/intents/ids';

/** Loaded once, when the background first imports the engine; `npm run train` writes the file. */
const MODEL: LinearModel = loadModel(WEIGHTS as WeightsFile);
const ESCALATION = MODEL.intents.indexOf('escalation');

/** Intents below this probability are not worth listing at all, even as runners-up. */
const LISTED = 0.2;
/** How many earlier buyer messages a short follow-up may lean on. */
const HISTORY_DEPTH = 3;
/** How many n-grams 为什么推荐 names, strongest first. */
const NGRAMS_SHOWN = 3;
const FOLLOW_UP_REASON = '上文同一意图';
const URGENCY_REASONS = { escalation: '投诉/转人工的意思明确', shouting: '连续的感叹号/问号' };

const round = (value: number): number => Math.round(value * 1000) / 1000;

interface Reading {
  normalized: string;
  evidence: Evidence[];
  scores: Scores;
  probabilities: number[];
  /** The intent shown for this message alone, and a second request that reaches its own threshold. */
  first: number | null;
  second: number | null;
}

function read(text: string): Reading {
  const { normalized, evidence } = readRules(text);
  const scores = scoreMessage(MODEL, normalized, ruleFeaturesOf(evidence));
  const { probabilities } = scores;
  const first = shownIntent(probabilities, MODEL.thresholds);
  const second = first === null ? null : shownIntent(probabilities, MODEL.thresholds, first);
  return { normalized, evidence, scores, probabilities, first, second };
}

function rankedIntent(reading: Reading, index: number): RankedIntent {
  return { id: MODEL.intents[index], confidence: round(reading.probabilities[index]) };
}

const byConfidence = (a: RankedIntent, b: RankedIntent): number => b.confidence - a.confidence;

/** The intents worth listing, best first, but the one already shown. Plain loops: this runs for every message. */
function ranked(reading: Reading, shown: IntentId | undefined): RankedIntent[] {
  const out: RankedIntent[] = [];
  for (let c = 0; c < reading.probabilities.length; c++)
    if (reading.probabilities[c] >= LISTED && MODEL.intents[c] !== shown) out.push(rankedIntent(reading, c));
  return out.sort(byConfidence);
}

/** An n-gram an agent can read as a word: two or three characters, not a rule feature. */
const isWord = (feature: string): boolean => !feature.startsWith(RULE_MARK) && feature.trim().length >= 2;

/**
 * What 为什么推荐 says of each feature: `字词「…」` for a word, '' for any other feature. Made when a message first
 * has the feature, and kept: naming a word then costs an array read. “ 你们” (at the start of the message) and “你们”
 * read the same to an agent, and get the same words.
 */
const wordLabels: (string | undefined)[] = new Array(MODEL.names.length);

function wordLabel(feature: number): string {
  let label = wordLabels[feature];
  if (label === undefined) {
    const name = MODEL.names[feature];
    label = isWord(name) ? `字词「${name.trim()}」` : '';
    wordLabels[feature] = label;
  }
  return label;
}

const namesWord = (feature: number): boolean => wordLabel(feature) !== '';

/**
 * Why this intent: its own rules that fired, then the words (n-grams of two or three characters; one character says
 * little to an agent) that pushed it up most. Rule features are already said by the rules' own words.
 */
function explain(reading: Reading, index: number): string[] {
  const id = MODEL.intents[index];
  const why: string[] = [];
  for (const evidence of reading.evidence)
    if (evidence.id === id) for (const m of evidence.matched) if (m.weight > 0 && !why.includes(m.why)) why.push(m.why);
  // Each word is named once, though “ 你们” and “你们” may both be among the strongest.
  for (const feature of strongest(MODEL, reading.scores, index, NGRAMS_SHOWN, namesWord)) {
    const named = wordLabel(feature);
    if (!why.includes(named)) why.push(named);
  }
  return why;
}

/** The intent of the buyer's most recent earlier message that had one, within HISTORY_DEPTH messages. */
function pendingIntent(history: readonly string[]): RankedIntent | null {
  for (let i = history.length - 1; i >= Math.max(0, history.length - HISTORY_DEPTH); i--) {
    const reading = read(history[i]);
    if (reading.first !== null) return rankedIntent(reading, reading.first);
  }
  return null;
}

/** Whether this message, with no intent of its own, continues the earlier question (see lib/engine/context.ts). */
function continues(reading: Reading, pending: RankedIntent): boolean {
  const index = MODEL.intents.indexOf(pending.id);
  const followUpCue = matchRules(RULES, reading.normalized, pending.id).some(
    (e) => e.id === pending.id && e.matched.some((m) => m.followUp && m.weight > 0),
  );
  return continuesPending(reading.normalized, followUpCue, reading.probabilities[index] / MODEL.thresholds[index]);
}

interface Decision {
  intent: RankedIntent | null;
  matched: string[];
  followUp: boolean;
}

function decide(reading: Reading, pending: RankedIntent | null): Decision {
  if (reading.first !== null)
    return { intent: rankedIntent(reading, reading.first), matched: explain(reading, reading.first), followUp: false };
  if (pending !== null && continues(reading, pending))
    return { intent: pending, matched: [FOLLOW_UP_REASON], followUp: true };
  return { intent: null, matched: [], followUp: false };
}

/** A parcel that has not shipped cannot be tracked, and so on: the order's state settles what words leave open. */
function withOrderState(decision: Decision, context: ClassifyContext): Decision {
  if (decision.intent === null || !context.orderNode) return decision;
  const correction = orderStateCorrection(decision.intent.id, context.orderNode);
  if (!correction) return decision;
  return {
    ...decision,
    intent: { id: correction.to, confidence: decision.intent.confidence },
    matched: [...decision.matched, correction.why],
  };
}

/**
 * Classifies one buyer message. `history` holds the buyer's earlier messages in this conversation, oldest first: a
 * short follow-up (还没发？, 那什么时候到, 在吗) is read as continuing the latest earlier question.
 * `context.orderNode`, the state of the order in question, settles what the words leave open. Pure and synchronous.
 */
export function classify(text: string, history: readonly string[] = [], context: ClassifyContext = {}): Classification {
  const reading = read(text);
  const pending = history.length > 0 ? pendingIntent(history) : null;
  const { intent, matched, followUp } = withOrderState(decide(reading, pending), context);
  const escalating = reading.probabilities[ESCALATION] >= MODEL.urgencyThreshold;
  const shouting = intent !== null && SHOUTING.test(capForAnalysis(text));
  const others = ranked(reading, intent?.id);
  return {
    intent: intent?.id ?? null,
    confidence: intent?.confidence ?? 0,
    intents: intent ? [intent, ...others] : others,
    matched,
    second: reading.second === null || followUp ? null : rankedIntent(reading, reading.second),
    urgent: escalating || shouting,
    urgency: [...(escalating ? [URGENCY_REASONS.escalation] : []), ...(shouting ? [URGENCY_REASONS.shouting] : [])],
    followUp,
    pending: intent === null ? (pending?.id ?? null) : null,
  };
}

/** The thresholds the popup uses, by intent: for tests and tools that explain the engine's choices. */
export function thresholdOf(id: IntentId): number {
  return MODEL.thresholds[MODEL.intents.indexOf(id)];
}
