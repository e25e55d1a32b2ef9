/**
 * Three-way merge of the shop's library, item by item: an edit made from an older revision keeps every item
 * the admin did not touch as it is now, and only an item both sides changed differently is a conflict.
 * Items: each official reply's text, each own reply, a slot's order, each switched-off intent, each keyword
 * rule, each setting and each selector override. Pure.
 */
import type { IntentId } from '@/lib/intents/ids';
import type { SelectorOverrides } from '@/lib/pages/overrides';
import type { KeywordRule, ShopData, Situation, SlotEdits } from '@/lib/store/types';

type Items = Map<string, string>;

const SEP = '\u0000';
/** The order of replies and rules is cosmetic: when both sides reorder, the later save wins, no conflict. */
const ORDER_KINDS = new Set(['order', 'ruleOrder']);

function flatten(data: ShopData): Items {
  const items: Items = new Map();
  for (const slot of data.slots) {
    const at = `${slot.intent}${SEP}${slot.situation}`;
    for (const [id, text] of Object.entries(slot.overrides)) items.set(`reply${SEP}${at}${SEP}${id}`, text);
    for (const reply of slot.own) items.set(`own${SEP}${at}${SEP}${reply.id}`, reply.text);
    if (slot.order.length) items.set(`order${SEP}${at}`, JSON.stringify(slot.order));
  }
  for (const intent of data.disabledIntents) items.set(`off${SEP}${intent}`, 'off');
  for (const { id, keywords, reply, enabled } of data.rules) {
    items.set(`rule${SEP}${id}`, JSON.stringify({ keywords, reply, enabled }));
  }
  if (data.rules.length) items.set('ruleOrder', JSON.stringify(data.rules.map((rule) => rule.id)));
  for (const [key, value] of Object.entries(data.settings)) {
    if (value !== undefined) items.set(`setting${SEP}${key}`, JSON.stringify(value));
  }
  // A page's override is a partial definition: each part's variants and each setting are items of their own.
  for (const [page, { parts, ...settings }] of Object.entries(data.selectorOverrides ?? {})) {
    for (const [part, variants] of Object.entries(parts ?? {})) {
      items.set(`selector${SEP}${page}${SEP}parts${SEP}${part}`, JSON.stringify(variants));
    }
    for (const [key, value] of Object.entries(settings)) {
      if (value !== undefined) items.set(`selector${SEP}${page}${SEP}${key}`, JSON.stringify(value));
    }
  }
  return items;
}

function unflatten(items: Items): ShopData {
  const slots = new Map<string, SlotEdits>();
  const slotOf = (intent: string, situation: string) => {
    const key = `${intent}${SEP}${situation}`;
    let slot = slots.get(key);
    if (!slot) {
      slot = { intent: intent as IntentId, situation: situation as Situation, overrides: {}, own: [], order: [] };
      slots.set(key, slot);
    }
    return slot;
  };
  const data: ShopData = { slots: [], disabledIntents: [], rules: [], settings: {}, selectorOverrides: {} };
  const rules = new Map<string, KeywordRule>();
  let ruleOrder: string[] = [];
  const selectors: SelectorOverrides = {};
  for (const [key, value] of items) {
    const [kind, ...parts] = key.split(SEP);
    if (kind === 'reply') slotOf(parts[0], parts[1]).overrides[parts[2]] = value;
    else if (kind === 'own') slotOf(parts[0], parts[1]).own.push({ id: parts[2], text: value });
    else if (kind === 'order') slotOf(parts[0], parts[1]).order = JSON.parse(value);
    else if (kind === 'off') data.disabledIntents.push(parts[0] as IntentId);
    else if (kind === 'rule') rules.set(parts[0], { id: parts[0], ...JSON.parse(value) });
    else if (kind === 'ruleOrder') ruleOrder = JSON.parse(value);
    else if (kind === 'setting') Object.assign(data.settings, { [parts[0]]: JSON.parse(value) });
    else if (kind === 'selector') {
      const page = selectors[parts[0]] ?? {};
      if (parts[1] === 'parts') page.parts = { ...page.parts, [parts[2]]: JSON.parse(value) };
      else Object.assign(page, { [parts[1]]: JSON.parse(value) });
      selectors[parts[0]] = page;
    }
  }
  data.slots = [...slots.values()];
  const ordered = ruleOrder.filter((id) => rules.has(id));
  data.rules = [...new Set([...ordered, ...rules.keys()])].map((id) => rules.get(id) as KeywordRule);
  data.selectorOverrides = selectors;
  return data;
}

/** One item both sides changed: what it was, what this save wants, what the library has now (absent = removed). */
export interface MergeConflict {
  area: string;
  intent?: string;
  situation?: string;
  id: string;
  base?: string;
  yours?: string;
  theirs?: string;
}

function describe(key: string, values: Pick<MergeConflict, 'base' | 'yours' | 'theirs'>): MergeConflict {
  const [area, ...parts] = key.split(SEP);
  if (area === 'reply' || area === 'own') {
    return { area, intent: parts[0], situation: parts[1], id: parts[2], ...values };
  }
  return { area, id: parts.join('.'), ...values };
}

/**
 * `yours` was made from `base`; `theirs` is the library now. Returns the merged library, or the items that
 * both changed to different values.
 */
export function mergeLibrary(
  base: ShopData,
  yours: ShopData,
  theirs: ShopData,
): { merged: ShopData; conflicts: MergeConflict[] } {
  const [baseItems, yourItems, theirItems] = [flatten(base), flatten(yours), flatten(theirs)];
  const merged: Items = new Map();
  const conflicts: MergeConflict[] = [];
  // Your keys first, so the merged library keeps your order of own replies and rules where it has one.
  for (const key of new Set([...yourItems.keys(), ...theirItems.keys(), ...baseItems.keys()])) {
    const [was, mine, now] = [baseItems.get(key), yourItems.get(key), theirItems.get(key)];
    let value: string | undefined;
    if (mine === was) value = now;
    else if (now === was || now === mine || ORDER_KINDS.has(key.split(SEP)[0])) value = mine;
    else {
      conflicts.push(describe(key, { base: was, yours: mine, theirs: now }));
      value = now;
    }
    if (value !== undefined) merged.set(key, value);
  }
  return { merged: unflatten(merged), conflicts };
}
