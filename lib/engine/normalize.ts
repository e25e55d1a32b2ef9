import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';

/**
 * Normalisation, as small pure steps applied in order. The result is what every rule in lib/intents is written
 * against: simplified characters, lower case, half-width, `?` for any question mark, `#` for a number or a
 * platform placeholder, one space between clauses, no emoji, no runs of a repeated character.
 */

/**
 * Traditional → simplified. Only the generic traditional→simplified dictionaries: the regional (TW/HK) phrase
 * tables would add ~60 KB for vocabulary (软件/軟體…) that buyer questions about orders do not use.
 */
const toSimplified = ConverterFactory([TSPhrases, TSCharacters]);

/** Platform placeholders (JD/Taobao exports, chat tools) and links carry no intent, only their kind. */
const PLACEHOLDERS: [RegExp, string][] = [
  [/https?:\/\/\S+|www\.\S+/gi, ' 链接 '],
  [/\[(?:链接|url)x?\]|<url>/gi, ' 链接 '],
  [/\[地址x\]/g, '地址'],
  [/\[电话x\]/g, '电话'],
  [/\[姓名x\]/g, '某'],
  [/\[[\u4e00-\u9fff]{1,6}x\]|<num>|<[a-z]+>/g, '#'],
  // Bracketed platform emotes such as [呵呵] or [Facepalm].
  [/\[[\u4e00-\u9fffa-z]{1,10}\]/gi, ' '],
];

/**
 * Context headers the JD chat widget prepends (“咨询订单号:[订单x] 商品ID:[数字x]”, “京东快递(移动端)”): they name
 * the order and the channel, never what the buyer wants, and their 订单/快递 would read as evidence.
 */
const PLATFORM_HEADERS =
  /(?:咨询|查询)?订单(?:号|编号)\s*[:：]\s*\S*|商品(?:id|号|编号)\s*[:：]\s*\S*|订单金额\s*[:：]\s*\S*|下单时间\s*[:：]\s*\S*(?:\s*\[时间x\])?|京东快递\s*[(（]移动端[)）]/gi;

export function dropPlatformHeaders(text: string): string {
  return text.replace(PLATFORM_HEADERS, ' ');
}

export function replacePlaceholders(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PLACEHOLDERS) out = out.replace(pattern, replacement);
  return out;
}

/** NFKC folds full-width letters, digits and punctuation (“？”, “！”, “１２”) into their half-width forms. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

export function lowerCase(text: string): string {
  return text.toLowerCase();
}

export function traditionalToSimplified(text: string): string {
  return toSimplified(text);
}

/**
 * Chat spellings buyers use for the words the rules look for. Only whole, unambiguous spellings:
 * single-character slang (伐, 滴) would change ordinary words.
 */
const CHAT_SPELLINGS: [RegExp, string][] = [
  [/肿么|腫么/g, '怎么'],
  [/神马|什麽/g, '什么'],
  [/木有|米有|冇/g, '没有'],
  [/蟹蟹|谢啦|3q|thx|thanks|thank you/g, '谢谢'],
  [/咩/g, '吗'],
  [/啥时候|啥时间|啥时/g, '什么时候'],
  [/快点儿/g, '快点'],
  [/顺风快递/g, '顺丰快递'],
  [/\bsf\b/g, '顺丰'],
  [/\bjd\b/g, '京东'],
  [/\bems\b/g, '邮政'],
  [/\bok\b|\bokay\b/g, '好的'],
];

export function fixChatSpellings(text: string): string {
  let out = text;
  for (const [pattern, replacement] of CHAT_SPELLINGS) out = out.replace(pattern, replacement);
  return out;
}

/** Numbers that are names, not quantities: the consumer hotlines buyers threaten with. */
const NAMED_NUMBERS = new Set(['12315', '315']);

/** Other numbers are evidence only of their kind (“3天”, “#号”), so they all become `#`. */
export function collapseNumbers(text: string): string {
  return text.replace(/\d+(?:\.\d+)?/g, (n) => (NAMED_NUMBERS.has(n) ? n : '#')).replace(/#+/g, '#');
}

/**
 * Question marks become `?`; every other punctuation mark, symbol or emoji becomes a clause break (one space).
 * `#` survives: it stands for a number.
 */
export function simplifyPunctuation(text: string): string {
  return text
    .replace(/[?？¿]/g, '?')
    .replace(/[^\p{L}\p{N}?#]+/gu, ' ')
    .trim();
}

/** “发货了吗？？？”, “快快快快”, “啊啊啊”: three or more of the same character count as one. */
export function collapseRepeats(text: string): string {
  return text.replace(/(.)\1{2,}/gu, '$1').replace(/\?+/g, '?');
}

export const NORMALIZE_STEPS: readonly ((text: string) => string)[] = [
  dropPlatformHeaders,
  replacePlaceholders,
  foldWidth,
  lowerCase,
  traditionalToSimplified,
  fixChatSpellings,
  collapseNumbers,
  simplifyPunctuation,
  collapseRepeats,
];

export function normalize(text: string): string {
  let out = text;
  for (const step of NORMALIZE_STEPS) out = step(out);
  return out;
}
