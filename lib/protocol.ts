import type { Language } from '@/lib/language';

/**
 * The one message protocol between the content script, the options page and the background.
 * Every request is validated on arrival: a content script runs inside a third-party page, so the
 * background trusts nothing it did not check.
 */

import { type AdapterHealth, HEALTH_PARTS } from '@/lib/adapters/types';
import type { FeedbackInput, FeedbackItem, FeedbackSettings, FeedbackSummary } from '@/lib/feedback/types';
import {
  checkFeedbackExport,
  checkFeedbackId,
  checkFeedbackIds,
  checkFeedbackInput,
  checkFeedbackResolved,
  checkFeedbackSettings,
} from '@/lib/feedback/validate';
import { type IntentId, isIntentId } from '@/lib/intents/ids';
import type { Order } from '@/lib/orders/types';
import { parseSelectorOverrides, type SelectorOverrides } from '@/lib/pages/overrides';
import type { SelectorTestResult } from '@/lib/selector-overrides';
import type { Settings } from '@/lib/settings';
import type { ActionId, Solution } from '@/lib/solutions/types';
import { ACTION_IDS } from '@/lib/solutions/types';
import type { StatsEvent, StatsReport, StatsSummaryState } from '@/lib/stats/types';
import { checkStatsEvents } from '@/lib/stats/validate';
import { catalogueSlot, isSituation } from '@/lib/store/catalogue';
import { type PackChange, parsePack } from '@/lib/store/pack';
import type { ReplyPack, ShopSnapshot, Situation } from '@/lib/store/types';

export interface SuggestRequest {
  conversationId: string;
  messageId: string;
  text: string;
  /** The buyer's earlier text messages in this conversation, oldest first. */
  history: string[];
  buyerName?: string;
  orders: Order[];
  /** The order the buyer confirmed or the agent picked, if any. */
  chosenOrderId?: string;
  /** What the host page's adapter can do, so unsupported actions show disabled. */
  capabilities: ActionId[];
}

/** One intent × order situation of the catalogue. */
export interface SlotRef {
  intent: IntentId;
  situation: Situation;
}

export interface ReplyRef extends SlotRef {
  replyId: string;
}

export interface RuleInput {
  /** Absent for a new rule. */
  id?: string;
  keywords: string[];
  reply: string;
  enabled: boolean;
}

/** Writes answer with the new snapshot, so the options page shows exactly what was committed. */
export interface RequestMap {
  suggest: { request: SuggestRequest; response: Solution | null };
  ping: { request: Record<string, never>; response: { ok: true } };
  /** A chat tab reports which parts of its page Huashu found; the toolbar icon shows it for that tab. */
  reportHealth: { request: { parts: AdapterHealth; language: Language }; response: { ok: true } };
  shopState: { request: Record<string, never>; response: ShopSnapshot };
  /** Edits an official reply (an override) or one of the shop's own replies. */
  saveReply: { request: ReplyRef & { text: string }; response: ShopSnapshot };
  restoreReply: { request: ReplyRef; response: ShopSnapshot };
  addOwnReply: { request: SlotRef & { text: string }; response: ShopSnapshot };
  deleteOwnReply: { request: ReplyRef; response: ShopSnapshot };
  reorderReplies: { request: SlotRef & { order: string[] }; response: ShopSnapshot };
  setIntentEnabled: { request: { intent: IntentId; enabled: boolean }; response: ShopSnapshot };
  saveRule: { request: RuleInput; response: ShopSnapshot };
  deleteRule: { request: { id: string }; response: ShopSnapshot };
  reorderRules: { request: { ids: string[] }; response: ShopSnapshot };
  saveSettings: { request: Partial<Settings>; response: ShopSnapshot };
  exportPack: { request: Record<string, never>; response: ReplyPack };
  /** Replaces the shop's page selector overrides ({} clears them); the store checks them again. */
  saveSelectorOverrides: { request: { overrides: SelectorOverrides }; response: ShopSnapshot };
  /** Checks proposed selector overrides on every open chat tab, without applying them (lib/selector-overrides.ts). */
  testSelectors: { request: { overrides: SelectorOverrides }; response: SelectorTestResult[] };
  /** What importing the pack would add, change and remove; changes nothing. */
  previewPack: { request: { pack: ReplyPack }; response: PackChange[] };
  importPack: { request: { pack: ReplyPack }; response: ShopSnapshot };
  /** A chat tab's count of buyers past the slow-reply threshold; the toolbar badge shows it for that tab. */
  reportWaiting: { request: { count: number }; response: { ok: true } };
  /** Suggestion and reply events from a chat tab, for the local statistics. */
  recordStats: { request: { events: StatsEvent[] }; response: { ok: true } };
  statsReport: { request: Record<string, never>; response: StatsReport };
  resetStats: { request: Record<string, never>; response: { ok: true } };
  /** The daily summary to the feedback webhook: off unless the admin turns it on. */
  statsSummary: { request: Record<string, never>; response: StatsSummaryState };
  saveStatsSummary: { request: { enabled: boolean }; response: StatsSummaryState };
  // Feedback (我要反馈): the popup sends, the options page's inbox reads. Lists come newest first.
  submitFeedback: { request: FeedbackInput; response: { id: string } };
  listFeedback: { request: Record<string, never>; response: FeedbackSummary[] };
  getFeedback: { request: { id: string }; response: FeedbackItem | null };
  setFeedbackResolved: { request: { id: string; resolved: boolean }; response: FeedbackSummary[] };
  deleteFeedback: { request: { ids: string[] }; response: FeedbackSummary[] };
  /** All items, or the chosen ones, with their images, for the zip export. */
  exportFeedback: { request: { ids?: string[] }; response: FeedbackItem[] };
  feedbackSettings: { request: Record<string, never>; response: FeedbackSettings };
  saveFeedbackSettings: { request: FeedbackSettings; response: FeedbackSettings };
}

export type RequestType = keyof RequestMap;
/** Requests the waiting alert and the statistics serve (entrypoints/background/workflow.ts). */
export type WorkflowRequestType =
  | 'reportWaiting'
  | 'recordStats'
  | 'statsReport'
  | 'resetStats'
  | 'statsSummary'
  | 'saveStatsSummary';
/** The feedback requests, served by lib/feedback (not the shop store). */
export type FeedbackRequestType =
  | 'submitFeedback'
  | 'listFeedback'
  | 'getFeedback'
  | 'setFeedbackResolved'
  | 'deleteFeedback'
  | 'exportFeedback'
  | 'feedbackSettings'
  | 'saveFeedbackSettings';
export type RequestOf<T extends RequestType> = RequestMap[T]['request'];
export type ResponseOf<T extends RequestType> = RequestMap[T]['response'];

export interface Envelope<T extends RequestType = RequestType> {
  huashu: 1;
  type: T;
  payload: RequestOf<T>;
}

/** What the background answers: a result or a reason, never a thrown error across contexts. */
export type Reply<T extends RequestType> = { ok: true; value: ResponseOf<T> } | { ok: false; error: string };

/** Limits that keep a hostile page from making the background do unbounded work. */
export const LIMITS = {
  textChars: 2000,
  historyItems: 20,
  orders: 50,
  idChars: 200,
  fieldChars: 500,
  /** Reply and rule texts: the store refuses over 500 with a clear reason; this only bounds the work. */
  replyChars: 2000,
  keywords: 50,
} as const;

type Check<T> = (value: unknown) => T;

class ProtocolError extends Error {}

function fail(message: string): never {
  throw new ProtocolError(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(name: string, max: number): Check<string> {
  return (value) => (typeof value === 'string' && value.length <= max ? value : fail(`${name}无效`));
}

function optionalStr(name: string, max: number): Check<string | undefined> {
  const check = str(name, max);
  return (value) => (value === undefined || value === null ? undefined : check(value));
}

function list<T>(name: string, max: number, item: Check<T>): Check<T[]> {
  return (value) => {
    if (!Array.isArray(value) || value.length > max) fail(`${name}无效`);
    return value.map(item);
  };
}

const checkOrder: Check<Order> = (value) => {
  if (!isRecord(value)) fail('订单无效');
  const field = (key: string) => optionalStr(`订单.${key}`, LIMITS.fieldChars)(value[key]);
  return {
    id: str('订单号', LIMITS.idChars)(value.id),
    product: field('product'),
    amount: field('amount'),
    status: field('status'),
    paidAt: field('paidAt'),
    promiseShipBy: field('promiseShipBy'),
    courier: field('courier'),
    trackingNo: field('trackingNo'),
  };
};

const checkActionId: Check<ActionId> = (value) =>
  (ACTION_IDS as readonly unknown[]).includes(value) ? (value as ActionId) : fail('操作无效');

/**
 * Buyer text is truncated rather than refused: a huge message still deserves a suggestion,
 * and intent cues sit at its start in practice.
 */
const checkSuggest: Check<SuggestRequest> = (value) => {
  if (!isRecord(value)) fail('请求无效');
  const text = typeof value.text === 'string' ? value.text.slice(0, LIMITS.textChars) : fail('消息文本无效');
  return {
    conversationId: str('会话', LIMITS.idChars)(value.conversationId),
    messageId: str('消息', LIMITS.idChars)(value.messageId),
    text,
    history: list('历史消息', LIMITS.historyItems, (item) =>
      typeof item === 'string' ? item.slice(0, LIMITS.textChars) : fail('历史消息无效'),
    )(value.history ?? []),
    buyerName: optionalStr('买家昵称', LIMITS.fieldChars)(value.buyerName),
    orders: list('订单列表', LIMITS.orders, checkOrder)(value.orders ?? []),
    chosenOrderId: optionalStr('订单号', LIMITS.idChars)(value.chosenOrderId),
    capabilities: list('操作', ACTION_IDS.length, checkActionId)(value.capabilities ?? []),
  };
};

const checkIntent: Check<IntentId> = (value) => (isIntentId(value) ? value : fail('意图无效'));

const checkSlot: Check<SlotRef> = (value) => {
  if (!isRecord(value)) fail('请求无效');
  const intent = checkIntent(value.intent);
  const situation = value.situation;
  if (!isSituation(situation) || !catalogueSlot(intent, situation)) fail('订单节点无效');
  return { intent, situation };
};

const checkReplyRef: Check<ReplyRef> = (value) => ({
  ...checkSlot(value),
  replyId: str('话术编号', LIMITS.idChars)((value as Record<string, unknown>).replyId),
});

const checkBoolean =
  (name: string): Check<boolean> =>
  (value) =>
    typeof value === 'boolean' ? value : fail(`${name}无效`);

const checkRule: Check<RuleInput> = (value) => {
  if (!isRecord(value)) fail('请求无效');
  return {
    id: optionalStr('规则编号', LIMITS.idChars)(value.id),
    keywords: list('关键词', LIMITS.keywords, str('关键词', LIMITS.fieldChars))(value.keywords),
    reply: str('回复', LIMITS.replyChars)(value.reply),
    enabled: checkBoolean('启用状态')(value.enabled),
  };
};

const checkSettings: Check<Partial<Settings>> = (value) => {
  if (!isRecord(value)) fail('设置无效');
  const settings: Partial<Settings> = {};
  if (value.language !== undefined) {
    settings.language = value.language === 'zh' || value.language === 'en' ? value.language : fail('语言无效');
  }
  if (value.lateShipCompensationYuan !== undefined) {
    const yuan = value.lateShipCompensationYuan;
    settings.lateShipCompensationYuan = typeof yuan === 'number' && Number.isFinite(yuan) ? yuan : fail('补偿金额无效');
  }
  if (value.orderPredictionCard !== undefined) {
    settings.orderPredictionCard = checkBoolean('订单预判卡片')(value.orderPredictionCard);
  }
  if (value.slowReplyThresholdSeconds !== undefined) {
    const seconds = value.slowReplyThresholdSeconds;
    settings.slowReplyThresholdSeconds =
      typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : fail('慢回复提醒时间无效');
  }
  if (value.slowReplySound !== undefined) {
    settings.slowReplySound = checkBoolean('提醒声音')(value.slowReplySound);
  }
  return settings;
};

/** A pack is checked field by field (the same check as the options page's, in Chinese for the protocol). */
const checkPack: Check<{ pack: ReplyPack }> = (value) => {
  if (!isRecord(value)) fail('请求无效');
  return { pack: parsePack(value.pack, 'zh') };
};

const none: Check<Record<string, never>> = () => ({});

/** Checked without a DOM (this runs in the service worker); see lib/adapters/overrides.ts. */
const checkSelectorOverrides: Check<{ overrides: SelectorOverrides }> = (value) => {
  if (!isRecord(value) || !isRecord(value.overrides)) fail('页面选择器无效');
  return { overrides: parseSelectorOverrides(value.overrides, 'zh') };
};

const validators: { [T in RequestType]: Check<RequestOf<T>> } = {
  suggest: checkSuggest,
  ping: () => ({}),
  reportHealth: (value) => {
    const parts = isRecord(value) && isRecord(value.parts) ? value.parts : fail('页面检查结果无效');
    const checked = Object.fromEntries(
      HEALTH_PARTS.map((part) => [part, typeof parts[part] === 'boolean' ? parts[part] : fail('页面检查结果无效')]),
    ) as AdapterHealth;
    return { parts: checked, language: (value as Record<string, unknown>).language === 'en' ? 'en' : 'zh' };
  },
  shopState: none,
  saveReply: (value) => ({
    ...checkReplyRef(value),
    text: str('话术', LIMITS.replyChars)((value as Record<string, unknown>).text),
  }),
  restoreReply: checkReplyRef,
  addOwnReply: (value) => ({
    ...checkSlot(value),
    text: str('话术', LIMITS.replyChars)((value as Record<string, unknown>).text),
  }),
  deleteOwnReply: checkReplyRef,
  reorderReplies: (value) => ({
    ...checkSlot(value),
    order: list('排序', 20, str('话术编号', LIMITS.idChars))((value as Record<string, unknown>).order),
  }),
  setIntentEnabled: (value) => {
    if (!isRecord(value)) fail('请求无效');
    return { intent: checkIntent(value.intent), enabled: checkBoolean('启用状态')(value.enabled) };
  },
  saveRule: checkRule,
  deleteRule: (value) => ({ id: str('规则编号', LIMITS.idChars)(isRecord(value) ? value.id : undefined) }),
  reorderRules: (value) => ({
    ids: list('规则排序', 500, str('规则编号', LIMITS.idChars))(isRecord(value) ? value.ids : undefined),
  }),
  saveSettings: checkSettings,
  exportPack: none,
  saveSelectorOverrides: checkSelectorOverrides,
  testSelectors: checkSelectorOverrides,
  previewPack: checkPack,
  importPack: checkPack,
  submitFeedback: checkFeedbackInput,
  listFeedback: none,
  getFeedback: checkFeedbackId,
  setFeedbackResolved: checkFeedbackResolved,
  deleteFeedback: checkFeedbackIds,
  exportFeedback: checkFeedbackExport,
  feedbackSettings: none,
  saveFeedbackSettings: checkFeedbackSettings,
  reportWaiting: (value) => {
    const count = isRecord(value) ? value.count : undefined;
    return { count: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : fail('等待人数无效') };
  },
  recordStats: (value) => ({ events: checkStatsEvents(isRecord(value) ? value.events : undefined) }),
  statsReport: none,
  resetStats: none,
  statsSummary: none,
  saveStatsSummary: (value) => ({ enabled: checkBoolean('每日摘要')(isRecord(value) ? value.enabled : undefined) }),
};

/** Parses an incoming message; returns null for anything that is not ours, throws ProtocolError for bad payloads. */
export function parseEnvelope(message: unknown): Envelope | null {
  if (!isRecord(message) || message.huashu !== 1) return null;
  const type = message.type;
  if (typeof type !== 'string' || !Object.hasOwn(validators, type)) return null;
  const validate = validators[type as RequestType] as Check<RequestOf<RequestType>>;
  return { huashu: 1, type: type as RequestType, payload: validate(message.payload) };
}

export function envelope<T extends RequestType>(type: T, payload: RequestOf<T>): Envelope<T> {
  return { huashu: 1, type, payload };
}

/**
 * Background → content scripts: the shop's replies or settings changed, so open popups ask again.
 * Carries no data; a content script only re-requests through the validated protocol.
 */
export const SOLUTIONS_CHANGED = { huashu: 1, type: 'solutionsChanged' } as const;

export function isSolutionsChanged(message: unknown): boolean {
  return isRecord(message) && message.huashu === 1 && message.type === SOLUTIONS_CHANGED.type;
}

/** Tells every tab's content script that solutions changed; tabs without one are skipped. */
export async function broadcastSolutionsChanged(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, SOLUTIONS_CHANGED).catch(() => {}),
    ),
  );
}

/** Sends a request to the background and unwraps its reply; rejects with a readable reason. */
export async function callBackground<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  let reply: Reply<T> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope(type, payload))) as Reply<T> | undefined;
  } catch (error) {
    const text = String(error);
    // After an extension update or reload the old content script can no longer reach the background.
    if (text.includes('context invalidated')) throw new ExtensionReloadedError();
    throw error;
  }
  if (!reply) throw new Error('话术助手后台无响应');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export class ExtensionReloadedError extends Error {
  constructor() {
    super('话术助手已更新或重新加载，请刷新页面');
  }
}

/** Where a request came from: the tab, for requests that concern the chat tab that sent them. */
export interface RequestSender {
  tabId?: number;
  /** 0 for the top frame; chat pages may put their parts in frames. */
  frameId?: number;
}

export type Handlers = {
  [T in RequestType]: (payload: RequestOf<T>, sender: RequestSender) => ResponseOf<T> | Promise<ResponseOf<T>>;
};

/** IndexedDB refuses writes once the browser's storage for the extension is full. */
export const QUOTA_MESSAGE =
  '浏览器存储空间已满，本次修改未保存，已有数据不受影响。请清理浏览器存储或删除旧的反馈图片后重试。';

/** The reason shown to the person: storage errors in plain words, others as they are. */
export function describeError(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return QUOTA_MESSAGE;
  return error instanceof Error ? error.message : String(error);
}

/** Registers the background's one service. Messages from other extensions or malformed ones are ignored or refused. */
export function serveRequests(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    let request: Envelope | null;
    try {
      request = parseEnvelope(message);
    } catch (error) {
      return Promise.resolve({ ok: false, error: (error as Error).message });
    }
    if (!request) return undefined;
    const handler = handlers[request.type] as (payload: unknown, from: RequestSender) => unknown;
    return Promise.resolve()
      .then(() => handler(request.payload, { tabId: sender.tab?.id, frameId: sender.frameId }))
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: describeError(error) }),
      );
  });
}
