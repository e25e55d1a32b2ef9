/**
 * Catalogue slots in words: an intent × the order situation a reply applies to. Shared by the options page and
 * the error texts (a pack problem names its slot), so it draws on the chat page's words only.
 */
import { popupStrings } from '@/lib/i18n/popup';
import type { IntentId } from '@/lib/intents/ids';
import { INTENT_LABELS } from '@/lib/intents/labels';
import type { Language } from '@/lib/language';
import type { CatalogueSituation } from '@/lib/solutions/catalogue/types';

export function situationLabel(situation: CatalogueSituation, lang: Language): string {
  const words = popupStrings(lang);
  if (situation === 'any') return words.situationAny;
  if (situation === 'none') return words.situationNone;
  return words.nodes[situation];
}

export function slotLabel(intent: IntentId, situation: CatalogueSituation, lang: Language): string {
  return `${INTENT_LABELS[intent][lang]} · ${situationLabel(situation, lang)}`;
}
