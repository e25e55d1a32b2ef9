/**
 * Selector overrides: a shop admin's fix for a page that changed before Huashu was updated. Overrides are
 * `{ [adapterId]: { [selectorKey]: string[] } }`; each key's variants are tried first, then the adapter's
 * built-in ones, so an override can only add ways to find a part, never remove the shipped ones.
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

import { isRecord } from '@/lib/is-record';
import type { Language } from '@/lib/language';
import { CodedError, type ErrorData, invalidAt } from '@/lib/messages/errors';
import { jsonErrorPlace } from '@/lib/messages/shown';
import { PAGES } from '@/lib/pages';

export type SelectorOverrides = Record<string, Record<string, string[]>>;

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

/** The shipped selectors of every page: page definitions are data, never bound to. */
const BUILT_IN: ReadonlyMap<string, Readonly<Record<string, readonly string[]>>> = new Map(
  PAGES.map((page) => [page.id, page.selectors]),
);

/** An adapter's shipped selectors (a copy), whatever is bound now; undefined for an unknown adapter id. */
export function builtInSelectors(adapterId: string): Record<string, string[]> | undefined {
  const table = BUILT_IN.get(adapterId);
  return table && Object.fromEntries(Object.entries(table).map(([key, variants]) => [key, [...variants]]));
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

/**
 * Checks an override set field by field; throws a CodedError naming the first problem and where it is. Known
 * adapter ids and keys only; each key a non-empty list of distinct valid selectors. Entries that override
 * nothing (an adapter with no keys) are dropped.
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
  for (const [adapterId, keys] of Object.entries(value)) {
    const builtIn = BUILT_IN.get(adapterId);
    if (!builtIn) throw new CodedError('selectorsUnknownPage', { page: adapterId });
    if (!isRecord(keys)) {
      throw invalidAt({ code: 'placePage', params: { page: adapterId } }, { code: 'selectorsPageNotObject' });
    }
    const entries: Record<string, string[]> = {};
    for (const [key, variants] of Object.entries(keys)) {
      const where = `${adapterId}.${key}`;
      if (!Object.hasOwn(builtIn, key)) throw new CodedError('selectorsUnknownKey', { page: adapterId, key });
      if (!Array.isArray(variants) || variants.length === 0) throw invalidAt(where, { code: 'selectorsNotList' });
      if (variants.length > OVERRIDE_LIMITS.variants) {
        throw invalidAt(where, { code: 'tooManySelectors', params: { max: OVERRIDE_LIMITS.variants } });
      }
      const seen = new Set<string>();
      entries[key] = variants.map((variant: unknown, index) => {
        const place = (selector?: string): ErrorData => ({
          code: 'placeSelector',
          params: { key: where, position: index + 1, ...(selector === undefined ? {} : { selector }) },
        });
        if (typeof variant !== 'string') throw invalidAt(place(), { code: 'selectorNotText' });
        const selector = variant.trim();
        const problem = selectorProblem(selector);
        if (problem) throw invalidAt(place(variant), problem);
        if (seen.has(selector)) throw invalidAt(place(selector), { code: 'selectorTwice' });
        seen.add(selector);
        return selector;
      });
    }
    if (Object.keys(entries).length > 0) result[adapterId] = entries;
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

/** The overrides in force: the managed pack's keys win over the shop's own, key by key. */
export function mergeSelectorOverrides(
  local: SelectorOverrides | undefined,
  managed: SelectorOverrides | undefined,
): SelectorOverrides {
  const result: SelectorOverrides = {};
  for (const source of [local ?? {}, managed ?? {}]) {
    for (const [adapterId, keys] of Object.entries(source)) result[adapterId] = { ...result[adapterId], ...keys };
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

/** One adapter's selectors with `overrides` bound: override variants first, then the built-in ones, no repeats. */
export function mergedSelectors(
  adapterId: string,
  overrides: Record<string, readonly string[]> | undefined,
): Record<string, string[]> {
  const table = builtInSelectors(adapterId) ?? {};
  for (const [key, variants] of Object.entries(overrides ?? {})) {
    if (!table[key]) continue;
    table[key] = [...new Set([...variants, ...table[key]])];
  }
  return table;
}
