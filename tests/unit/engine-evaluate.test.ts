import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/engine/classify';
import { evaluate, formatReport, parseLabelledLine } from '@/lib/engine/evaluate';
import { INTENT_IDS } from '@/lib/intents/ids';

const DEV_CORPUS = new URL('../fixtures/intent-dev.jsonl', import.meta.url);

describe('evaluate', () => {
  it('computes precision, recall, F1 and false popups', () => {
    const report = evaluate([
      { label: 'ship_urge', predicted: 'ship_urge' },
      { label: 'ship_urge', predicted: null },
      { label: 'logistics', predicted: 'ship_urge' },
      { label: null, predicted: null },
      { label: null, predicted: 'invoice' },
    ]);
    const ship = report.perIntent.find((m) => m.id === 'ship_urge');
    expect(ship).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2, predicted: 2 });
    expect(report.falsePopupRate).toBe(0.5);
    expect(report.accuracy).toBeCloseTo(2 / 5);
    expect(report.confusion.logistics.ship_urge).toBe(1);
    expect(formatReport(report)).toContain('macro-F1');
  });

  it('rejects labels that are not intent ids', () => {
    expect(() => parseLabelledLine('{"text": "x", "label": "shipping"}')).toThrow();
    expect(parseLabelledLine('{"text": "x", "label": null}')).toEqual({ text: 'x', label: null });
  });
});

describe('development corpus', () => {
  const messages = readFileSync(DEV_CORPUS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(parseLabelledLine);

  it('has at least 800 messages covering every intent, null and traditional characters', () => {
    expect(messages.length).toBeGreaterThanOrEqual(800);
    const labels = new Set(messages.map((m) => m.label));
    for (const id of INTENT_IDS) expect(labels.has(id), id).toBe(true);
    expect(labels.has(null)).toBe(true);
    expect(messages.filter((m) => /[還發貨訂單麼這們]/.test(m.text)).length).toBeGreaterThanOrEqual(50);
  });

  it('is classified with macro-F1 ≥ 0.95 and few false popups', () => {
    const report = evaluate(messages.map((m) => ({ label: m.label, predicted: classify(m.text, m.history).intent })));
    expect(report.macroF1).toBeGreaterThanOrEqual(0.95);
    expect(report.falsePopupRate).toBeLessThanOrEqual(0.05);
  });
});
