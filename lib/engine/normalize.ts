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
 * Characters that exist only in traditional writing (their entry does not map them to themselves too). A message
 * without any is simplified Chinese, and converting it would only risk changing it, so it is left alone.
 */
const TRADITIONAL_ONLY = new Uint8Array(0x10000);
for (const entry of TSCharacters.split('|')) {
  const [traditional, ...simplified] = entry.split(' ');
  if (!simplified.includes(traditional)) TRADITIONAL_ONLY[traditional.charCodeAt(0)] = 1;
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

/** NFKC folds full-width letters, digits and punctuation (“？”, “！”, “１２”) into their half-width forms. */
/**
 * Text made only of printable ASCII, unified ideographs and the common Chinese punctuation has nothing NFKC would change, and
 * most messages are such text: they skip the normalisation.
 */
const NFKC_STABLE = /^[\t\n\r -~\u4e00-\u9fff\u3001\u3002\u300a-\u3011\u2018\u2019\u201c\u201d]*$/;

export function foldWidth(text: string): string {
  return NFKC_STABLE.test(text) ? text : text.normalize('NFKC');
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
    if (TRADITIONAL_ONLY[text.charCodeAt(i)]) {
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

const NORMALIZE_STEPS: readonly ((text: string) => string)[] = [
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
