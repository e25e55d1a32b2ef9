/**
 * Reply packs: one JSON file with a schema version. Export writes the shop's local data; import and the
 * managed policy read a pack through parsePack, which refuses anything malformed with a coded problem and
 * the place it is in (lib/i18n/errors.ts words both).
 */
import * as v from 'valibot';
import { type IntentId, isIntentId } from '@/lib/intents/ids';
import { isRecord } from '@/lib/is-record';
import { CodedError, type ErrorData, type ErrorParam, invalidAt } from '@/lib/messages/errors';
import { accepted, codedTransform, problemOf, refuseWith, says } from '@/lib/messages/problems';
import { jsonErrorPlace, shownValue } from '@/lib/messages/shown';
import { describeVariant } from '@/lib/pages/definition';
import { parseSelectorOverrides } from '@/lib/pages/overrides';
import { CompensationSchema } from '@/lib/settings-schema';
import { catalogueSlot, isSituation, slotKey } from '@/lib/store/catalogue';
import {
  type KeywordRule,
  MAX_OWN_REPLIES,
  MAX_RULES,
  PACK_FORMAT,
  PACK_VERSION,
  type ReplyPack,
  type ShopData,
  type Situation,
  type SlotEdits,
} from '@/lib/store/types';
import { keywordsProblem, replyTextProblem } from '@/lib/store/validate';

/** Larger files are refused before parsing: a pack of every reply is a few dozen kilobytes. */
const MAX_PACK_BYTES = 1_000_000;
const MAX_SLOTS = 500;
const MAX_DISABLED_INTENTS = 100;
const ID_PATTERN = /^[\w.-]{1,80}$/;

/** A JSON object (not an array) with these entries; a missing entry is refused with that entry's own message. */
const record = <E extends v.ObjectEntries>(entries: E, malformed = says('malformed')) =>
  v.pipe(
    v.custom<Record<string, unknown>>(isRecord, malformed),
    v.object(entries, (issue) => {
      const missing = issue.path?.at(-1)?.key;
      const message = typeof missing === 'string' ? (entries[missing] as { message?: unknown }).message : undefined;
      return typeof message === 'string' ? message : malformed;
    }),
  );

/** An optional list (null reads as empty) of at most `max` items, its size checked before its items. */
const list = <S extends v.GenericSchema>(item: S, max: number, notList = says('notList'), tooMany?: ErrorData) =>
  v.pipe(
    v.nullish(v.array(v.unknown(), notList), []),
    refuseWith((items: unknown[]) =>
      items.length > max ? (tooMany ?? { code: 'tooManyItems', params: { max } }) : null,
    ),
    v.array(item),
  );

const boolean = (name: string) =>
  accepted(
    (value): value is boolean => typeof value === 'boolean',
    () => ({ code: 'notBoolean', params: { name } }),
  );
const intent = accepted(isIntentId, (value) => ({ code: 'packUnknownIntent', params: { intent: shownValue(value) } }));
const situation = accepted(isSituation, (value) => ({
  code: 'packUnknownSituation',
  params: { situation: shownValue(value) },
}));
const id = v.pipe(v.string(says('packInvalidId')), v.regex(ID_PATTERN, says('packInvalidId')));
const replyText = v.pipe(v.string(says('replyNotText')), refuseWith(replyTextProblem));

const OwnReplySchema = record({
  id: v.pipe(v.string(says('packOwnId')), v.startsWith('own.', says('packOwnId')), id),
  text: replyText,
});

const SlotSchema = v.pipe(
  record({
    intent,
    situation,
    overrides: v.nullish(
      v.pipe(
        v.custom<Record<string, unknown>>(isRecord, says('packMalformedOverrides')),
        v.record(v.string(), replyText),
      ),
      {},
    ),
    own: list(OwnReplySchema, MAX_OWN_REPLIES, says('packOwnNotList'), {
      code: 'packTooManyOwn',
      params: { max: MAX_OWN_REPLIES },
    }),
    order: v.nullish(v.array(v.unknown(), says('packOrderNotList')), []),
  }),
  refuseWith(({ intent, situation }) =>
    catalogueSlot(intent, situation)
      ? null
      : { code: 'packUnknownSituation', params: { situation: shownValue(situation) } },
  ),
  refuseWith(({ intent, situation, overrides }) => {
    const official = catalogueSlot(intent, situation)?.replies.map((reply) => reply.id) ?? [];
    const unknown = Object.keys(overrides).find((replyId) => !official.includes(replyId));
    return unknown === undefined ? null : { code: 'packUnknownReply', params: { replyId: shownValue(unknown) } };
  }),
  v.transform(({ intent, situation, overrides, own, order }): SlotEdits => {
    const known = new Set([...Object.keys(overrides), ...own.map((reply) => reply.id)]);
    for (const reply of catalogueSlot(intent, situation)?.replies ?? []) known.add(reply.id);
    // The order is cosmetic: ids it does not know are dropped rather than refusing the pack.
    const ids = order.filter((item): item is string => typeof item === 'string' && known.has(item));
    return { intent, situation, overrides, own, order: [...new Set(ids)] };
  }),
);

const RuleSchema = v.pipe(
  record({
    keywords: v.pipe(
      v.array(v.string(says('packKeywordsNotText')), says('packKeywordsNotText')),
      v.transform((keywords) => keywords.map((keyword) => keyword.trim()).filter(Boolean)),
      refuseWith((keywords: string[]) => keywordsProblem(keywords)),
    ),
    enabled: v.optional(boolean('enabled')),
    id,
    reply: replyText,
  }),
  v.transform(({ id, keywords, reply, enabled }): KeywordRule => ({ id, keywords, reply, enabled: enabled !== false })),
);

const PackSettingsSchema = v.nullish(
  record({
    lateShipCompensationYuan: v.optional(CompensationSchema),
    orderPredictionCard: v.optional(boolean('orderPredictionCard')),
  }),
  {},
);

const ReplyPackSchema = v.pipe(
  v.custom<Record<string, unknown>>((value) => isRecord(value) && value.format === PACK_FORMAT, says('packNotPack')),
  refuseWith(({ version }) =>
    version === PACK_VERSION
      ? null
      : {
          code: 'packVersion',
          params: {
            version: shownValue(version),
            supported: PACK_VERSION,
          },
        },
  ),
  v.object({
    exportedAt: v.optional(
      v.pipe(
        v.unknown(),
        v.transform((at) => (typeof at === 'string' ? at.slice(0, 40) : undefined)),
      ),
    ),
    slots: list(SlotSchema, MAX_SLOTS),
    disabledIntents: list(intent, MAX_DISABLED_INTENTS),
    rules: list(RuleSchema, MAX_RULES),
    settings: PackSettingsSchema,
    selectorOverrides: v.optional(v.pipe(v.unknown(), codedTransform(parseSelectorOverrides))),
  }),
  v.transform(({ exportedAt, slots, disabledIntents, rules, settings, selectorOverrides }): ReplyPack => {
    refuseRepeats(slots, rules);
    return {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      exportedAt,
      slots: slots.filter(
        (slot) => Object.keys(slot.overrides).length > 0 || slot.own.length > 0 || slot.order.length > 0,
      ),
      disabledIntents: [...new Set(disabledIntents)],
      rules,
      settings,
      ...(selectorOverrides ? { selectorOverrides } : {}),
    };
  }),
);

const slotPlace = (intent: IntentId, situation: Situation): ErrorData => ({
  code: 'placeSlot',
  params: { intent, situation },
});

/** A slot twice, or an id used twice (own replies and rules share one set), refuses the pack. */
function refuseRepeats(slots: SlotEdits[], rules: KeywordRule[]): void {
  const slotKeys = new Set<string>();
  const ids = new Set<string>();
  const once = (id: string, where: ErrorData) => {
    if (ids.has(id)) throw invalidAt(where, { code: 'packDuplicateId', params: { id: shownValue(id) } });
    ids.add(id);
  };
  for (const { intent, situation, own } of slots) {
    const slot = slotPlace(intent, situation);
    if (slotKeys.has(slotKey(intent, situation))) throw invalidAt(slot, { code: 'packSlotTwice' });
    slotKeys.add(slotKey(intent, situation));
    own.forEach((reply, index) => {
      once(reply.id, { code: 'placeOwnReply', params: { slot, position: index + 1 } });
    });
  }
  rules.forEach((rule, index) => {
    once(rule.id, { code: 'placeRule', params: { index: index + 1 } });
  });
}

/**
 * Where in a pack an issue arose, as a person finds it: a reply group (by number until its intent and order
 * node are known, then by name), an official or own reply in it, a keyword rule, or a top-level key. Null for
 * the pack as a whole.
 */
function placeOf(path: readonly v.IssuePathItem[] = []): ErrorParam | null {
  const [field, item, part, partItem] = path;
  if (!field) return null;
  if (field.key === 'rules' && item) return { code: 'placeRule', params: { index: Number(item.key) + 1 } };
  if (field.key !== 'slots' || !item) return String(field.key);
  const { intent, situation } = isRecord(item.value) ? item.value : {};
  if (!isIntentId(intent) || !isSituation(situation) || !catalogueSlot(intent, situation)) {
    // The entry at fault, as the file spells it ("intent"), since the group has no name yet.
    const index = Number(item.key) + 1;
    return { code: 'placeReplyGroup', params: part ? { index, field: String(part.key) } : { index } };
  }
  const slot = slotPlace(intent, situation);
  const official = (catalogueSlot(intent, situation)?.replies ?? []).findIndex((reply) => reply.id === partItem?.key);
  // A reply id the catalogue lacks is a problem of its own; its text's problem is named at the slot.
  if (part?.key === 'overrides' && official >= 0) {
    return { code: 'placeOfficialReply', params: { slot, position: official + 1 } };
  }
  if (part?.key === 'own' && partItem) {
    return { code: 'placeOwnReply', params: { slot, position: Number(partItem.key) + 1 } };
  }
  return slot;
}

/** Reads a pack file's text: size, JSON (a refusal says where it breaks), then parsePack. */
export function parsePackText(text: string): ReplyPack {
  if (new TextEncoder().encode(text).length > MAX_PACK_BYTES) throw new CodedError('packTooLarge');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CodedError('packNotJson', jsonErrorPlace(text, error));
  }
  return parsePack(value);
}

/** A pack is 6 levels deep (pack.selectorOverrides.page.parts.part[i].selector); anything much deeper is not one. */
const MAX_PACK_DEPTH = 10;

/** Whether `value` nests deeper than `max` levels; walked without recursion, so any depth is safe to ask. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Checks every field of a pack; throws a CodedError naming the first problem and where it is. The file and the
 * message path both come through here, so both get the same limits: depth, size, then the schema.
 */
export function parsePack(value: unknown): ReplyPack {
  if (nestedDeeperThan(value, MAX_PACK_DEPTH)) throw new CodedError('packTooDeep', { max: MAX_PACK_DEPTH });
  let bytes = 0;
  try {
    bytes = new TextEncoder().encode(JSON.stringify(value) ?? '').length;
  } catch {
    throw new CodedError('packNotPack');
  }
  if (bytes > MAX_PACK_BYTES) throw new CodedError('packTooLarge');
  const result = v.safeParse(ReplyPackSchema, value, { abortEarly: true });
  if (result.success) return result.output;
  const [issue] = result.issues;
  const where = placeOf(issue.path);
  const problem = problemOf(issue);
  throw where === null ? new CodedError(problem.code, problem.params) : invalidAt(where, problem);
}

export function toPack(data: ShopData, now = new Date()): ReplyPack {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    exportedAt: now.toISOString(),
    slots: data.slots.map((slot) => ({
      intent: slot.intent,
      situation: slot.situation,
      overrides: { ...slot.overrides },
      own: slot.own.map((reply) => ({ ...reply })),
      order: [...slot.order],
    })),
    disabledIntents: [...data.disabledIntents],
    rules: data.rules.map((rule) => ({ ...rule, keywords: [...rule.keywords] })),
    settings: { ...data.settings },
    selectorOverrides: structuredClone(data.selectorOverrides ?? {}),
  };
}

export function packData(pack: ReplyPack): ShopData {
  const data: ShopData = {
    slots: pack.slots,
    disabledIntents: pack.disabledIntents,
    rules: pack.rules,
    settings: pack.settings,
  };
  if (pack.selectorOverrides) data.selectorOverrides = pack.selectorOverrides;
  return data;
}

export interface PackChange {
  change: 'add' | 'change' | 'remove';
  area: 'reply' | 'own' | 'intent' | 'rule' | 'setting' | 'selector';
  intent?: IntentId;
  situation?: Situation;
  /** Reply, rule or setting id; the intent id for 'intent'; `adapter.key` for 'selector'. */
  id: string;
  before?: string;
  after?: string;
}

/** What importing `incoming` in place of `current` adds, changes and removes. Order-only changes are not listed. */
export function diffShop(current: ShopData, incoming: ShopData): PackChange[] {
  const changes: PackChange[] = [];
  const compare = (base: Omit<PackChange, 'change' | 'before' | 'after'>, before?: string, after?: string) => {
    if (before === after) return;
    const change = before === undefined ? 'add' : after === undefined ? 'remove' : 'change';
    changes.push({ change, ...base, before, after });
  };
  const slotsOf = (data: ShopData) => new Map(data.slots.map((slot) => [slotKey(slot.intent, slot.situation), slot]));
  const before = slotsOf(current);
  const after = slotsOf(incoming);
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key);
    const next = after.get(key);
    const { intent, situation } = (old ?? next) as SlotEdits;
    for (const id of new Set([...Object.keys(old?.overrides ?? {}), ...Object.keys(next?.overrides ?? {})])) {
      compare({ area: 'reply', intent, situation, id }, old?.overrides[id], next?.overrides[id]);
    }
    const oldOwn = new Map(old?.own.map((reply) => [reply.id, reply.text]));
    const nextOwn = new Map(next?.own.map((reply) => [reply.id, reply.text]));
    for (const id of new Set([...oldOwn.keys(), ...nextOwn.keys()])) {
      compare({ area: 'own', intent, situation, id }, oldOwn.get(id), nextOwn.get(id));
    }
  }
  const oldDisabled = new Set(current.disabledIntents);
  const nextDisabled = new Set(incoming.disabledIntents);
  for (const intent of new Set([...oldDisabled, ...nextDisabled])) {
    const state = (disabled: boolean) => (disabled ? 'disabled' : 'enabled');
    if (oldDisabled.has(intent) !== nextDisabled.has(intent)) {
      changes.push({
        change: 'change',
        area: 'intent',
        intent,
        id: intent,
        before: state(oldDisabled.has(intent)),
        after: state(nextDisabled.has(intent)),
      });
    }
  }
  const describeRule = (rule?: KeywordRule) =>
    rule && `${rule.keywords.join('、')} → ${rule.reply}${rule.enabled ? '' : ' (off)'}`;
  const oldRules = new Map(current.rules.map((rule) => [rule.id, rule]));
  const nextRules = new Map(incoming.rules.map((rule) => [rule.id, rule]));
  for (const id of new Set([...oldRules.keys(), ...nextRules.keys()])) {
    compare({ area: 'rule', id }, describeRule(oldRules.get(id)), describeRule(nextRules.get(id)));
  }
  for (const key of ['lateShipCompensationYuan', 'orderPredictionCard'] as const) {
    const show = (value: unknown) => (value === undefined ? undefined : String(value));
    // A setting the pack leaves out keeps its current value.
    if (incoming.settings[key] !== undefined) {
      compare({ area: 'setting', id: key }, show(current.settings[key]), show(incoming.settings[key]));
    }
  }
  // Selector overrides the pack leaves out stay as they are; a pack that has them replaces them all.
  if (incoming.selectorOverrides) {
    const flatten = (overrides: ShopData['selectorOverrides']) =>
      new Map(
        Object.entries(overrides ?? {}).flatMap(([page, { parts, ...settings }]) => [
          ...Object.entries(parts ?? {}).map(
            ([part, variants]) => [`${page}.${part}`, (variants ?? []).map(describeVariant).join(' | ')] as const,
          ),
          ...Object.entries(settings).map(([key, value]) => [`${page}.${key}`, JSON.stringify(value)] as const),
        ]),
      );
    const before = flatten(current.selectorOverrides);
    const after = flatten(incoming.selectorOverrides);
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      compare({ area: 'selector', id }, before.get(id), after.get(id));
    }
  }
  return changes;
}
