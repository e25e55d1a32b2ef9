import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/engine/classify';
import { compileRules } from '@/lib/engine/match';
import { INTENTS } from '@/lib/intents';
import { INTENT_IDS } from '@/lib/intents/ids';
import { INTENT_LABELS } from '@/lib/intents/labels';
import { INTENT_METAS } from '@/lib/intents/metas';
import { ORDER_INTENTS } from '@/lib/orders/prediction-card';

describe('intent registry', () => {
  it('has one definition per id, in the order of INTENT_IDS, its metadata the same object the ids come from', () => {
    expect(INTENTS.map((intent) => intent.id)).toEqual([...INTENT_IDS]);
    INTENTS.forEach((intent, i) => {
      expect(intent).toMatchObject(INTENT_METAS[i]);
    });
  });

  it('derives labels, node fit and the prediction card’s list from the intent files', () => {
    for (const intent of INTENTS) {
      expect(INTENT_LABELS[intent.id]).toEqual(intent.labels);
      expect(intent.labels.zh).not.toBe('');
      expect(intent.labels.en).not.toBe('');
      expect(ORDER_INTENTS.has(intent.id)).toBe(intent.needsOrder);
    }
    expect([...ORDER_INTENTS]).toEqual(expect.arrayContaining(['ship_urge', 'logistics', 'invoice']));
    expect(ORDER_INTENTS.has('discount')).toBe(false);
  });

  it('compiles every rule, and every rule with regex syntax explains itself', () => {
    const cues = INTENTS.flatMap(({ rules }) => [...rules.cues, ...(rules.against ?? []), ...(rules.followUps ?? [])]);
    expect(compileRules(INTENTS).cues).toHaveLength(cues.length);
    const unexplained = cues.filter((cue) => /[\\()[\]|?*+{}]/.test(cue.pattern) && !cue.why);
    expect(unexplained.map((cue) => cue.pattern)).toEqual([]);
  });

  it('gives every intent positive and negative examples', () => {
    for (const intent of INTENTS) {
      expect(intent.examples.positive.length, intent.id).toBeGreaterThanOrEqual(5);
      expect(intent.examples.negative.length, intent.id).toBeGreaterThanOrEqual(3);
    }
  });
});

describe.each(INTENTS.map((intent) => [intent.id, intent] as const))('%s examples', (id, intent) => {
  it.each(intent.examples.positive)(`“%s” → ${id}`, (text) => {
    expect(classify(text).intent).toBe(id);
  });

  it.each(intent.examples.negative)(`“%s” is not ${id}`, (text) => {
    expect(classify(text).intent).not.toBe(id);
  });
});
