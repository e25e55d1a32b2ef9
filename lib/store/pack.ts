/**
 * Reply packs: one JSON file with a schema version. Export writes the shop's local data; import and the
 * managed policy read a pack through parsePack, which refuses anything malformed with a clear reason.
 */

import { optionsStrings } from '@/lib/i18n/options';
import { popupStrings } from '@/lib/i18n/popup';
import { type IntentId, isIntentId } from '@/lib/intents/ids';
import { INTENT_LABELS } from '@/lib/intents/labels';
import type { Language } from '@/lib/language';
import { parseSelectorOverrides } from '@/lib/pages/overrides';
import { catalogueSlot, isSituation, slotKey } from '@/lib/store/catalogue';
import {
  EMPTY_SHOP,
  type KeywordRule,
  MAX_OWN_REPLIES,
  MAX_RULES,
  type OwnReply,
  PACK_FORMAT,
  PACK_VERSION,
  type PackSettings,
  type ReplyPack,
  type ShopData,
  type Situation,
  type SlotEdits,
} from '@/lib/store/types';
import { keywordsProblem, replyTextProblem, ShopError } from '@/lib/store/validate';

/** Larger files are refused before parsing: a pack of every reply is a few dozen kilobytes. */
export const MAX_PACK_BYTES = 1_000_000;
const MAX_SLOTS = 500;
const ID_PATTERN = /^[\w.-]{1,80}$/;

type Where = string;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function situationLabel(situation: Situation, lang: Language): string {
  const admin = optionsStrings(lang).admin;
  if (situation === 'any') return admin.situationAny;
  if (situation === 'none') return admin.situationNone;
  return popupStrings(lang).nodes[situation];
}

export function slotLabel(intent: IntentId, situation: Situation, lang: Language): string {
  return `${INTENT_LABELS[intent][lang]} · ${situationLabel(situation, lang)}`;
}

/** Reads a pack file's text: size, JSON, then parsePack. */
export function parsePackText(text: string, lang: Language): ReplyPack {
  if (new TextEncoder().encode(text).length > MAX_PACK_BYTES) {
    throw new ShopError(lang === 'zh' ? '文件太大，不是话术包' : 'The file is too large to be a reply pack');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ShopError(lang === 'zh' ? '文件不是有效的 JSON，无法导入' : 'The file is not valid JSON');
  }
  return parsePack(value, lang);
}

/** Checks every field of a pack; throws ShopError naming the first problem and where it is. */
export function parsePack(value: unknown, lang: Language): ReplyPack {
  const zh = lang === 'zh';
  const fail = (where: Where, problem: string): never => {
    throw new ShopError(where ? `${where}：${problem}` : problem);
  };
  if (!isRecord(value) || value.format !== PACK_FORMAT) {
    fail('', zh ? '这不是话术助手的话术包文件' : 'This is not a Huashu reply pack');
  }
  const pack = value as Record<string, unknown>;
  if (pack.version !== PACK_VERSION) {
    const version = typeof pack.version === 'number' || typeof pack.version === 'string' ? pack.version : '?';
    fail(
      '',
      zh
        ? `话术包版本 ${version} 不受支持（当前支持版本 ${PACK_VERSION}），请用同一版本的话术助手导出`
        : `Reply pack version ${version} is not supported (this version reads ${PACK_VERSION}); export it again with the same Huashu version`,
    );
  }
  const list = (field: string, max: number): unknown[] => {
    const items = pack[field] ?? [];
    if (!Array.isArray(items)) return fail(field, zh ? '应为列表' : 'should be a list');
    if (items.length > max) return fail(field, zh ? `最多 ${max} 项` : `at most ${max} items`);
    return items;
  };
  const text = (where: Where, value: unknown): string => {
    if (typeof value !== 'string') return fail(where, zh ? '话术应为文字' : 'the reply should be text');
    const problem = replyTextProblem(value, lang);
    return problem ? fail(where, problem) : value;
  };
  const ids = new Set<string>();
  const id = (where: Where, value: unknown): string => {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) return fail(where, zh ? '编号无效' : 'invalid id');
    if (ids.has(value)) return fail(where, zh ? `编号 ${value} 重复` : `duplicate id ${value}`);
    ids.add(value);
    return value;
  };

  const seen = new Set<string>();
  const slots = list('slots', MAX_SLOTS).map((raw, index): SlotEdits => {
    let where = zh ? `第 ${index + 1} 组话术` : `Reply group ${index + 1}`;
    if (!isRecord(raw)) return fail(where, zh ? '格式不正确' : 'malformed');
    if (!isIntentId(raw.intent)) {
      return fail(where, zh ? `未知意图「${String(raw.intent)}」` : `unknown intent "${String(raw.intent)}"`);
    }
    const intent = raw.intent;
    const entry = isSituation(raw.situation) ? catalogueSlot(intent, raw.situation) : undefined;
    if (!entry || !isSituation(raw.situation)) {
      return fail(
        where,
        zh ? `未知订单节点「${String(raw.situation)}」` : `unknown order node "${String(raw.situation)}"`,
      );
    }
    const situation = raw.situation;
    where = slotLabel(intent, situation, lang);
    if (seen.has(slotKey(intent, situation))) return fail(where, zh ? '重复出现' : 'appears twice');
    seen.add(slotKey(intent, situation));

    const overrides: Record<string, string> = {};
    const rawOverrides = raw.overrides ?? {};
    if (!isRecord(rawOverrides)) return fail(where, zh ? '官方话术修改格式不正确' : 'malformed overrides');
    const officialIds = entry.replies.map((reply) => reply.id);
    for (const [replyId, replyText] of Object.entries(rawOverrides)) {
      const position = officialIds.indexOf(replyId);
      if (position < 0) return fail(where, zh ? `没有官方话术 ${replyId}` : `no official reply ${replyId}`);
      overrides[replyId] = text(
        `${where} ${zh ? `官方话术 ${position + 1}` : `official reply ${position + 1}`}`,
        replyText,
      );
    }
    const rawOwn = raw.own ?? [];
    if (!Array.isArray(rawOwn)) return fail(where, zh ? '自定义话术应为列表' : 'own replies should be a list');
    if (rawOwn.length > MAX_OWN_REPLIES) {
      return fail(where, zh ? `自定义话术最多 ${MAX_OWN_REPLIES} 条` : `at most ${MAX_OWN_REPLIES} own replies`);
    }
    const own = rawOwn.map((reply, position): OwnReply => {
      const at = `${where} ${zh ? `自定义话术 ${position + 1}` : `own reply ${position + 1}`}`;
      if (!isRecord(reply)) return fail(at, zh ? '格式不正确' : 'malformed');
      if (typeof reply.id !== 'string' || !reply.id.startsWith('own.')) {
        return fail(at, zh ? '自定义话术编号应以 own. 开头' : 'own reply ids start with "own."');
      }
      return { id: id(at, reply.id), text: text(at, reply.text) };
    });
    const known = new Set([...officialIds, ...own.map((reply) => reply.id)]);
    const rawOrder = raw.order ?? [];
    if (!Array.isArray(rawOrder)) return fail(where, zh ? '排序应为列表' : 'order should be a list');
    // The order is cosmetic: ids it does not know are dropped rather than refusing the pack.
    const order = [...new Set(rawOrder.filter((item): item is string => typeof item === 'string' && known.has(item)))];
    return { intent, situation, overrides, own, order };
  });

  const disabledIntents = list('disabledIntents', 100).map((intent) =>
    isIntentId(intent)
      ? intent
      : fail('disabledIntents', zh ? `未知意图「${String(intent)}」` : `unknown intent "${String(intent)}"`),
  );

  const rules = list('rules', MAX_RULES).map((raw, index): KeywordRule => {
    const where = zh ? `第 ${index + 1} 条关键词规则` : `Keyword rule ${index + 1}`;
    if (!isRecord(raw)) return fail(where, zh ? '格式不正确' : 'malformed');
    if (!Array.isArray(raw.keywords) || !raw.keywords.every((keyword) => typeof keyword === 'string')) {
      return fail(where, zh ? '关键词应为文字列表' : 'keywords should be a list of text');
    }
    const keywords = raw.keywords.map((keyword: string) => keyword.trim()).filter(Boolean);
    const problem = keywordsProblem(keywords, lang);
    if (problem) return fail(where, problem);
    if (raw.enabled !== undefined && typeof raw.enabled !== 'boolean') {
      return fail(where, zh ? 'enabled 应为 true 或 false' : 'enabled should be true or false');
    }
    return { id: id(where, raw.id), keywords, reply: text(where, raw.reply), enabled: raw.enabled !== false };
  });

  const settings: PackSettings = {};
  const rawSettings = pack.settings ?? {};
  if (!isRecord(rawSettings)) fail('settings', zh ? '格式不正确' : 'malformed');
  const settingsRecord = rawSettings as Record<string, unknown>;
  if (settingsRecord.lateShipCompensationYuan !== undefined) {
    const yuan = settingsRecord.lateShipCompensationYuan;
    if (typeof yuan !== 'number' || !Number.isFinite(yuan) || yuan < 0 || yuan > 1000) {
      fail('settings', zh ? '超时补偿金额应为 0–1000 的数字' : 'late-shipment compensation should be 0–1000');
    }
    settings.lateShipCompensationYuan = yuan as number;
  }
  if (settingsRecord.orderPredictionCard !== undefined) {
    if (typeof settingsRecord.orderPredictionCard !== 'boolean') {
      fail('settings', zh ? 'orderPredictionCard 应为 true 或 false' : 'orderPredictionCard should be true or false');
    }
    settings.orderPredictionCard = settingsRecord.orderPredictionCard as boolean;
  }

  let selectorOverrides: ReplyPack['selectorOverrides'];
  if (pack.selectorOverrides !== undefined) {
    try {
      selectorOverrides = parseSelectorOverrides(pack.selectorOverrides, lang);
    } catch (error) {
      fail('selectorOverrides', (error as Error).message);
    }
  }

  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    exportedAt: typeof pack.exportedAt === 'string' ? pack.exportedAt.slice(0, 40) : undefined,
    slots: slots.filter(
      (slot) => Object.keys(slot.overrides).length > 0 || slot.own.length > 0 || slot.order.length > 0,
    ),
    disabledIntents: [...new Set(disabledIntents)],
    rules,
    settings,
    ...(selectorOverrides ? { selectorOverrides } : {}),
  };
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
        Object.entries(overrides ?? {}).flatMap(([adapter, keys]) =>
          Object.entries(keys).map(([key, variants]) => [`${adapter}.${key}`, variants.join(' | ')] as const),
        ),
      );
    const before = flatten(current.selectorOverrides);
    const after = flatten(incoming.selectorOverrides);
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      compare({ area: 'selector', id }, before.get(id), after.get(id));
    }
  }
  return changes;
}

export { EMPTY_SHOP };
