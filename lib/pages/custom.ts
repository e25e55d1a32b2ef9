/**
 * Chat pages a shop adds at run time (添加聊天页面), as data, free of DOM code: the background stores them and
 * registers Huashu's content script there, the options page lists them, the mapper fills in their definition.
 *
 * A custom page is a URL match pattern the admin typed. Only that pattern's origin is asked for, as an optional
 * host permission, when the admin adds it; nothing runs anywhere else.
 */

import * as v from 'valibot';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { isRecord } from '@/lib/is-record';
import { CodedError, invalidAt } from '@/lib/messages/errors';
import { checkPageDefinition, isSelectorVariant, type PageDefinition } from '@/lib/pages/definition';
import { adapterMatches } from '@/lib/pages/matches';
import { selectorSyntaxProblem } from '@/lib/pages/overrides';

/** One chat page the admin added. `definition` is absent until the page is mapped (the page mapper saves it). */
export interface CustomPage {
  id: string;
  /** The match pattern the content script is registered for, as the admin typed it (normalised). */
  pattern: string;
  /** The host permission asked for: the pattern's scheme and host, any path. */
  origin: string;
  /** epoch ms */
  addedAt: number;
  /** The page definition the mapper saved, as data; validated with the page schema whenever it is stored. */
  definition?: unknown;
}

/** What the options page and the toolbar popup show of a custom page. */
export interface CustomPageSummary {
  id: string;
  pattern: string;
  origin: string;
  addedAt: number;
  mapped: boolean;
  /** The host permission is still held; a page whose site was revoked at chrome://extensions runs nowhere. */
  granted: boolean;
}

const PATTERN_MAX_CHARS = 300;
/** Content scripts Huashu registers at run time carry this prefix, so a sync never touches another registration. */
export const CUSTOM_SCRIPT_PREFIX = 'huashu-page-';

/**
 * The admin's pattern, checked: a match pattern (https://shop.example.com/chat/*), on http or https, naming one
 * host (a leading *. for its subdomains is fine, a bare * is not: that would be every site), and not a page
 * Huashu already supports. A bare host or URL without a path gets /* so `https://kf.example.com` works as typed.
 */
export function parseChatPagePattern(input: string): { pattern: string; origin: string } {
  let pattern = input.trim();
  if (!pattern) throw new CodedError('pagePatternEmpty');
  if (pattern.length > PATTERN_MAX_CHARS) throw new CodedError('pagePatternTooLong', { max: PATTERN_MAX_CHARS });
  if (!pattern.includes('://')) throw new CodedError('pagePatternScheme');
  // A URL typed without a path: the whole site is meant.
  if (!/^[^:]+:\/\/[^/]+\//.test(pattern)) pattern = `${pattern}/*`;
  let parsed: MatchPattern;
  try {
    parsed = new MatchPattern(withoutPort(pattern));
  } catch {
    // The parser's own message is English and technical; the admin gets an example instead.
    throw new CodedError('pagePatternInvalid');
  }
  const [, scheme, host] = /^([^:]+):\/\/([^/]+)\//.exec(pattern) ?? [];
  if (scheme !== 'http' && scheme !== 'https') throw new CodedError('pagePatternScheme');
  // Chrome's own parser is stricter than the one above about hosts: letters, digits, dots and dashes only.
  if (!/^(\*|(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)(:\d{1,5})?$/.test(host ?? '')) {
    throw new CodedError('pagePatternInvalid');
  }
  // `*` alone is every site, `*.com` every site under a top-level domain: neither is one chat page.
  const hostName = (host ?? '').replace(/:\d+$/, '');
  if (hostName === '*' || (hostName.startsWith('*.') && hostName.split('.').length < 3)) {
    throw new CodedError('pagePatternTooBroad');
  }
  const origin = `${scheme}://${host}/*`;
  const builtIn = adapterMatches.find((known) =>
    overlaps(new MatchPattern(known), parsed, withoutPort(pattern), known),
  );
  if (builtIn) throw new CodedError('pagePatternBuiltIn', { pattern: builtIn });
  return { pattern, origin };
}

/**
 * Chrome's match patterns may name a port (http://kf.example.com:8080/*); the pattern parser used here may not, and
 * a pattern's port does not change which site it is. Checked and compared without it; registered with it.
 */
function withoutPort(pattern: string): string {
  return pattern.replace(/^([^:]+:\/\/[^/:]+):\d+\//, '$1/');
}

/** Whether two patterns can match the same page, judged on sample URLs of each (patterns have no intersection API). */
function overlaps(known: MatchPattern, added: MatchPattern, addedText: string, knownText: string): boolean {
  const sample = (text: string) => text.replace('*://', 'https://').replace('://*.', '://x.').replaceAll('*', 'x');
  return known.includes(sample(addedText)) || added.includes(sample(knownText));
}

/** A stable id for a pattern, usable as a registration id: the same pattern added twice is the same page. */
export function customPageId(pattern: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < pattern.length; i++) {
    hash ^= pattern.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${CUSTOM_SCRIPT_PREFIX}${(hash >>> 0).toString(36)}`;
}

/** The custom page a URL belongs to, if any. */
export function customPageFor<T extends Pick<CustomPage, 'pattern'>>(pages: readonly T[], url: string): T | undefined {
  return pages.find((page) => {
    try {
      return new MatchPattern(withoutPort(page.pattern)).includes(url);
    } catch {
      return false;
    }
  });
}

/** A definition the mapper makes is a few kilobytes; this bounds what a chat tab can make the background store. */
const DEFINITION_MAX_CHARS = 20_000;

/**
 * The definition the mapper sent, checked before it is stored: the page schema (lib/pages/definition.ts), then every
 * selector with the same DOM-free syntax check selector overrides get, so the background refuses what a page's CSS
 * parser would. Its id and match patterns are the page's own, whatever the chat tab sent: a content script can
 * describe its page, never claim another. Throws a CodedError that names the first problem and where it is.
 */
export function parseCustomDefinition(value: unknown, page: Pick<CustomPage, 'id' | 'pattern'>): PageDefinition {
  if (!isRecord(value)) throw new CodedError('pageDefinitionInvalid', { where: '' });
  if (JSON.stringify(value).length > DEFINITION_MAX_CHARS) {
    throw new CodedError('pageDefinitionInvalid', { where: `> ${DEFINITION_MAX_CHARS}` });
  }
  const checked = checkPageDefinition({ ...value, id: page.id, matches: [page.pattern] });
  if (!checked.success) {
    throw new CodedError('pageDefinitionInvalid', { where: v.getDotPath(checked.issues[0]) ?? '' });
  }
  const definition = checked.output as PageDefinition;
  for (const [part, variants] of Object.entries(definition.parts)) {
    for (const [index, variant] of (variants ?? []).entries()) {
      if (!isSelectorVariant(variant)) continue;
      const syntax = selectorSyntaxProblem(variant.selector);
      if (!syntax) continue;
      throw invalidAt(
        {
          code: 'placeSelector',
          params: { key: `${page.id}.${part}`, position: index + 1, selector: variant.selector },
        },
        { code: 'selectorInvalid', params: { syntax } },
      );
    }
  }
  return definition;
}
