/**
 * The shop's overlay on the catalogue, as pure functions of a snapshot: managed policy > shop edits > official.
 * suggest() and the options page both use these, so what the admin sees is what agents get.
 */
import { normalize } from '@/lib/engine/normalize';
import type { IntentId } from '@/lib/intents/ids';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { catalogueSlot, slotKey } from '@/lib/store/catalogue';
import { type KeywordRule, MAX_OWN_REPLIES, type ShopData, type ShopSnapshot, type Situation } from '@/lib/store/types';

export type OverlayInput = Pick<ShopSnapshot, 'local' | 'managed'>;

export interface EffectiveReply {
  id: string;
  kind: 'official' | 'own';
  /** The text in effect. */
  text: string;
  /** Who wrote that text: the catalogue, the shop, or the managed policy. */
  origin: 'official' | 'shop' | 'managed';
  /** For an official reply: the catalogue's own text, to restore or compare. */
  officialText?: string;
  /** Set by the managed policy, so read-only on the options page. */
  managed: boolean;
}

export interface EffectiveRule extends KeywordRule {
  managed: boolean;
}

function findSlot(data: ShopData | null, intent: IntentId, situation: Situation) {
  const key = slotKey(intent, situation);
  return data?.slots.find((slot) => slotKey(slot.intent, slot.situation) === key);
}

/** The replies of one intent × situation, in the order agents see them. */
export function effectiveSlot(shop: OverlayInput, intent: IntentId, situation: Situation): EffectiveReply[] {
  const entry = catalogueSlot(intent, situation);
  if (!entry) return [];
  const local = findSlot(shop.local, intent, situation);
  const managed = findSlot(shop.managed, intent, situation);

  const official: EffectiveReply[] = entry.replies.map((reply) => {
    const managedText = managed?.overrides[reply.id];
    if (managedText !== undefined) {
      return {
        id: reply.id,
        kind: 'official',
        text: managedText,
        origin: 'managed',
        officialText: reply.text,
        managed: true,
      };
    }
    const shopText = local?.overrides[reply.id];
    return {
      id: reply.id,
      kind: 'official',
      text: shopText ?? reply.text,
      origin: shopText === undefined ? 'official' : 'shop',
      officialText: reply.text,
      managed: false,
    };
  });
  const own: EffectiveReply[] = [
    ...(managed?.own ?? []).map((reply) => ({
      ...reply,
      kind: 'own' as const,
      origin: 'managed' as const,
      managed: true,
    })),
    ...(local?.own ?? []).map((reply) => ({ ...reply, kind: 'own' as const, origin: 'shop' as const, managed: false })),
  ].slice(0, MAX_OWN_REPLIES);

  const order = managed?.order.length ? managed.order : (local?.order ?? []);
  return sortBy([...official, ...own], order);
}

/** Stable: replies named in `order` first, in that order; the rest keep their default order after them. */
function sortBy(replies: EffectiveReply[], order: readonly string[]): EffectiveReply[] {
  const rank = new Map(order.map((id, index) => [id, index]));
  return replies
    .map((reply, index) => ({ reply, key: rank.get(reply.id) ?? order.length + index }))
    .sort((a, b) => a.key - b.key)
    .map(({ reply }) => reply);
}

/** How many more own replies the shop may add here (managed own replies count towards the limit). */
export function ownRepliesLeft(shop: OverlayInput, intent: IntentId, situation: Situation): number {
  const local = findSlot(shop.local, intent, situation)?.own.length ?? 0;
  const managed = findSlot(shop.managed, intent, situation)?.own.length ?? 0;
  return Math.max(0, MAX_OWN_REPLIES - local - managed);
}

export function intentState(shop: OverlayInput, intent: IntentId): { enabled: boolean; managed: boolean } {
  if (shop.managed?.disabledIntents.includes(intent)) return { enabled: false, managed: true };
  return { enabled: !shop.local.disabledIntents.includes(intent), managed: false };
}

/** The managed rules first (they win), then the shop's, each list in its own order. */
export function effectiveRules(shop: OverlayInput): EffectiveRule[] {
  return [
    ...(shop.managed?.rules ?? []).map((rule) => ({ ...rule, managed: true })),
    ...shop.local.rules.map((rule) => ({ ...rule, managed: false })),
  ];
}

/** Normalised keywords per rule object: a snapshot's rules are reused until the next write replaces them. */
const normalizedKeywords = new WeakMap<KeywordRule, string[]>();

function keywordsOf(rule: KeywordRule): string[] {
  let keywords = normalizedKeywords.get(rule);
  if (!keywords) {
    keywords = rule.keywords.map((keyword) => normalize(keyword).trim()).filter((keyword) => keyword !== '');
    normalizedKeywords.set(rule, keywords);
  }
  return keywords;
}

/**
 * The first enabled rule (managed rules first) whose keyword the buyer's message contains, both normalised
 * the way the intent engine does it, so 發貨 matches 发货.
 */
export function matchingRule(shop: OverlayInput, text: string): EffectiveRule | undefined {
  const message = normalize(text);
  const matches = (rule: KeywordRule) => rule.enabled && keywordsOf(rule).some((keyword) => message.includes(keyword));
  const managed = shop.managed?.rules.find(matches);
  if (managed) return { ...managed, managed: true };
  const local = shop.local.rules.find(matches);
  return local && { ...local, managed: false };
}

/** The saved settings with the policy's on top; the UI language stays each agent's own. */
export function effectiveSettings(shop: Pick<ShopSnapshot, 'settings' | 'managed'>): Settings {
  return { ...DEFAULT_SETTINGS, ...shop.settings, ...shop.managed?.settings };
}

/** Which settings the policy fixes, so the options page shows them read-only. */
export function managedSettingKeys(shop: OverlayInput): string[] {
  return Object.keys(shop.managed?.settings ?? {});
}
