/**
 * Error codes in words, every code in every language (lib/messages/errors.ts): the options page's refusals on
 * top of the chat page's (lib/i18n/chat-errors.ts). Each surface words a refusal in its own language, whichever
 * context refused.
 */
import { CHAT_ERROR_TEXTS, type ErrorTexts, str, wordError } from '@/lib/i18n/chat-errors';
import { slotLabel } from '@/lib/i18n/slots';
import type { IntentId } from '@/lib/intents/ids';
import type { Language } from '@/lib/language';
import type { ErrorCode, ErrorParams } from '@/lib/messages/errors';
import { PAGES } from '@/lib/pages';
import { OVERRIDE_KEYS, PART_NAMES } from '@/lib/pages/definition';
import { pageLabel } from '@/lib/pages/overrides';
import type { CatalogueSituation } from '@/lib/solutions/catalogue/types';

type Texts = ErrorTexts<ErrorCode>;

const slot = (p: ErrorParams, lang: Language) =>
  slotLabel(str(p.intent) as IntentId, str(p.situation) as CatalogueSituation, lang);
/** What a page's override may name, for "known: …" hints: its parts, and the settings besides them. */
const pageKeys = () => [...PART_NAMES, ...OVERRIDE_KEYS.filter((key) => key !== 'parts')];
const pageIds = () => PAGES.map((page) => page.id);

const zh: Texts = {
  ...CHAT_ERROR_TEXTS.zh,
  invalidAt: (p, say) => `${say(p.where)}：${say(p.problem)}`,
  placeReplyGroup: (p) => `第 ${str(p.index)} 组话术${p.field === undefined ? '' : ` 的 ${str(p.field)}`}`,
  placeSlot: (p) => slot(p, 'zh'),
  placeOfficialReply: (p, say) => `${say(p.slot)} 官方话术 ${str(p.position)}`,
  placeOwnReply: (p, say) => `${say(p.slot)} 自定义话术 ${str(p.position)}`,
  placeRule: (p) => `第 ${str(p.index)} 条关键词规则`,
  placePage: (p) => `${pageLabel(str(p.page), 'zh')}（${str(p.page)}）`,
  placeSelector: (p) =>
    `${str(p.key)} 第 ${str(p.position)} 个${p.selector === undefined ? '' : `「${str(p.selector)}」`}`,
  packTooLarge: () => '文件太大，不是话术包',
  packNotJson: (p) => `文件不是有效的 JSON（第 ${str(p.line)} 行第 ${str(p.column)} 列），无法导入`,
  packTooDeep: (p) => `文件嵌套太深（最多 ${str(p.max)} 层），不是话术包`,
  packNotPack: () => '这不是话术助手的话术包文件',
  packVersion: (p) =>
    `话术包版本 ${str(p.version)} 不受支持（当前支持版本 ${str(p.supported)}），请用同一版本的话术助手导出`,
  notList: () => '应为列表',
  tooManyItems: (p) => `最多 ${str(p.max)} 项`,
  malformed: () => '格式不正确',
  notBoolean: (p) => `${str(p.name)} 应为 true 或 false`,
  packUnknownIntent: (p) => `未知意图「${str(p.intent)}」`,
  packUnknownSituation: (p) => `未知订单节点「${str(p.situation)}」`,
  packSlotTwice: () => '重复出现',
  packMalformedOverrides: () => '官方话术修改格式不正确',
  packUnknownReply: (p) => `没有官方话术 ${str(p.replyId)}`,
  packOwnNotList: () => '自定义话术应为列表',
  packTooManyOwn: (p) => `自定义话术最多 ${str(p.max)} 条`,
  packOwnId: () => '自定义话术编号应以 own. 开头',
  packInvalidId: () => '编号无效',
  packDuplicateId: (p) => `编号 ${str(p.id)} 重复`,
  packOrderNotList: () => '排序应为列表',
  packKeywordsNotText: () => '关键词应为文字列表',
  replyNotText: () => '话术应为文字',
  replyEmpty: () => '话术内容不能为空',
  replyTooLong: (p) => `话术不能超过 ${str(p.max)} 个字（当前 ${str(p.length)} 个字）`,
  replyUnknownVariable: (p) => `未知变量 ${str(p.names)}，请从变量列表中选择`,
  replyUnpairedBraces: () => '花括号不成对：变量请写成 {订单号} 这样的形式',
  replyUnsafeChar: (p) =>
    `第 ${str(p.position)} 个字是看不见的控制字符 ${str(p.char)}，买家会看到乱码或颠倒的文字，请删除`,
  keywordUnsafeChar: (p) => `关键词含看不见的控制字符 ${str(p.char)}，请删除`,
  keywordsMissing: () => '请至少填写一个关键词',
  tooManyKeywords: (p) => `关键词最多 ${str(p.max)} 个`,
  keywordTooLong: (p) => `关键词「${str(p.keyword)}」太长（最多 ${str(p.max)} 个字）`,
  compensationRange: (p) => `补偿金额应在 ${str(p.min)}–${str(p.max)} 元之间`,
  slowReplyRange: (p) => `慢回复提醒时间应为 ${str(p.min)}–${str(p.max)} 秒的整数`,
  predictionCardMode: (p) => `订单确认卡片应为 ${str(p.modes)} 之一`,
  noSuchSituation: () => '该意图没有这个订单节点',
  noSuchOfficialReply: () => '没有这条官方话术',
  replyManaged: () => '这条话术由管理员统一下发，不能在此修改',
  ownRepliesFull: (p) => `每个订单节点最多添加 ${str(p.max)} 条自定义话术，请先删除一条`,
  replyDeleted: () => '这条话术已被删除',
  repliesChanged: () => '话术列表已变化，请刷新后重试',
  intentManaged: () => '该意图由管理员统一停用，不能在此启用',
  ruleDeleted: () => '这条规则已被删除',
  tooManyRules: (p) => `关键词规则最多 ${str(p.max)} 条`,
  rulesChanged: () => '规则列表已变化，请刷新后重试',
  settingManaged: () => '该设置由管理员统一下发',
  selectorsNotObject: () => '页面选择器应为 JSON 对象：{ "页面": { "parts": { "部件名": ["…"] } } }',
  selectorsUnreadable: () => '页面选择器无法读取',
  selectorsTooLong: (p) => `页面选择器太长（最多 ${str(p.max)} 个字符）`,
  selectorsTextTooLong: (p) => `内容太长（最多 ${str(p.max)} 个字符）`,
  selectorsNotJson: (p) => `不是有效的 JSON（第 ${str(p.line)} 行第 ${str(p.column)} 列）`,
  selectorsUnknownPage: (p) => `未知页面「${str(p.page)}」，可用：${pageIds().join('、')}`,
  selectorsUnknownKey: (p) =>
    `${pageLabel(str(p.page), 'zh')}没有名为「${str(p.key)}」的部件或设置，可用：${pageKeys().join('、')}`,
  selectorsPageNotObject: () => '应为 { "parts": { "部件名": ["…"] } }',
  selectorVariantInvalid: () => '应为选择器文字，或 { "selector": "…", "attribute": "…" }',
  pageSettingInvalid: () => '取值无效',
  selectorsNotList: () => '应为至少一个选择器的列表，如 ["textarea.editor"]',
  tooManySelectors: (p) => `最多 ${str(p.max)} 个选择器`,
  selectorNotText: () => '选择器应为文字',
  selectorTwice: () => '重复',
  selectorEmpty: () => '选择器为空',
  selectorTooLong: (p) => `选择器太长（最多 ${str(p.max)} 个字符）`,
  selectorInvalid: (p, say) => (p.syntax ? `不是有效的 CSS 选择器：${say(p.syntax)}` : '不是有效的 CSS 选择器'),
  selectorUnpaired: (p) => `括号「${str(p.char)}」不成对`,
  selectorStyleRule: (p) => `不能包含「${str(p.char)}」（只填选择器，不填样式）`,
  selectorUnclosedQuote: () => '引号没有闭合',
  selectorMissing: (p) => `缺少「${str(p.char)}」`,
  selectorEmptyItem: () => '逗号之间缺少选择器',
  selectorDanglingCombinator: () => '组合符（> + ~）两边都要有选择器',
  selectorWholePage: () => '选中的是整个页面（html、body、*、:root），会把聊天页面变成纯文字，请选具体的元素',
  feedbackMissing: () => '这条反馈已被删除',
  replyConflict: () => '这条话术刚被其他人修改过，你的修改尚未保存：请对比后再保存',
  webhookMissing: () => '尚未设置 Webhook 地址，无法重新发送',
  serverUrlInvalid: () => '服务器地址无效：请填写 http:// 或 https:// 开头的地址，例如 http://127.0.0.1:8787',
  serverPermissionDenied: () => '未获准访问店铺服务器：请再点一次「连接」，并在浏览器的提示中点「允许」',
  serverUnauthorized: () => '店铺服务器不认识本浏览器的凭证（店铺可能已重建），请断开后用新的邀请码重新连接',
  serverForbidden: () => '只有店铺管理员可以这样做',
  serverCodeInvalid: () => '邀请码错误、已使用或已过期，请向管理员要一个新的',
  serverShopExists: () => '这个服务器已经创建过店铺，请用管理员给的邀请码加入',
  serverRateLimited: () => '尝试太频繁，请一分钟后再试',
  serverRefused: (p) => `店铺服务器拒绝了请求（${str(p.status)}）：${str(p.message)}`,
  serverNotConnected: () => '本浏览器尚未连接店铺服务器',
  libraryConflict: (p) =>
    `有人在此期间修改了同样的内容（${str(p.count)} 处），你的修改尚未保存。对方的版本：「${str(p.theirs)}」；你的版本：「${str(p.yours)}」`,
  libraryReadOnly: () => '已连接店铺：话术库由店铺管理员维护，客服账号不能在此修改',
};

const en: Texts = {
  ...CHAT_ERROR_TEXTS.en,
  invalidAt: (p, say) => `${say(p.where)}: ${say(p.problem)}`,
  placeReplyGroup: (p) => `Reply group ${str(p.index)}${p.field === undefined ? '' : `, ${str(p.field)}`}`,
  placeSlot: (p) => slot(p, 'en'),
  placeOfficialReply: (p, say) => `${say(p.slot)} official reply ${str(p.position)}`,
  placeOwnReply: (p, say) => `${say(p.slot)} own reply ${str(p.position)}`,
  placeRule: (p) => `Keyword rule ${str(p.index)}`,
  placePage: (p) => `${pageLabel(str(p.page), 'en')} (${str(p.page)})`,
  placeSelector: (p) => `${str(p.key)} #${str(p.position)}${p.selector === undefined ? '' : ` "${str(p.selector)}"`}`,
  packTooLarge: () => 'The file is too large to be a reply pack',
  packNotJson: (p) => `The file is not valid JSON (line ${str(p.line)}, column ${str(p.column)})`,
  packTooDeep: (p) => `The file is nested too deeply (at most ${str(p.max)} levels): not a reply pack`,
  packNotPack: () => 'This is not a Huashu reply pack',
  packVersion: (p) =>
    `Reply pack version ${str(p.version)} is not supported (this version reads ${str(p.supported)}); export it again with the same Huashu version`,
  notList: () => 'should be a list',
  tooManyItems: (p) => `at most ${str(p.max)} items`,
  malformed: () => 'malformed',
  notBoolean: (p) => `${str(p.name)} should be true or false`,
  packUnknownIntent: (p) => `unknown intent "${str(p.intent)}"`,
  packUnknownSituation: (p) => `unknown order node "${str(p.situation)}"`,
  packSlotTwice: () => 'appears twice',
  packMalformedOverrides: () => 'malformed overrides',
  packUnknownReply: (p) => `no official reply ${str(p.replyId)}`,
  packOwnNotList: () => 'own replies should be a list',
  packTooManyOwn: (p) => `at most ${str(p.max)} own replies`,
  packOwnId: () => 'own reply ids start with "own."',
  packInvalidId: () => 'invalid id',
  packDuplicateId: (p) => `duplicate id ${str(p.id)}`,
  packOrderNotList: () => 'order should be a list',
  packKeywordsNotText: () => 'keywords should be a list of text',
  replyNotText: () => 'the reply should be text',
  replyEmpty: () => 'The reply is empty',
  replyTooLong: (p) => `A reply may have at most ${str(p.max)} characters (this one has ${str(p.length)})`,
  replyUnknownVariable: (p) => `Unknown variable ${str(p.names)}: pick one from the list`,
  replyUnpairedBraces: () => 'Unpaired braces: write variables as {订单号}',
  replyUnsafeChar: (p) =>
    `Character ${str(p.position)} is an invisible control character (${str(p.char)}); buyers would see garbled or reversed text. Remove it`,
  keywordUnsafeChar: (p) => `A keyword holds an invisible control character (${str(p.char)}); remove it`,
  keywordsMissing: () => 'Add at least one keyword',
  tooManyKeywords: (p) => `At most ${str(p.max)} keywords`,
  keywordTooLong: (p) => `Keyword "${str(p.keyword)}" is too long (at most ${str(p.max)} characters)`,
  compensationRange: (p) => `Compensation must be ${str(p.min)}–${str(p.max)} yuan`,
  slowReplyRange: (p) => `The slow-reply alert needs whole seconds, ${str(p.min)}–${str(p.max)}`,
  predictionCardMode: (p) => `The order confirmation card must be one of ${str(p.modes)}`,
  noSuchSituation: () => 'This intent has no such order node',
  noSuchOfficialReply: () => 'No such official reply',
  replyManaged: () => 'This reply is set by your administrator and is read-only',
  ownRepliesFull: (p) => `At most ${str(p.max)} own replies per order node: delete one first`,
  replyDeleted: () => 'This reply was deleted',
  repliesChanged: () => 'The replies changed; reload and try again',
  intentManaged: () => 'Your administrator disabled this intent',
  ruleDeleted: () => 'This rule was deleted',
  tooManyRules: (p) => `At most ${str(p.max)} keyword rules`,
  rulesChanged: () => 'The rules changed; reload and try again',
  settingManaged: () => 'This setting is set by your administrator',
  selectorsNotObject: () => 'Selector overrides should be a JSON object: { "page": { "parts": { "part": ["…"] } } }',
  selectorsUnreadable: () => 'Selector overrides cannot be read',
  selectorsTooLong: (p) => `Selector overrides are too long (at most ${str(p.max)} characters)`,
  selectorsTextTooLong: (p) => `Too long (at most ${str(p.max)} characters)`,
  selectorsNotJson: (p) => `Not valid JSON (line ${str(p.line)}, column ${str(p.column)})`,
  selectorsUnknownPage: (p) => `Unknown page "${str(p.page)}"; known: ${pageIds().join(', ')}`,
  selectorsUnknownKey: (p) =>
    `${pageLabel(str(p.page), 'en')} has no part or setting "${str(p.key)}"; known: ${pageKeys().join(', ')}`,
  selectorsPageNotObject: () => 'should be { "parts": { "part": ["…"] } }',
  selectorVariantInvalid: () => 'should be a selector, or { "selector": "…", "attribute": "…" }',
  pageSettingInvalid: () => 'not a valid value',
  selectorsNotList: () => 'should be a non-empty list, e.g. ["textarea.editor"]',
  tooManySelectors: (p) => `at most ${str(p.max)} selectors`,
  selectorNotText: () => 'a selector should be text',
  selectorTwice: () => 'appears twice',
  selectorEmpty: () => 'the selector is empty',
  selectorTooLong: (p) => `the selector is too long (at most ${str(p.max)} characters)`,
  selectorInvalid: (p, say) => (p.syntax ? `not a valid CSS selector: ${say(p.syntax)}` : 'not a valid CSS selector'),
  selectorUnpaired: (p) => `unpaired "${str(p.char)}"`,
  selectorStyleRule: (p) => `must not contain "${str(p.char)}" (a selector only, no style rule)`,
  selectorUnclosedQuote: () => 'an unclosed quote',
  selectorMissing: (p) => `missing "${str(p.char)}"`,
  selectorEmptyItem: () => 'an empty item between commas',
  selectorDanglingCombinator: () => 'a combinator (> + ~) needs a selector on both sides',
  selectorWholePage: () =>
    'selects the whole page (html, body, *, :root), which would turn the chat into plain text; pick a specific element',
  feedbackMissing: () => 'This feedback was deleted',
  replyConflict: () => 'Someone else changed this reply meanwhile; yours is not saved yet. Compare, then save',
  webhookMissing: () => 'No webhook is set, so nothing can be resent',
  serverUrlInvalid: () => 'Invalid server address: it starts with http:// or https://, e.g. http://127.0.0.1:8787',
  serverPermissionDenied: () =>
    'Huashu may not reach the shop server yet: click Connect again and choose Allow in the browser prompt',
  serverUnauthorized: () =>
    'The shop server does not know this browser (the shop may have been reset); disconnect and join again with a new code',
  serverForbidden: () => "Only the shop's admin can do this",
  serverCodeInvalid: () => 'This code is wrong, used or expired; ask your admin for a new one',
  serverShopExists: () => 'This server already has its shop; join it with an invitation code from the admin',
  serverRateLimited: () => 'Too many attempts; try again in a minute',
  serverRefused: (p) => `The shop server refused (${str(p.status)}): ${str(p.message)}`,
  serverNotConnected: () => 'This browser is not connected to a shop server',
  libraryConflict: (p) =>
    `Someone changed the same items meanwhile (${str(p.count)}); yours is not saved. Theirs: "${str(p.theirs)}"; yours: "${str(p.yours)}"`,
  libraryReadOnly: () => "Connected to a shop: the shop's admin edits the library; an agent's browser cannot change it",
};

export const ERROR_TEXTS: Record<Language, Texts> = { zh, en };

/** Any error in words: a coded one in this language (its nested coded params too), anything else by its message. */
export function errorText(error: unknown, language: Language): string {
  return wordError(error, language, ERROR_TEXTS);
}
