import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';

/**
 * Normalisation, as small pure steps applied in order. The result is what every rule in lib/intents is written
 * against: simplified characters, lower case, half-width, `?` for any question mark, `#` for a number or a
 * platform placeholder, one space between clauses, no emoji, no runs of a repeated character.
 */

/**
 * Traditional → simplified. Only the generic traditional→simplified dictionaries (70 KB minified, 24 KB gzipped
 * with the converter): the t2cn preset's regional (TW/HK) tables take that to 195 KB for vocabulary (軟體→软件…)
 * that buyer questions about orders do not use.
 */
let toSimplified: ((text: string) => string) | null = null;

/**
 * The most of a message the engine reads: real buyer messages run to a few hundred characters, and a pasted
 * megabyte must not hold the service worker for a long task. A long complaint often ends with its request, so the
 * cut keeps the start and the end.
 */
export const ANALYSED_LENGTH = 600;
const ANALYSED_TAIL = 200;

/** The part of a message the engine analyses: all of it up to ANALYSED_LENGTH, else its start and its end. */
export function capForAnalysis(text: string): string {
  if (text.length <= ANALYSED_LENGTH) return text;
  return `${text.slice(0, ANALYSED_LENGTH - ANALYSED_TAIL - 1)} ${text.slice(-ANALYSED_TAIL)}`;
}

/**
 * Characters that show nothing: zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates, the
 * soft hyphen, variation selectors and the byte-order mark. A page (or a copy-paste) can put one inside 什么时候发货;
 * removed, not turned into a clause break, so the words around it still read as one.
 */
const VARIATION_SELECTORS = '\ufe00-\ufe0f';
const INVISIBLE = new RegExp(
  `[\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff${VARIATION_SELECTORS}]`,
  'g',
);

export function dropInvisibles(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Platform placeholders (JD/Taobao exports, chat tools) and links carry no intent, only their kind: a number, an
 * address, a phone, a name, a link. Bracketed emotes such as [呵呵] or [Facepalm] carry nothing.
 */
const PLACEHOLDER = /https?:\/\/\S+|www\.\S+|\[[^\]\s]{1,12}\]|<[a-z]{1,8}>/gi;
const PLACEHOLDER_KINDS: Record<string, string> = { '[地址x]': '地址', '[电话x]': '电话', '[姓名x]': '某' };

function placeholderKind(token: string): string {
  if (/^(?:https?:|www\.)/i.test(token) || /^\[(?:链接|url)x?\]$|^<url>$/i.test(token)) return ' 链接 ';
  const kind = PLACEHOLDER_KINDS[token];
  if (kind) return kind;
  if (/^\[[\u4e00-\u9fff]{1,6}x\]$|^<[a-z]+>$/.test(token)) return '#';
  return /^\[[\u4e00-\u9fffa-z]{1,10}\]$/i.test(token) ? ' ' : token;
}

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
  return text.replace(PLACEHOLDER, placeholderKind);
}

/**
 * NFKC folds full-width letters, digits and punctuation (“？”, “！”, “１２”) into their half-width forms. Text made
 * only of NFKC_STABLE characters has nothing it would change, and most messages are such text: they skip it.
 */
export function foldWidth(text: string): string {
  return stepsNeeded(text) & NOT_NFKC_STABLE ? text.normalize('NFKC') : text;
}

function lowerCase(text: string): string {
  return text.toLowerCase();
}

/**
 * The converter is built on the first message that needs it, not when the service worker starts: building its tables
 * takes about as long as everything else the engine does at start-up, and most shops never see traditional text.
 */
export function traditionalToSimplified(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (STEPS_NEEDED[text.charCodeAt(i)] & TRADITIONAL) {
      toSimplified ??= ConverterFactory([TSPhrases, TSCharacters]);
      return toSimplified(text);
    }
  }
  return text;
}

/**
 * Chat spellings buyers use for the words the rules look for. Only whole, unambiguous spellings:
 * single-character slang (伐, 滴) would change ordinary words.
 */
const CHAT_SPELLINGS: Record<string, string> = {
  肿么: '怎么',
  腫么: '怎么',
  神马: '什么',
  什麽: '什么',
  木有: '没有',
  米有: '没有',
  冇: '没有',
  蟹蟹: '谢谢',
  谢啦: '谢谢',
  '3q': '谢谢',
  thx: '谢谢',
  thanks: '谢谢',
  'thank you': '谢谢',
  咩: '吗',
  啥时候: '什么时候',
  啥时间: '什么时候',
  啥时: '什么时候',
  快点儿: '快点',
  顺风快递: '顺丰快递',
};
/** Latin abbreviations count only as whole words: “sf” but not “sfx”. */
const CHAT_ABBREVIATIONS: Record<string, string> = { sf: '顺丰', jd: '京东', ems: '邮政', ok: '好的', okay: '好的' };

// One alternation each, longest spelling first, so a message is scanned twice rather than once per spelling.
const alternation = (words: string[]): string => words.sort((a, b) => b.length - a.length).join('|');
const CHAT_SPELLING = new RegExp(alternation(Object.keys(CHAT_SPELLINGS)), 'g');
const CHAT_ABBREVIATION = new RegExp(`\\b(?:${alternation(Object.keys(CHAT_ABBREVIATIONS))})\\b`, 'g');

const spelledOut = (word: string): string => CHAT_SPELLINGS[word];
const abbreviatedOut = (word: string): string => CHAT_ABBREVIATIONS[word];

export function fixChatSpellings(text: string): string {
  return text.replace(CHAT_SPELLING, spelledOut).replace(CHAT_ABBREVIATION, abbreviatedOut);
}

/**
 * Numbers are evidence only of their kind (“3天”, “#号”), so they all become `#` — except the numbers that are
 * names, not quantities: the consumer hotlines buyers threaten with (12315, 315).
 */
export function collapseNumbers(text: string): string {
  return text.replace(/(?<!\d)(?!(?:12315|315)(?!\d))\d+(?:\.\d+)?/g, '#').replace(/#{2,}/g, '#');
}

/**
 * Every character that is neither a Chinese character, a letter, a digit, `?` nor `#` (a number) becomes a clause
 * break (one space): punctuation, symbols, emoji. Lower-casing has left only a-z.
 */
export function simplifyPunctuation(text: string): string {
  return text
    .replace(/？/g, '?')
    .replace(/[^\u3400-\u9fffa-z0-9?#]+/g, ' ')
    .trim();
}

/** “发货了吗？？？”, “快快快快”, “啊啊啊”: three or more of the same character count as one. */
export function collapseRepeats(text: string): string {
  if (!hasRepeats(text)) return text;
  let out = '';
  for (let start = 0; start < text.length; ) {
    let end = start + 1;
    while (text[end] === text[start]) end++;
    // A pair stays (谢谢, 看看); “??” is one question mark.
    out += end - start >= 3 || text[start] === '?' ? text[start] : text.slice(start, end);
    start = end;
  }
  return out;
}

/** Most messages have nothing to collapse: a scan without building a string tells. */
function hasRepeats(text: string): boolean {
  const QUESTION_MARK = 63;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === text.charCodeAt(i - 1) && (code === QUESTION_MARK || code === text.charCodeAt(i + 1))) return true;
  }
  return false;
}

/**
 * What each UTF-16 code unit asks of the steps after the placeholders, as bits: a message's characters, ORed in one
 * scan, tell which steps could change it. Most buyer messages are changed by one of the six or none, and every step
 * skipped is a pass over the message saved. A bit is set wherever the step could change text holding the character (a superset
 * is safe: a step run for nothing changes nothing).
 */
const NOT_NFKC_STABLE = 1;
const UPPER_CASE = 2;
/** Exists only in traditional writing (its entry does not map it to itself too). */
const TRADITIONAL = 4;
/** Begins a chat spelling or abbreviation, in either case (they are matched after lower-casing). */
const BEGINS_CHAT_SPELLING = 8;
const DIGIT_OR_HASH = 16;
/** Neither a Chinese character, a letter, a digit, `?` nor `#`: simplifyPunctuation makes it a clause break. */
const BREAKS_CLAUSE = 32;

/** Tab and line breaks, printable ASCII, unified ideographs and the common Chinese punctuation, as [first, last]. */
const NFKC_STABLE = [
  [0x09, 0x0a],
  [0x0d, 0x0d],
  [0x20, 0x7e],
  [0x4e00, 0x9fff],
  [0x3001, 0x3002],
  [0x300a, 0x3011],
  [0x2018, 0x2019],
  [0x201c, 0x201d],
];
/** What simplifyPunctuation keeps: Chinese characters, a–z, A–Z (it is lower-cased first), 0–9, `?` and `#`. */
const CLAUSE_CHARACTERS = [
  [0x3400, 0x9fff],
  [0x61, 0x7a],
  [0x41, 0x5a],
  [0x30, 0x39],
  [0x3f, 0x3f],
  [0x23, 0x23],
];

const STEPS_NEEDED = new Uint8Array(0x10000);

/** Ranges are [first, last]; a plain loop over a typed array, for the few short ranges. */
function setBits(bits: number, [first, last]: number[]): void {
  for (let code = first; code <= last; code++) STEPS_NEEDED[code] |= bits;
}

const within = (ranges: number[][], code: number): boolean =>
  ranges.some(([first, last]) => code >= first && code <= last);

/**
 * Every code unit is NOT_NFKC_STABLE and BREAKS_CLAUSE but those of their ranges. Filled segment by segment between
 * the ranges' ends (a few dozen fills) rather than code unit by code unit: this runs when the service worker starts.
 */
function fillOutsideRanges(): void {
  const ends = new Set([0, 0x10000]);
  for (const [first, last] of [...NFKC_STABLE, ...CLAUSE_CHARACTERS]) ends.add(first).add(last + 1);
  const bounds = [...ends].sort((a, b) => a - b);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const code = bounds[i];
    const bits =
      (within(NFKC_STABLE, code) ? 0 : NOT_NFKC_STABLE) | (within(CLAUSE_CHARACTERS, code) ? 0 : BREAKS_CLAUSE);
    STEPS_NEEDED.fill(bits, code, bounds[i + 1]);
  }
}

/**
 * Marks the characters that exist only in traditional writing: the first character of each dictionary entry
 * (`traditional simplified…|…`) that does not also map to itself. Read with indexOf and character codes, without
 * splitting the dictionary into thousands of strings, because this also runs when the service worker starts.
 */
function markTraditional(dictionary: string): void {
  for (let start = 0; start < dictionary.length; ) {
    let end = dictionary.indexOf('|', start);
    if (end === -1) end = dictionary.length;
    const space = dictionary.indexOf(' ', start);
    const traditional = dictionary.slice(start, space);
    let mapsToItself = false;
    for (let from = space + 1; from < end && !mapsToItself; ) {
      let next = dictionary.indexOf(' ', from);
      if (next === -1 || next > end) next = end;
      mapsToItself = next - from === traditional.length && dictionary.startsWith(traditional, from);
      from = next + 1;
    }
    if (!mapsToItself) STEPS_NEEDED[traditional.charCodeAt(0)] |= TRADITIONAL;
    start = end + 1;
  }
}

fillOutsideRanges();
setBits(UPPER_CASE, [0x41, 0x5a]);
setBits(DIGIT_OR_HASH, [0x30, 0x39]);
setBits(DIGIT_OR_HASH, [0x23, 0x23]);
markTraditional(TSCharacters);
for (const spelling of [...Object.keys(CHAT_SPELLINGS), ...Object.keys(CHAT_ABBREVIATIONS)])
  for (const char of [spelling[0], spelling[0].toUpperCase()]) STEPS_NEEDED[char.charCodeAt(0)] |= BEGINS_CHAT_SPELLING;

function stepsNeeded(text: string): number {
  let needed = 0;
  for (let i = 0; i < text.length; i++) needed |= STEPS_NEEDED[text.charCodeAt(i)];
  return needed;
}

/**
 * Every step in order, each only where it could change the message. NFKC and the traditional→simplified converter can
 * bring in any character: after either, the message is scanned again.
 */
export function normalize(text: string): string {
  let out = replacePlaceholders(dropPlatformHeaders(dropInvisibles(capForAnalysis(text))));
  let needed = stepsNeeded(out);
  if (needed & NOT_NFKC_STABLE) {
    // Lower-cased whatever the scan found: what NFKC leaves may have upper case beyond A–Z.
    out = lowerCase(foldWidth(out));
    needed = stepsNeeded(out);
  } else if (needed & UPPER_CASE) {
    // Of NFKC-stable characters, only A–Z have another lower case.
    out = lowerCase(out);
  }
  if (needed & TRADITIONAL) {
    out = traditionalToSimplified(out);
    needed = stepsNeeded(out);
  }
  if (needed & BEGINS_CHAT_SPELLING) out = fixChatSpellings(out);
  if (needed & DIGIT_OR_HASH) out = collapseNumbers(out);
  if (needed & BREAKS_CLAUSE) out = simplifyPunctuation(out);
  return collapseRepeats(out);
}
