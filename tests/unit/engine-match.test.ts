import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorsOf } from '@/lib/engine/anchors';
import { anchorCacheOf, compileRules, matchRules, type RuleSet } from '@/lib/engine/match';
import { normalize } from '@/lib/engine/normalize';
import RULE_ANCHORS from '@/lib/engine/rule-anchors.json';
import { RULES as ENGINE_RULES } from '@/lib/engine/rules';
import { INTENTS } from '@/lib/intents';

const RULES = compileRules(INTENTS);
/** The same rules with no index: every rule is tried on every message. */
const BRUTE_FORCE: RuleSet = {
  ...RULES,
  anchored: new Map(),
  unanchored: RULES.cues.map((_, index) => index),
  candidates: new Uint32Array(RULES.candidates.length),
};

const devTexts = readFileSync(new URL('../fixtures/intent-dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => normalize((JSON.parse(line) as { text: string }).text));

describe('anchors', () => {
  it('are worked out ahead for the current rules (after changing a rule, run npm run train)', () => {
    expect(anchorCacheOf(RULES)).toEqual(RULE_ANCHORS);
    expect(ENGINE_RULES.anchored).toEqual(RULES.anchored);
    expect(ENGINE_RULES.unanchored).toEqual(RULES.unanchored);
  });

  it('ignore a cache made for other rules', () => {
    const stale = { ...anchorCacheOf(RULES), sourceLength: 1 };
    stale.anchors = stale.anchors.map(() => ['不可能的锚']);
    expect(compileRules(INTENTS, stale).anchored).toEqual(RULES.anchored);
  });

  it('finds the characters or pairs every match must contain', () => {
    expect(anchorsOf('发货')).toEqual(new Set(['发货']));
    expect(anchorsOf('(?:发货|出库)[^ ]{0,3}(?:吗|\\?)')).toEqual(new Set(['发货', '出库']));
    expect(anchorsOf('a?b')).toEqual(new Set(['b']));
    expect(anchorsOf('[smlx]{1,3}码')).toEqual(new Set(['码']));
    expect(anchorsOf('(?<!订)单号')).toEqual(new Set(['单号']));
  });

  it('prefers a rare part to a common one', () => {
    expect(anchorsOf('退款[^ ]{0,4}(?:吗|呢)')).toEqual(new Set(['退款']));
  });

  it('gives up where a match can be made of wildcards alone', () => {
    expect(anchorsOf('.{0,3}')).toBeNull();
    expect(anchorsOf('x|.')).toBeNull();
    expect(anchorsOf('^(?!x)')).toBeNull();
  });

  it('anchors every rule of every intent', () => {
    expect(RULES.unanchored).toEqual([]);
  });
});

describe('matchRules', () => {
  const intentsFound = (text: string) => matchRules(RULES, normalize(text), null).map((e) => e.id);

  it('follows LABELLING.md where the rules used to fight it', () => {
    // 多长时间 asks how long, not how long an item is.
    expect(intentsFound('还得等多长时间啊')).not.toContain('size_spec');
    expect(intentsFound('这条裤子裤长多长')).toContain('size_spec');
    // An address or phone entered wrongly is a change of address, not an order placed by mistake.
    expect(intentsFound('地址下错了')).not.toContain('cancel_order');
    expect(intentsFound('不好意思拍错了')).toContain('cancel_order');
  });

  it('finds exactly what trying every rule finds, on every dev message', () => {
    for (const text of devTexts)
      expect(matchRules(RULES, text, null), text).toEqual(matchRules(BRUTE_FORCE, text, null));
  });

  it('counts follow-ups only for the intent the conversation is about', () => {
    expect(matchRules(RULES, '还没发?', 'ship_urge').some((e) => e.matched.some((m) => m.followUp))).toBe(true);
    expect(matchRules(RULES, '还没发?', null).some((e) => e.matched.some((m) => m.followUp))).toBe(false);
  });

  it('weighs vetoes only against an intent that has evidence', () => {
    const [ship] = matchRules(RULES, '发货很快 谢谢', null).filter((e) => e.id === 'ship_urge');
    expect(ship.score).toBeLessThanOrEqual(0);
    expect(ship.matched.some((m) => m.weight < 0)).toBe(true);
  });
});
