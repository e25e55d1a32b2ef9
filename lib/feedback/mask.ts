/**
 * Masks a buyer's personal data before feedback leaves the chat: the admin needs to see what went wrong, not who
 * the buyer is. Pure functions of the text, a pipeline of small steps (email, 微信号, QQ, digit runs, addresses).
 *
 * Buyers write numbers in full-width digits, one digit per space or in Chinese numerals, so each step looks at a
 * folded copy of the text. Folding maps one UTF-16 unit to one, so a span found in the copy is the same span in
 * the original, and the step replaces that span of the original.
 *
 * What stays, so the admin still recognises the data: a phone's first 3 and last 4 digits, a landline's area
 * code, an ID's first 6 (the district) and last 4, a card's first and last 4, the first 2 characters of a QQ,
 * 微信号 or mailbox name (and the mail domain), and an address down to its district.
 */
import type { FeedbackContext } from '@/lib/feedback/types';

// ---- folding ----

/** Full-width ASCII (U+FF01–FF5E) to ASCII, the ideographic space to a space. */
function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

/** Chinese numerals as buyers spell out numbers, 幺 and 两 as read aloud, and the financial forms. */
const NUMERAL_DIGITS: Readonly<Record<string, string>> = {
  零: '0',
  〇: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  两: '2',
  贰: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};
const NUMERAL = new RegExp(`[${Object.keys(NUMERAL_DIGITS).join('')}]`, 'g');

function foldDigits(text: string): string {
  return foldWidth(text).replace(NUMERAL, (char) => NUMERAL_DIGITS[char]);
}

/** `text` with the span `replace` picks in each match of `pattern` in `fold(text)` replaced by its text. */
function replaceFolded(
  text: string,
  fold: (text: string) => string,
  pattern: RegExp,
  replace: (match: RegExpExecArray) => { start: number; end: number; text: string },
): string {
  let out = '';
  let done = 0;
  for (const match of fold(text).matchAll(pattern)) {
    const found = replace(match);
    out += text.slice(done, found.start) + found.text;
    done = found.end;
  }
  return out + text.slice(done);
}

/** Keeps `head` and `tail` characters and stars the rest (at least one star). */
function hideMiddle(value: string, head: number, tail: number): string {
  const stars = Math.max(1, value.length - head - tail);
  return value.slice(0, head) + '*'.repeat(stars) + (tail > 0 ? value.slice(-tail) : '');
}

// ---- email, 微信号, QQ ----

/** Bounded parts and a start only at the beginning of a name keep the scan linear on long text. */
const EMAIL = /(?<![\w.%+-])([\w.%+-]{1,64})@((?:[A-Za-z0-9-]{1,63}\.){1,4}[A-Za-z]{2,12})(?![A-Za-z])/g;

function maskEmails(text: string): string {
  return replaceFolded(text, foldWidth, EMAIL, (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: `${hideMiddle(match[1], match[1].length > 3 ? 2 : 1, 0)}@${match[2]}`,
  }));
}

/**
 * An id after a word that says what it is: without the word, a 微信号 or QQ is just letters or digits. A word in
 * Latin letters must not run on into more letters, or wxa_abtest in a link would read as 微信 a_abtest.
 */
function contactPattern(hanWords: string, latinWords: string, id: string): RegExp {
  const words = `(?:${hanWords}|(?<![A-Za-z])(?:${latinWords})(?![A-Za-z_]))`;
  return new RegExp(`${words}[\\s:：]{0,3}(?:号|是|为|id)?[\\s:：]{0,3}(${id})`, 'gi');
}
const WECHAT = contactPattern(
  '微信号?|威信|薇信|v信',
  'vx|wx|weixin|wechat|加v',
  '[A-Za-z][-_A-Za-z0-9]{5,19}(?![-_A-Za-z0-9])',
);
const QQ = contactPattern('扣扣|企鹅号?', 'qq号?', '[1-9]\\d{4,10}(?!\\d)');

function maskContactIds(text: string, pattern: RegExp, fold: (text: string) => string): string {
  return replaceFolded(text, fold, pattern, (match) => {
    const end = match.index + match[0].length;
    return { start: end - match[1].length, end, text: hideMiddle(match[1], 2, 1) };
  });
}

// ---- digit runs: phones, landlines, 身份证, bank cards ----

/** Digits joined by the separators buyers put in numbers; a trailing X for a 身份证. */
const DIGIT_RUN = /\d(?:[\s\-.()（）]{0,3}\d)*[Xx]?/g;
const DIGIT_GROUP = /\d+[Xx]?/g;
/** The lengths of the numbers masked here (a landline 010 1234567 to a card): other windows are not tried. */
const SHORTEST_NUMBER = 10;
const LONGEST_NUMBER = 19;

const MOBILE = /^(?:0086|86)?(1[3-9]\d{9})$/;
/** 010 and 02x are the 3-digit area codes, the rest have 4. */
const LANDLINE = /^(0(?:10|2\d)|0[3-9]\d{2})(\d{7,8})$/;
const ID_CARD = /^[1-8]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/**
 * Issuer prefixes and lengths of the cards Chinese buyers hold (UnionPay 62, Visa, Mastercard, JCB). Checked
 * with Luhn, so a 19-digit order number (Douyin's start with other digits) stays readable.
 */
const CARD_ISSUERS: readonly { prefix: RegExp; lengths: readonly number[] }[] = [
  { prefix: /^62/, lengths: [16, 17, 18, 19] },
  { prefix: /^4/, lengths: [16] },
  { prefix: /^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16] },
  { prefix: /^35(?:2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] },
];
/** A number right after these words is an order or a parcel, even when it happens to pass Luhn. */
const ORDER_WORDS = /(?:订单|单号|编号|运单|快递|物流|order)[^\d]{0,4}$/i;

function validIdCard(id: string): boolean {
  if (!ID_CARD.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function bankCard(digits: string): boolean {
  return (
    /^\d+$/.test(digits) &&
    CARD_ISSUERS.some((issuer) => issuer.prefix.test(digits) && issuer.lengths.includes(digits.length)) &&
    luhn(digits)
  );
}

/** The masked form of a number, or null when it is not personal. Landlines only as a whole run (see below). */
function maskNumber(digits: string, wholeRun: boolean, before: string): string | null {
  const upper = digits.toUpperCase();
  const mobile = MOBILE.exec(upper);
  if (mobile) return hideMiddle(mobile[1], 3, 4);
  if (upper.length === 18 && validIdCard(upper)) return hideMiddle(upper, 6, 4);
  if (bankCard(upper) && !ORDER_WORDS.test(before)) return hideMiddle(upper, 4, 4);
  const landline = wholeRun ? LANDLINE.exec(upper) : null;
  if (landline) return `${landline[1]}-****${landline[2].slice(-2)}`;
  return null;
}

/**
 * A run of digit groups is masked whole when it is one number; otherwise its windows of whole groups are tried,
 * longest first, so "13812345678 6921847302918374651" still loses the phone. A landline is only taken as a whole
 * run: a window of a spaced order number often starts with 0.
 */
function maskDigitRun(text: string, folded: string, run: string, start: number): string {
  const groups = [...run.matchAll(DIGIT_GROUP)].map((group) => ({
    start: group.index,
    end: group.index + group[0].length,
    digits: group[0],
  }));
  let out = '';
  let done = 0;
  for (let first = 0; first < groups.length; first++) {
    let digits = '';
    const windows: { last: number; digits: string }[] = [];
    for (let last = first; last < groups.length && digits.length <= LONGEST_NUMBER; last++) {
      digits += groups[last].digits;
      if (digits.length >= SHORTEST_NUMBER) windows.push({ last, digits });
    }
    const before = folded.slice(Math.max(0, start + groups[first].start - 12), start + groups[first].start);
    for (const window of windows.reverse()) {
      const whole = first === 0 && window.last === groups.length - 1;
      const masked = maskNumber(window.digits, whole, before);
      if (!masked) continue;
      out += text.slice(start + done, start + groups[first].start) + masked;
      done = groups[window.last].end;
      first = window.last;
      break;
    }
  }
  return out + text.slice(start + done, start + run.length);
}

/** Latin words for a contact that buyers glue to a phone number. */
const CONTACT_PREFIX = /(?<![A-Za-z])(?:vx|wx|qq|tel|v)$/i;

/** A masked number takes its "+" (+86) with it, and the opening bracket of (0755)12345678. */
function leadLength(before: string, run: string): number {
  if (before.endsWith('+')) return 1;
  return /[(（]$/.test(before) && /[)）]/.test(run) ? 1 : 0;
}

function maskNumbers(text: string): string {
  const folded = foldDigits(text);
  let out = '';
  let done = 0;
  for (const run of folded.matchAll(DIGIT_RUN)) {
    const start = run.index;
    const end = start + run[0].length;
    // Digits glued to letters are codes: tracking numbers (SF…, YT…), models (iPhone15), SKUs. Not after a
    // contact word: vx13812345678 is a phone.
    const before = folded.slice(Math.max(0, start - 4), start);
    const gluedBefore = /[A-Za-z]$/.test(before) && !CONTACT_PREFIX.test(before);
    if (gluedBefore || /[A-Za-z]/.test(folded[end] ?? '')) continue;
    const masked = maskDigitRun(text, folded, run[0], start);
    const lead = masked === text.slice(start, end) ? 0 : leadLength(folded.slice(done, start), run[0]);
    out += text.slice(done, start - lead) + masked;
    done = end;
  }
  return out + text.slice(done);
}

// ---- addresses ----

const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
/**
 * Words that end a place inside a district: a road, a village, a housing estate, a building. Longer words first:
 * a regex alternation takes the first that fits, and 红花街 would leave 道 behind.
 */
const PLACE_WORDS =
  '街道|大街|大道|胡同|小区|花园|家园|新村|社区|公寓|大厦|大楼|广场|园区|工业园|科技园|产业园|大院|校区|路|街|巷|村|镇|乡|苑';
/** What numbers in an address count: 88号, 5号楼, 3栋, 2单元, 1201室, A座, 100弄. */
const UNITS = '号楼|号院|单元|号|栋|幢|座|室|楼|层|户|舍|组|弄';
/** Words that lead into an address but are not part of it (寄到幸福小区… keeps 寄到). */
const LEAD_WORDS = '地址|住址|寄到|发到|送到|寄往|改到|改成|改为|在|是|到|住';

const HAN = '[\\u4e00-\\u9fa5]';
/** A place name has no pronouns or particles: 景县那货你们原路退回 is no road. */
const NAME_CHAR = `(?:(?![你我他她们的了吗呢吧啊就都也还])${HAN})`;
const DIGITS = '[0-9A-Za-z]{1,6}(?:[-#][0-9A-Za-z]{1,6}){0,3}';
/** 四七八号, 三栋: numerals count only before a unit word; alone, 一 and 四 are words (一下, 四个人). */
const NUMBER = '[0-9A-Za-z一二三四五六七八九十零〇百]{1,6}(?:[-#][0-9A-Za-z]{1,6}){0,3}';
const PROVINCE = `(?:${PROVINCES})(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)?`;
/** 苏州市 whole, not 苏州 and then 市 as the start of the street. */
const CITY = `${HAN}{1,7}?(?:州市?|市|盟|地区)`;
/**
 * 小区, 园区, 社区, 景区 … end in 区 but are not districts, nor is a 自治区 (a province, or leading words would
 * pass for its name), and 县城 is a word.
 */
const DISTRICT = `${HAN}{1,10}?(?:(?<!自治|[小园社景校厂])区|县|旗)(?!城)`;
/** Below a city, a county-level city (义乌市) is a district too; alone, 市 is too common a word (市场). */
const COUNTY = `(?:${DISTRICT}|${HAN}{1,7}?市)`;
const REGION = `(?:${PROVINCE}(?:${CITY})?(?:${COUNTY})?|${CITY}${COUNTY}|${DISTRICT})`;
const PLACE = `${NAME_CHAR}{1,12}?(?:${PLACE_WORDS})`;
const NAMED_UNIT = `${NAME_CHAR}{1,8}?${NUMBER}(?:号楼|号院|单元|栋|幢|座|室|楼|层|户|舍|组|弄)`;
const UNIT = `(?:${NUMBER}(?:${UNITS})|${DIGITS})`;
/**
 * The part after a region: at most 9 pieces, each bounded, so a long text is scanned in linear time. A name
 * then a house number (金桥12号) needs digits: 要是一号 is a date.
 */
const DETAIL = `(?:${PLACE}|${NAMED_UNIT}|${NAME_CHAR}{1,8}?${DIGITS}号)(?:${PLACE}|${NAMED_UNIT}|${UNIT}){0,8}`;
/** Without a region, a place must be followed by a number (幸福小区3栋, 建国路88号) and start after a lead word. */
const BARE_PLACE = `(?<=^|[\\s,，。.、:：;；!！?？(（]|${LEAD_WORDS}|[省市区县州])(?:(?!${LEAD_WORDS})${NAME_CHAR}){1,12}?(?:${PLACE_WORDS})`;
const ADDRESS = new RegExp(`(${REGION})(${DETAIL})|${BARE_PLACE}(?:${PLACE}|${NAMED_UNIT}|${UNIT}){1,8}`, 'g');

function maskAddresses(text: string): string {
  return replaceFolded(text, foldWidth, ADDRESS, (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: `${match[1] ? text.slice(match.index, match.index + match[1].length) : ''}***`,
  }));
}

// ---- the pipeline ----

/** Addresses last: a masked number (138****5678) no longer reads as a house number. */
const STEPS: readonly ((text: string) => string)[] = [
  maskEmails,
  (text) => maskContactIds(text, WECHAT, foldWidth),
  (text) => maskContactIds(text, QQ, foldDigits),
  maskNumbers,
  maskAddresses,
];

export function maskPersonal(text: string): string {
  return STEPS.reduce((masked, step) => step(masked), text);
}

/**
 * Every text of the context, the order's product included. Left as is: the intent id and the order id, which
 * the admin needs to find the order and which is no buyer's data.
 */
export function maskContext(context: FeedbackContext): FeedbackContext {
  return {
    ...context,
    conversationId: maskPersonal(context.conversationId),
    messageId: maskPersonal(context.messageId),
    intentLabel: maskPersonal(context.intentLabel),
    why: context.why.map(maskPersonal),
    buyerText: maskPersonal(context.buyerText),
    replies: context.replies.map(maskPersonal),
    product: context.product === undefined ? undefined : maskPersonal(context.product),
  };
}
