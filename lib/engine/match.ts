import type { Cue, IntentDefinition } from '../intents/define';
import type { IntentId } from '../intents/ids';

/**
 * Shared vocabulary for rule patterns, written `{NAME}` inside a cue's pattern. Kept here so every intent
 * means the same thing by “a question” or “not yet”.
 */
export const MACROS: Record<string, string> = {
  /** Marks a question or a request for information. */
  ASK: '(?:吗|么|嘛|呢|没|\\?|什么|啥|几|多[少久长大宽高重厚]|怎么|咋|如何|能不能|能否|可不可以|可以不|行不|是不是|有没有|哪)',
  /** Asks about a time. */
  WHEN: '(?:什么时候|什么时间|何时|哪天|几时|几号|几天|多久|多长时间|多少天|几个工作日|最快|大概|大约|要多少时间)',
  /** Negation or “not yet”. */
  NOT: '(?:没|没有|未|还没|还未|不)',
  /** A short gap inside one clause (no clause break). */
  GAP: '[^ ]{0,6}',
};

export interface CompiledCue {
  regex: RegExp;
  weight: number;
  why: string;
}

export interface CompiledIntent {
  id: IntentId;
  cues: CompiledCue[];
  against: CompiledCue[];
  followUps: CompiledCue[];
}

const MACRO_REFERENCE = /\{([A-Z]+)\}/g;
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|]/;

export function expandMacros(pattern: string): string {
  return pattern.replace(MACRO_REFERENCE, (whole, name: string) => {
    const expansion = MACROS[name];
    if (expansion === undefined) throw new Error(`Unknown macro ${whole} in pattern ${pattern}`);
    return expansion;
  });
}

/** A plain phrase explains itself; anything with regex syntax must say in words what it matches. */
export function describeCue(cue: Cue): string {
  if (cue.why) return cue.why;
  if (REGEX_SYNTAX.test(cue.pattern)) throw new Error(`Cue ${cue.pattern} needs a \`why\``);
  return `“${cue.pattern}”`;
}

function compileCue(cue: Cue): CompiledCue {
  return { regex: new RegExp(expandMacros(cue.pattern), 'u'), weight: cue.weight, why: describeCue(cue) };
}

export function compileIntent(definition: IntentDefinition): CompiledIntent {
  const { rules } = definition;
  return {
    id: definition.id,
    cues: rules.cues.map(compileCue),
    against: (rules.against ?? []).map(compileCue),
    followUps: (rules.followUps ?? []).map(compileCue),
  };
}

export interface Evidence {
  id: IntentId;
  /** Sum of the weights of every cue that matched, positive and negative. */
  score: number;
  matched: { why: string; weight: number }[];
}

function applyCues(cues: CompiledCue[], text: string, evidence: Evidence): void {
  for (const cue of cues) {
    if (!cue.regex.test(text)) continue;
    evidence.score += cue.weight;
    evidence.matched.push({ why: cue.why, weight: cue.weight });
  }
}

/** Evidence for one intent in one normalised message; follow-up cues only when the conversation allows them. */
export function matchIntent(intent: CompiledIntent, text: string, inContext: boolean): Evidence {
  const evidence: Evidence = { id: intent.id, score: 0, matched: [] };
  applyCues(intent.cues, text, evidence);
  if (inContext) applyCues(intent.followUps, text, evidence);
  // Vetoes only matter where there is something to veto; this also keeps “against” out of the evidence list.
  if (evidence.score > 0) applyCues(intent.against, text, evidence);
  return evidence;
}
