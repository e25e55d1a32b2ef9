import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/engine/classify';
import { compileRules } from '@/lib/engine/match';
import { INTENTS } from '@/lib/intents';
import { INTENT_IDS } from '@/lib/intents/ids';
import { INTENT_LABELS } from '@/lib/intents/labels';

describe('intent registry', () => {
  it('has one definition per id, in the order of INTENT_IDS', () => {
    expect(INTENTS.map((intent) => intent.id)).toEqual([...INTENT_IDS]);
  });

  it('labels each intent as the popup does', () => {
    for (const intent of INTENTS) expect(intent.label).toBe(INTENT_LABELS[intent.id].zh);
  });

  it('compiles every rule, and every rule with regex syntax explains itself', () => {
    expect(() => compileRules(INTENTS)).not.toThrow();
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
