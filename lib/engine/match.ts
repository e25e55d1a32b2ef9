import { anchorsOf } from '@/lib/engine/anchors';
import { ruleFeatureName } from '@/lib/engine/features';
import type { Evidence } from '@/lib/engine/types';
import type { Cue, IntentDefinition } from '@/lib/intents/define';
import type { IntentId } from '@/lib/intents/ids';

/**
 * Shared vocabulary for rule patterns, written `{NAME}` inside a cue's pattern. Kept here so every intent
 * means the same thing by “a question” or “when”.
 */
const MACROS: Record<string, string> = {
  /** Marks a question or a request for information. */
  ASK: '(?:吗|么|嘛|呢|没|\\?|什么|啥|几|多[少久长大宽高重厚]|怎么|咋|如何|能不能|能否|可不可以|可以不|行不|是不是|有没有|哪)',
  /** Asks about a time. */
  WHEN: '(?:什么时候|什么时间|何时|哪天|几时|几号|几天|多久|多长时间|多少天|几个工作日|最快|大概|大约|要多少时间)',
  /** A short gap inside one clause (no clause break). */
  GAP: '[^ ]{0,6}',
};

const MACRO_REFERENCE = /\{([A-Z]+)\}/g;
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|]/;

function expandMacros(pattern: string): string {
  return pattern.replace(MACRO_REFERENCE, (whole, name: string) => {
    const expansion = MACROS[name];
    if (expansion === undefined) throw new Error(`Unknown macro ${whole} in pattern ${pattern}`);
    return expansion;
  });
}

/** A plain phrase explains itself; anything with regex syntax must say in words what it matches. */
function describeCue(cue: Cue): string {
  if (cue.why) return cue.why;
  if (REGEX_SYNTAX.test(cue.pattern)) throw new Error(`Cue ${cue.pattern} needs a \`why\``);
  return `“${cue.pattern}”`;
}

type CueKind = 'cue' | 'against' | 'followUp';

interface CompiledCue {
  intent: number;
  kind: CueKind;
  regex: RegExp;
  weight: number;
  why: string;
  feature: string;
}

/**
 * Every rule of every intent, compiled, in one array laid out intent by intent, and within an intent: evidence
 * for, follow-ups, evidence against. Matching walks the candidate rules in this order, so an intent's score is
 * complete before its vetoes are weighed.
 */
export interface RuleSet {
  ids: readonly IntentId[];
  cues: readonly CompiledCue[];
  /** Keyed by `gramKey`: a number key avoids making a string per character of a message. */
  anchored: ReadonlyMap<number, readonly number[]>;
  /**
   * `ANCHOR_ALONE` and `BEGINS_PAIR_ANCHOR` bits by UTF-16 code unit: most characters of a message are neither, and a
   * look-up in this array settles that without a look-up in `anchored`.
   */
  anchorRoles: Uint8Array;
  /** The rules that have no anchor and are tried on every message. */
  unanchored: readonly number[];
  /**
   * Scratch space, reused so that matching allocates nothing per message: one bit per rule, set when the rule is a
   * candidate for the message being matched. Walking the set bits word by word visits the candidates in rule order
   * without looking at the others. Matching is synchronous, so one buffer serves.
   */
  candidates: Uint32Array;
}

const ANCHOR_ALONE = 1;
const BEGINS_PAIR_ANCHOR = 2;

/**
 * Every cue's anchors, worked out ahead by `npm run train` (lib/engine/rule-anchors.json): reading ~300 regexes for
 * their anchors was the largest part of the service worker's start-up. In compile order; null for an unanchored cue.
 */
export interface AnchorCache {
  /** The cues' count and the total length of their sources: a cache made for other rules is not used. */
  cues: number;
  sourceLength: number;
  anchors: (string[] | null)[];
}

function cueAnchors(cues: readonly CompiledCue[], cache: AnchorCache | undefined): (Iterable<string> | null)[] {
  let sourceLength = 0;
  for (const cue of cues) sourceLength += cue.regex.source.length;
  if (cache && cache.cues === cues.length && cache.sourceLength === sourceLength) return cache.anchors;
  return cues.map((cue) => anchorsOf(cue.regex.source));
}

/** What `npm run train` writes to lib/engine/rule-anchors.json for these rules. */
export function anchorCacheOf(rules: RuleSet): AnchorCache {
  const anchors = rules.cues.map((cue) => {
    const set = anchorsOf(cue.regex.source);
    return set === null ? null : [...set];
  });
  const sourceLength = rules.cues.reduce((sum, cue) => sum + cue.regex.source.length, 0);
  return { cues: rules.cues.length, sourceLength, anchors };
}

// No `u` flag: normalised text has no astral characters left (emoji are gone), and non-unicode regexes run faster.
export function compileRules(definitions: readonly IntentDefinition<IntentId>[], cache?: AnchorCache): RuleSet {
  const cues: CompiledCue[] = [];
  definitions.forEach((definition, intent) => {
    const add = (kind: CueKind, list: Cue[] = []) => {
      for (const cue of list) {
        const regex = new RegExp(expandMacros(cue.pattern));
        const why = describeCue(cue);
        cues.push({ intent, kind, regex, weight: cue.weight, why, feature: ruleFeatureName(definition.id, why) });
      }
    };
    add('cue', definition.rules.cues);
    add('followUp', definition.rules.followUps);
    add('against', definition.rules.against);
  });

  const anchored = new Map<number, number[]>();
  const anchorRoles = new Uint8Array(0x10000);
  const unanchored: number[] = [];
  cueAnchors(cues, cache).forEach((anchors, index) => {
    if (anchors === null) unanchored.push(index);
    else
      for (const gram of anchors) {
        anchored.set(gramKey(gram), [...(anchored.get(gramKey(gram)) ?? []), index]);
        anchorRoles[gram.charCodeAt(0)] |= gram.length === 1 ? ANCHOR_ALONE : BEGINS_PAIR_ANCHOR;
      }
  });
  const candidates = new Uint32Array(Math.ceil(cues.length / 32));
  return { ids: definitions.map((d) => d.id), cues, anchored, anchorRoles, unanchored, candidates };
}

/** A character is keyed by its UTF-16 code unit, a pair of characters by a number above them all. */
function gramKey(gram: string): number {
  return gram.length === 1 ? gram.charCodeAt(0) : pairKey(gram.charCodeAt(0), gram.charCodeAt(1));
}

/**
 * Folds a pair into a small integer (so the map lookup stays on V8's fast path). Pairs that share the key only make
 * a rule a candidate more often, never less: the index stays sound.
 */
function pairKey(first: number, second: number): number {
  return 0x10000 + (((first & 0x3fff) << 14) | (second & 0x3fff));
}

function mark(candidates: Uint32Array, indexes: readonly number[] | undefined): void {
  if (indexes !== undefined) for (const index of indexes) candidates[index >>> 5] |= 1 << (index & 31);
}

/** Marks each rule that could match this text: those anchored on one of its characters or pairs, and the unanchored. */
function markCandidates(rules: RuleSet, text: string): void {
  const { candidates } = rules;
  candidates.fill(0);
  mark(candidates, rules.unanchored);
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (rules.anchorRoles[code] & ANCHOR_ALONE) mark(candidates, rules.anchored.get(code));
    if (i > 0 && rules.anchorRoles[previous] & BEGINS_PAIR_ANCHOR)
      mark(candidates, rules.anchored.get(pairKey(previous, code)));
    previous = code;
  }
}

/**
 * Evidence for each intent that has any in one normalised message. Follow-up cues count only for the intent the
 * conversation is already about; vetoes only matter where there is something to veto.
 */
export function matchRules(rules: RuleSet, text: string, context: IntentId | null): Evidence[] {
  const found: Evidence[] = [];
  let current: Evidence | null = null;
  markCandidates(rules, text);
  const { candidates } = rules;
  for (let word = 0; word < candidates.length; word++) {
    for (let bits = candidates[word]; bits !== 0; bits &= bits - 1) {
      // `bits & -bits` keeps the lowest set bit; `bits &= bits - 1` then clears it.
      const index = word * 32 + 31 - Math.clz32(bits & -bits);
      const cue = rules.cues[index];
      const id = rules.ids[cue.intent];
      if (current !== null && current.id !== id) current = null;
      if (cue.kind === 'followUp' && id !== context) continue;
      if (cue.kind === 'against' && (current === null || current.score <= 0)) continue;
      if (!cue.regex.test(text)) continue;
      if (current === null) {
        current = { id, score: 0, matched: [] };
        found.push(current);
      }
      current.score += cue.weight;
      current.matched.push({
        why: cue.why,
        weight: cue.weight,
        followUp: cue.kind === 'followUp',
        feature: cue.feature,
      });
    }
  }
  return found;
}
