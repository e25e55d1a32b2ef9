/**
 * Selector overrides: a shop admin's fix for a page that changed before Huashu was updated. An override is a
 * partial page definition (lib/pages/definition.ts) per page, `{ [pageId]: { parts: { [part]: variants }, …settings } }`,
 * merged over the built-in definition: each part's variants are tried first, then the built-in ones, so an override
 * can only add ways to find a part, never remove the shipped ones. A variant may be written as a bare selector.
 * Overrides saved before pages were definitions, `{ [pageId]: { [selectorKey]: string[] } }`, are read into that
 * shape (legacy keys below), so old packs still import.
 *
 * This module is data and checks only, free of DOM code: the background (which validates every save, import
 * and managed pack) loads it without any adapter. Binding into an adapter is lib/adapters/overrides.ts.
 *
 * Validation (parseSelectorOverrides) runs wherever overrides arrive:
 * - the options page, with the browser's own CSS parser, so the admin sees the exact problem while editing;
 * - the background (a service worker, no `document`), on every save, import and managed pack, with a DOM-free
 *   syntax check that catches what an admin mistypes (brackets, quotes, stray braces, dangling combinators);
 * - the content script, when binding: a variant its CSS parser still refuses is dropped there (with one
 *   warning), so a bad variant that got past the DOM-free check can never hide the built-in ones.
 */

import * as v from 'valibot';
import { isRecord } from '@/lib/is-record';
import type { Language } from '@/lib/language';
import { CodedError, type ErrorData, invalidAt } from '@/lib/messages/errors';
import { jsonErrorPlace } from '@/lib/messages/shown';
import { PAGES } from '@/lib/pages';
import {
  OVERRIDE_KEYS,
  PART_NAMES,
  type PageOverride,
  type PartName,
  settingsEntries,
  type Variant,
  variantsSchema,
} from '@/lib/pages/definition';

/** Every page's override, by page id. */
export type SelectorOverrides = Record<string, PageOverride>;

const OVERRIDE_LIMITS = {
  /** Variants per key an override may add. */
  variants: 5,
  selectorChars: 300,
  /** The whole override set as JSON text. */
  jsonChars: 20_000,
} as const;

/** The page's name an admin recognises, for messages and the options page. */
export function pageLabel(id: string, lang: Language): string {
  return PAGES.find((page) => page.id === id)?.label[lang] ?? id;
}

/**
 * Selector keys of the overrides saved before pages were definitions, where the key is not the part's name now
 * (every other old key is), and the attribute the old adapter read from what the selector found.
 */
const LEGACY_KEYS: Record<string, Record<string, readonly { part: PartName; attribute?: string }[]>> = {
  feige: {
    conversationName: [{ part: 'conversationName', attribute: 'title' }],
    conversationNameText: [{ part: 'conversationName' }],
    conversationTime: [{ part: 'conversationWait' }],
    unreadBadge: [{ part: 'conversationUnread' }],
    messageId: [{ part: 'messageId', attribute: 'data-id' }],
    buyerBubble: [{ part: 'buyerMessage' }],
    buyerRow: [{ part: 'buyerMessage' }],
    agentBubble: [{ part: 'agentMessage' }],
    agentRow: [{ part: 'agentMessage' }],
  },
  pinduoduo: {
    conversationBox: [{ part: 'conversationId', attribute: 'data-random' }, { part: 'conversationClick' }],
    conversationTime: [{ part: 'conversationWait' }],
    messageIndex: [{ part: 'messageId', attribute: 'index' }],
    buyerItem: [{ part: 'buyerMessage' }],
    agentItem: [{ part: 'agentMessage' }],
    robotItem: [{ part: 'agentMessage' }],
    systemItem: [{ part: 'systemMessage' }],
  },
  'demo-workbench': {
    thread: [{ part: 'thread' }, { part: 'openConversationId', attribute: 'data-conv-id' }],
    messageTime: [{ part: 'messageTime', attribute: 'datetime' }],
    orderPaidAt: [{ part: 'orderPaidAt', attribute: 'datetime' }],
    orderPromise: [{ part: 'orderPromise', attribute: 'datetime' }],
    conversationWait: [{ part: 'conversationWait', attribute: 'data-wait-seconds' }],
  },
};

/** Whether a page's entry is in the shape saved before pages were definitions: selector keys, no definition key. */
function isLegacyEntry(entry: Record<string, unknown>): boolean {
  const keys = Object.keys(entry);
  return keys.length > 0 && !keys.some((key) => (OVERRIDE_KEYS as readonly string[]).includes(key));
}

/**
 * An old entry, `{ selectorKey: string[] }`, as a partial definition: each key to its part (LEGACY_KEYS), each
 * selector a variant reading what the old adapter read. Keys it can't place are kept for the check to name.
 */
function fromLegacy(pageId: string, entry: Record<string, unknown>): Record<string, unknown> {
  const parts: Record<string, unknown[]> = {};
  for (const [key, selectors] of Object.entries(entry)) {
    const targets = LEGACY_KEYS[pageId]?.[key] ?? [{ part: key as PartName }];
    for (const { part, attribute } of targets) {
      const variants = Array.isArray(selectors)
        ? selectors.map((selector) => (attribute && typeof selector === 'string' ? { selector, attribute } : selector))
        : selectors;
      parts[part] = Array.isArray(variants) ? [...(parts[part] ?? []), ...variants] : (variants as unknown[]);
    }
  }
  return { parts };
}

/**
 * A DOM-free check of a selector's syntax, for the background's service worker: brackets, parentheses and
 * quotes must pair up, no braces or semicolons (a pasted CSS rule), no empty item in a list and no dangling
 * combinator. It refuses what it can be sure of; the browser's parser is the final word where there is a DOM.
 */
export function selectorSyntaxProblem(selector: string): ErrorData | null {
  const closing: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < selector.length; i++) {
    const char = selector[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[') closing.push(']');
    else if (char === '(') closing.push(')');
    else if (char === ']' || char === ')') {
      if (closing.pop() !== char) return { code: 'selectorUnpaired', params: { char } };
    } else if (char === '{' || char === '}' || char === ';') {
      return { code: 'selectorStyleRule', params: { char } };
    }
  }
  if (quote) return { code: 'selectorUnclosedQuote' };
  const missing = closing.at(-1);
  if (missing) return { code: 'selectorMissing', params: { char: missing } };
  for (const item of splitTopLevel(selector)) {
    const trimmed = item.trim();
    if (!trimmed) return { code: 'selectorEmptyItem' };
    if (/[>+~]$/.test(trimmed) || /^[+~]/.test(trimmed)) return { code: 'selectorDanglingCombinator' };
  }
  return null;
}

/** Splits a selector list on its top-level commas (not inside brackets, parentheses or quotes). */
function splitTopLevel(selector: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const char = selector[i];
    if (char === '\\') i++;
    else if (quote) quote = char === quote ? null : quote;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
    else if (char === ',' && depth === 0) {
      items.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  items.push(selector.slice(start));
  return items;
}

/** Whether this context's CSS parser accepts `selector`; true where there is no DOM to ask. */
export function selectorParses(selector: string): boolean {
  const doc = globalThis.document;
  if (!doc) return true;
  try {
    doc.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** Why a selector can't be used, or null: the DOM-free check, then the browser's parser where there is one. */
function selectorProblem(selector: string): ErrorData | null {
  if (selector.trim() === '') return { code: 'selectorEmpty' };
  if (selector.length > OVERRIDE_LIMITS.selectorChars) {
    return { code: 'selectorTooLong', params: { max: OVERRIDE_LIMITS.selectorChars } };
  }
  const syntax = selectorSyntaxProblem(selector);
  if (syntax) return { code: 'selectorInvalid', params: { syntax } };
  if (!selectorParses(selector)) return { code: 'selectorInvalid' };
  if (splitTopLevel(selector).some(selectsWholePage)) return { code: 'selectorWholePage' };
  return null;
}

/** Only html, body, * and :root, in any combination ("body > *"): the page itself, not a part of it. */
function selectsWholePage(item: string): boolean {
  const parts = item
    .toLowerCase()
    .split(/[\s>+~]+/)
    .filter(Boolean);
  return parts.length > 0 && parts.every((part) => /^(html|body|\*|:root)+$/.test(part));
}

/** A variant as written: a bare selector, or an object the part's schema accepts. */
function readVariant(part: PartName, value: unknown, place: (selector?: string) => ErrorData): Variant {
  if (typeof value === 'string') {
    const selector = value.trim();
    const problem = selectorProblem(selector);
    if (problem) throw invalidAt(place(value), problem);
    return { selector };
  }
  if (!isRecord(value)) throw invalidAt(place(), { code: 'selectorNotText' });
  const parsed = v.safeParse(variantsSchema(part), [value]);
  if (!parsed.success) throw invalidAt(place(), { code: 'selectorVariantInvalid' });
  const variant = parsed.output[0];
  if ('selector' in variant) {
    const problem = selectorProblem(variant.selector);
    if (problem) throw invalidAt(place(variant.selector), problem);
  }
  return variant;
}

function readParts(pageId: string, value: unknown): PageOverride['parts'] {
  if (!isRecord(value)) {
    throw invalidAt({ code: 'placePage', params: { page: pageId } }, { code: 'selectorsPageNotObject' });
  }
  const parts: Partial<Record<PartName, Variant[]>> = {};
  for (const [key, variants] of Object.entries(value)) {
    const where = `${pageId}.${key}`;
    if (!(PART_NAMES as readonly string[]).includes(key))
      throw new CodedError('selectorsUnknownKey', { page: pageId, key });
    const part = key as PartName;
    if (!Array.isArray(variants) || variants.length === 0) throw invalidAt(where, { code: 'selectorsNotList' });
    if (variants.length > OVERRIDE_LIMITS.variants) {
      throw invalidAt(where, { code: 'tooManySelectors', params: { max: OVERRIDE_LIMITS.variants } });
    }
    const seen = new Set<string>();
    parts[part] = variants.map((written: unknown, index) => {
      const place = (selector?: string): ErrorData => ({
        code: 'placeSelector',
        params: { key: where, position: index + 1, ...(selector === undefined ? {} : { selector }) },
      });
      const variant = readVariant(part, written, place);
      const key = JSON.stringify({ ...variant, evidence: undefined });
      if (seen.has(key))
        throw invalidAt(place('selector' in variant ? variant.selector : undefined), { code: 'selectorTwice' });
      seen.add(key);
      return variant;
    });
  }
  return parts;
}

/** One page's override, checked: its parts, then each setting against the definition's schema. */
function readPageOverride(pageId: string, written: unknown): PageOverride {
  if (!isRecord(written)) {
    throw invalidAt({ code: 'placePage', params: { page: pageId } }, { code: 'selectorsPageNotObject' });
  }
  const entry = isLegacyEntry(written) ? fromLegacy(pageId, written) : written;
  const override: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'parts') {
      const parts = readParts(pageId, value);
      if (parts && Object.keys(parts).length > 0) override.parts = parts;
      continue;
    }
    const schema = settingsEntries[key as keyof typeof settingsEntries];
    if (!schema) throw new CodedError('selectorsUnknownKey', { page: pageId, key });
    const parsed = v.safeParse(schema, value);
    if (!parsed.success) throw invalidAt(`${pageId}.${key}`, { code: 'pageSettingInvalid' });
    if (parsed.output !== undefined) override[key] = parsed.output;
  }
  return override as PageOverride;
}

/**
 * Checks an override set field by field; throws a CodedError naming the first problem and where it is. Known
 * page ids, parts and settings only; each part a non-empty list of distinct valid variants. Old-shape entries are
 * read into the new shape first. Entries that override nothing are dropped.
 */
export function parseSelectorOverrides(value: unknown): SelectorOverrides {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw new CodedError('selectorsNotObject');
  let size = 0;
  try {
    size = JSON.stringify(value).length;
  } catch {
    throw new CodedError('selectorsUnreadable');
  }
  if (size > OVERRIDE_LIMITS.jsonChars) {
    throw new CodedError('selectorsTooLong', { max: OVERRIDE_LIMITS.jsonChars });
  }
  const result: SelectorOverrides = {};
  for (const [pageId, entry] of Object.entries(value)) {
    if (!PAGES.some((page) => page.id === pageId)) throw new CodedError('selectorsUnknownPage', { page: pageId });
    const override = readPageOverride(pageId, entry);
    if (Object.keys(override).length > 0) result[pageId] = override;
  }
  return result;
}

/**
 * Overrides as stored before this version or by it: read like an import, a page whose entry no longer passes
 * dropped (with one warning) rather than losing the others. For reading the shop's own database.
 */
export function storedSelectorOverrides(value: Record<string, unknown>): SelectorOverrides {
  const result: SelectorOverrides = {};
  for (const [pageId, entry] of Object.entries(value)) {
    try {
      Object.assign(result, parseSelectorOverrides({ [pageId]: entry }));
    } catch (error) {
      console.warn(`[话术助手] stored selector overrides for ${pageId} can't be read; left out.`, error);
    }
  }
  return result;
}

/** Reads the options page's JSON text: empty means no overrides. */
export function parseSelectorOverridesText(text: string): SelectorOverrides {
  if (text.trim() === '') return {};
  if (text.length > OVERRIDE_LIMITS.jsonChars) {
    throw new CodedError('selectorsTextTooLong', { max: OVERRIDE_LIMITS.jsonChars });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CodedError('selectorsNotJson', jsonErrorPlace(text, error));
  }
  return parseSelectorOverrides(value);
}

/** The overrides in force: the managed pack's parts and settings win over the shop's own, one by one. */
export function mergeSelectorOverrides(
  local: SelectorOverrides | undefined,
  managed: SelectorOverrides | undefined,
): SelectorOverrides {
  const result: SelectorOverrides = {};
  for (const source of [local ?? {}, managed ?? {}]) {
    for (const [pageId, override] of Object.entries(source)) {
      const before = result[pageId] ?? {};
      const parts = { ...before.parts, ...override.parts };
      result[pageId] = { ...before, ...override, ...(Object.keys(parts).length > 0 ? { parts } : {}) };
    }
  }
  return result;
}

/** The overrides in force for a shop's state: its own, with the managed pack's keys winning. */
export function effectiveSelectorOverrides(shop: {
  local: { selectorOverrides?: SelectorOverrides };
  managed?: { selectorOverrides?: SelectorOverrides } | null;
}): SelectorOverrides {
  return mergeSelectorOverrides(shop.local.selectorOverrides, shop.managed?.selectorOverrides);
}
