import type { IntentId } from '@/lib/intents/ids';
import { INTENT_METAS } from '@/lib/intents/metas';

/** What the popup says the buyer wants ("买家意图：…"), in each UI language; each intent's file holds its labels. */
export const INTENT_LABELS = Object.fromEntries(INTENT_METAS.map((meta) => [meta.id, meta.labels])) as Record<
  IntentId,
  { zh: string; en: string }
>;
