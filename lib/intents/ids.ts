import { INTENT_METAS } from '@/lib/intents/metas';

/** Stable intent ids, derived from the registry: stored replies, stats and tools refer to them, so never rename one. */
export type IntentId = (typeof INTENT_METAS)[number]['id'];

export const INTENT_IDS: readonly IntentId[] = INTENT_METAS.map((meta) => meta.id);

export function isIntentId(value: unknown): value is IntentId {
  return typeof value === 'string' && (INTENT_IDS as readonly string[]).includes(value);
}
