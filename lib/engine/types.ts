import type { IntentId } from '@/lib/intents/ids';

export interface Classification {
  /** null below the threshold: no popup. */
  intent: IntentId | null;
  /** In [0, 1], of `intent` (0 when null). */
  confidence: number;
  /** Ranked, best first. */
  intents: { id: IntentId; confidence: number }[];
  /** Human-readable evidence: the phrases/rules that matched, e.g. '“发货” + 疑问'. */
  matched: string[];
}
