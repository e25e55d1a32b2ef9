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

import type { Language } from '@/lib/language';
import { PAGES } from '@/lib/pages';

export type SelectorOverrides = Record<string, Record<string, string[]>>;

export const OVERRIDE_LIMITS = {
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

export class SelectorOverrideError extends Error {
  override name = 'SelectorOverrideError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A DOM-free check of a selector's syntax, for the background's service worker: brackets, parentheses and
 * quotes must pair up, no braces or semicolons (a pasted CSS rule), no empty item in a list and no dangling
 * combinator. It refuses what it can be sure of; the browser's parser is the final word where there is a DOM.
 */
export function selectorSyntaxProblem(selector: string, lang: Language): string | null {
  const zh = lang === 'zh';
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
      if (closing.pop() !== char) return zh ? `括号「${char}」不成对` : `unpaired "${char}"`;
    } else if (char === '{' || char === '}' || char === ';') {
      return zh
        ? `不能包含「${char}」（只填选择器，不填样式）`
        : `must not contain "${char}" (a selector only, no style rule)`;
    }
  }
  if (quote) return zh ? '引号没有闭合' : 'an unclosed quote';
  if (closing.length > 0) return zh ? `缺少「${closing.at(-1)}」` : `missing "${closing.at(-1)}"`;
  const items = splitTopLevel(selector);
  for (const item of items) {
    const trimmed = item.trim();
    if (!trimmed) return zh ? '逗号之间缺少选择器' : 'an empty item between commas';
    if (/[>+~]$/.test(trimmed) || /^[+~]/.test(trimmed)) {
      return zh ? '组合符（> + ~）两边都要有选择器' : 'a combinator (> + ~) needs a selector on both sides';
    }
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
export function selectorProblem(selector: string, lang: Language): string | null {
  const zh = lang === 'zh';
  if (selector.trim() === '') return zh ? '选择器为空' : 'the selector is empty';
  if (selector.length > OVERRIDE_LIMITS.selectorChars) {
    return zh
      ? `选择器太长（最多 ${OVERRIDE_LIMITS.selectorChars} 个字符）`
      : `the selector is too long (at most ${OVERRIDE_LIMITS.selectorChars} characters)`;
  }
  const syntax = selectorSyntaxProblem(selector, lang);
  if (syntax) return zh ? `不是有效的 CSS 选择器：${syntax}` : `not a valid CSS selector: ${syntax}`;
  if (!selectorParses(selector)) return zh ? '不是有效的 CSS 选择器' : 'not a valid CSS selector';
  return null;
}

/**
 * Checks an override set field by field; throws SelectorOverrideError naming the first problem and where it
 * is. Known adapter ids and keys only; each key a non-empty list of distinct valid selectors. Entries that
 * override nothing (an adapter with no keys) are dropped.
 */
export function parseSelectorOverrides(value: unknown, lang: Language): SelectorOverrides {
  const zh = lang === 'zh';
  const fail = (problem: string): never => {
    throw new SelectorOverrideError(problem);
  };
  if (value === undefined || value === null) return {};
  if (!isRecord(value))
    fail(
      zh
        ? '页面选择器应为 JSON 对象：{ "页面": { "选择器名": ["…"] } }'
        : 'Selector overrides should be a JSON object: { "page": { "key": ["…"] } }',
    );
  let size = 0;
  try {
    size = JSON.stringify(value).length;
  } catch {
    fail(zh ? '页面选择器无法读取' : 'Selector overrides cannot be read');
  }
  if (size > OVERRIDE_LIMITS.jsonChars) {
    fail(
      zh
        ? `页面选择器太长（最多 ${OVERRIDE_LIMITS.jsonChars} 个字符）`
        : `Selector overrides are too long (at most ${OVERRIDE_LIMITS.jsonChars} characters)`,
    );
  }
  const known = [...BUILT_IN.keys()];
  const result: SelectorOverrides = {};
  for (const [adapterId, keys] of Object.entries(value as Record<string, unknown>)) {
    const builtIn = BUILT_IN.get(adapterId);
    if (!builtIn) {
      fail(
        zh
          ? `未知页面「${adapterId}」，可用：${known.join('、')}`
          : `Unknown page "${adapterId}"; known: ${known.join(', ')}`,
      );
    }
    const page = pageLabel(adapterId, lang);
    if (!isRecord(keys))
      fail(
        zh
          ? `${page}（${adapterId}）：应为 { "选择器名": ["…"] }`
          : `${page} (${adapterId}): should be { "key": ["…"] }`,
      );
    const entries: Record<string, string[]> = {};
    for (const [key, variants] of Object.entries(keys as Record<string, unknown>)) {
      const where = `${adapterId}.${key}`;
      if (!builtIn || !Object.hasOwn(builtIn, key)) {
        fail(
          zh
            ? `${page}没有名为「${key}」的选择器，可用：${Object.keys(builtIn ?? {}).join('、')}`
            : `${page} has no selector "${key}"; known: ${Object.keys(builtIn ?? {}).join(', ')}`,
        );
      }
      if (!Array.isArray(variants) || variants.length === 0) {
        fail(
          zh
            ? `${where}：应为至少一个选择器的列表，如 ["textarea.editor"]`
            : `${where}: should be a non-empty list, e.g. ["textarea.editor"]`,
        );
      }
      const list = variants as unknown[];
      if (list.length > OVERRIDE_LIMITS.variants) {
        fail(
          zh
            ? `${where}：最多 ${OVERRIDE_LIMITS.variants} 个选择器`
            : `${where}: at most ${OVERRIDE_LIMITS.variants} selectors`,
        );
      }
      const seen = new Set<string>();
      entries[key] = list.map((variant, index) => {
        const at = zh ? `${where} 第 ${index + 1} 个` : `${where} #${index + 1}`;
        if (typeof variant !== 'string') return fail(zh ? `${at}：选择器应为文字` : `${at}: a selector should be text`);
        const selector = variant.trim();
        const problem = selectorProblem(selector, lang);
        if (problem) return fail(`${at}「${variant}」：${problem}`);
        if (seen.has(selector)) return fail(zh ? `${at}「${selector}」重复` : `${at} "${selector}" appears twice`);
        seen.add(selector);
        return selector;
      });
    }
    if (Object.keys(entries).length > 0) result[adapterId] = entries;
  }
  return result;
}

/** Reads the options page's JSON text: empty means no overrides. */
export function parseSelectorOverridesText(text: string, lang: Language): SelectorOverrides {
  const zh = lang === 'zh';
  if (text.trim() === '') return {};
  if (text.length > OVERRIDE_LIMITS.jsonChars) {
    throw new SelectorOverrideError(
      zh
        ? `内容太长（最多 ${OVERRIDE_LIMITS.jsonChars} 个字符）`
        : `Too long (at most ${OVERRIDE_LIMITS.jsonChars} characters)`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SelectorOverrideError(zh ? `不是有效的 JSON：${detail}` : `Not valid JSON: ${detail}`);
  }
  return parseSelectorOverrides(value, lang);
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
