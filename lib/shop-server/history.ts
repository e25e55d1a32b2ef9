/**
 * The shop library's history in plain words: one line per item a revision changed (server/library.ts gives the
 * diff as PackChange[]). Pure: the options page renders the lines as text, never as HTML.
 */
import { type OptionsStrings, optionsStrings } from '@/lib/i18n/options';
import { slotLabel } from '@/lib/i18n/slots';
import { INTENT_LABELS } from '@/lib/intents/labels';
import type { Language } from '@/lib/language';
import type { PackChange } from '@/lib/store/pack';

/**
 * Which reply, intent, rule, setting or page selector a change is about, e.g. 官方话术 · 发货 · 售前: in the shop's
 * history and in a pack import's preview.
 */
export function changePlace(change: PackChange, t: OptionsStrings, lang: Language): string {
  const a = t.admin;
  if (change.area === 'intent' && change.intent) return `${a.areaIntent} · ${INTENT_LABELS[change.intent][lang]}`;
  if (change.area === 'rule') return a.areaRule;
  if (change.area === 'selector') return `${t.selectors.tab} · ${change.id}`;
  if (change.area === 'setting') {
    return change.id === 'lateShipCompensationYuan' ? a.settingLateShip : a.settingPredictionCard;
  }
  const area = change.area === 'own' ? a.areaOwn : a.areaReply;
  return change.intent && change.situation ? `${area} · ${slotLabel(change.intent, change.situation, lang)}` : area;
}

/** One change as a sentence: what was added, removed or changed, with the texts before and after. */
export function changeWords(change: PackChange, lang: Language): string {
  const t = optionsStrings(lang);
  const h = t.history;
  const place = changePlace(change, t, lang);
  const modes: Record<string, string> = t.admin.predictionCardModes;
  const text = (value: string | undefined) => {
    if (value === undefined || value === '') return h.nothing;
    // The order card's setting is stored as a mode id; the admin reads the mode's name.
    return change.area === 'setting' && change.id === 'orderPredictionCard' ? (modes[value] ?? value) : value;
  };
  if (change.area === 'intent') {
    return h.toggled(place, change.after === 'disabled' ? t.admin.intentOff : t.admin.intentOn);
  }
  if (change.change === 'add') return h.added(place, text(change.after));
  // An official reply without its edit is the built-in text again, not gone.
  if (change.change === 'remove') {
    return change.area === 'reply' ? h.restored(place, text(change.before)) : h.removed(place, text(change.before));
  }
  return h.changed(place, text(change.before), text(change.after));
}
