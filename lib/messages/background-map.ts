/**
 * Requests to the background, from the content script, the options page and the toolbar popup. Every request has
 * a schema and its payload type is derived from it; a content script runs inside a third-party page, so the
 * background trusts nothing its schema did not check. The answers are typed only: they come from the background.
 * Only the background imports this module's values; other contexts import its types.
 */
import * as v from 'valibot';
import {
  FeedbackExportSchema,
  FeedbackIdSchema,
  FeedbackIdsSchema,
  FeedbackInputSchema,
  FeedbackResendSchema,
  FeedbackResolvedSchema,
  FeedbackSettingsSchema,
} from '@/lib/feedback/schema';
import type { ShopFeedbackEntry } from '@/lib/feedback/shop';
import {
  FEEDBACK_LIMITS,
  type FeedbackImageData,
  type FeedbackItem,
  type FeedbackSettings,
  type FeedbackSummary,
  IMAGE_TYPES,
} from '@/lib/feedback/types';
import { INTENT_IDS, type IntentId } from '@/lib/intents/ids';
import { LANGUAGES } from '@/lib/language';
import type { Field } from '@/lib/messages/fields';
import { LIMITS } from '@/lib/messages/limits';
import { HealthSchema, type SelectorTestResult } from '@/lib/messages/tab-answers';
import type { CustomPageSummary } from '@/lib/pages/custom';
import type { SelectorOverrides } from '@/lib/pages/overrides';
import { parseSelectorOverrides } from '@/lib/pages/overrides';
import type { Settings } from '@/lib/settings';
import { SettingsPatchSchema } from '@/lib/settings-schema';
import { type InviteAnswer, LIBRARY_HISTORY_MAX, type LibraryChange, type ShopMember } from '@/lib/shop-server/client';
import type { ServerStatus } from '@/lib/shop-server/status';
import { ACTION_IDS, type Solution } from '@/lib/solutions/types';
import { StatsEventsSchema } from '@/lib/stats/schema';
import type { ShopStats } from '@/lib/stats/shop';
import type { StatsReport, StatsSummaryState } from '@/lib/stats/types';
import { catalogueSlot, isSituation } from '@/lib/store/catalogue';
import { type PackChange, parsePack } from '@/lib/store/pack';
import type { ReplyPack, ShopSnapshot, Situation } from '@/lib/store/types';

const text = (field: Field, max: number) => v.pipe(v.string(field), v.maxLength(max, field));
const id = (field: Field) => text(field, LIMITS.idChars);
const list = <S extends v.GenericSchema>(field: Field, max: number, item: S) =>
  v.pipe(v.array(item, field), v.maxLength(max, field));
/** Absent and null both read as absent: a page may not show the field. */
const optionalText = (field: Field, max: number) =>
  v.pipe(
    v.nullish(text(field, max)),
    v.transform((value) => value ?? undefined),
  );
/** What marks a field the page showed longer than Huashu reads. */
const CUT_MARKER = '…';
/** Cut, with the marker, rather than refused: a page showing an odd field still gets its suggestion. */
const clipped = (field: Field, max: number) =>
  v.pipe(
    v.string(field),
    v.transform((value) => (value.length > max ? `${value.slice(0, max - CUT_MARKER.length)}${CUT_MARKER}` : value)),
  );
/** Absent and null both read as absent; too long is cut. */
const optionalClipped = (field: Field, max: number) =>
  v.pipe(
    v.nullish(clipped(field, max)),
    v.transform((value) => value ?? undefined),
  );
/** A list the page shows, kept to `keep` items (`fromEnd`: the latest); only absurd lengths are refused. */
const keptList = <S extends v.GenericSchema>(field: Field, keep: number, item: S, fromEnd = false) =>
  v.pipe(
    list(field, LIMITS.listItemsRead, item),
    v.transform((items) => (fromEnd ? items.slice(-keep) : items.slice(0, keep))),
  );
/** Buyer text is cut rather than refused: a huge message still deserves a suggestion, and its cues come first. */
const buyerText = (field: Field) =>
  v.pipe(
    v.string(field),
    v.transform((value) => value.slice(0, LIMITS.textChars)),
  );
const none = v.object({});
/** The request's type for a response the background gives: typed, not checked. */
const returns = <T>() => undefined as T;

const OrderSchema = v.object(
  {
    id: clipped('orderId', LIMITS.idChars),
    product: optionalClipped('orderField', LIMITS.fieldChars),
    amount: optionalClipped('orderField', LIMITS.fieldChars),
    status: optionalClipped('orderField', LIMITS.fieldChars),
    paidAt: optionalClipped('orderField', LIMITS.fieldChars),
    promiseShipBy: optionalClipped('orderField', LIMITS.fieldChars),
    courier: optionalClipped('orderField', LIMITS.fieldChars),
    trackingNo: optionalClipped('orderField', LIMITS.fieldChars),
  },
  'order',
);

const SuggestSchema = v.object(
  {
    conversationId: id('conversation'),
    messageId: id('message'),
    text: buyerText('text'),
    /** The buyer's earlier text messages in this conversation, oldest first; the latest are kept. */
    history: v.optional(keptList('history', LIMITS.historyItems, buyerText('history'), true), []),
    buyerName: optionalClipped('buyerName', LIMITS.fieldChars),
    orders: v.optional(keptList('orders', LIMITS.orders, OrderSchema), []),
    /** The order the buyer confirmed or the agent picked, if any; cut as the order ids are, so they still match. */
    chosenOrderId: optionalClipped('orderId', LIMITS.idChars),
    /** What the host page's adapter can do, so unsupported actions show disabled. */
    capabilities: v.optional(list('actions', ACTION_IDS.length, v.picklist(ACTION_IDS, 'actions')), []),
  },
  'request',
);

const PreviewUrgencySchema = v.object(
  {
    /** Waiting buyers' last messages as the conversation list previews them, for the slow-reply alert's 紧急. */
    previews: list(
      'request',
      LIMITS.previewsPerRequest,
      v.object({ conversationId: id('conversation'), text: buyerText('text') }, 'request'),
    ),
  },
  'request',
);

const intent = v.picklist(INTENT_IDS, 'intent');
/** One intent × order situation of the catalogue. */
const slot = { intent, situation: v.custom<Situation>(isSituation, 'situation') };
const inCatalogue = <T extends { intent: IntentId; situation: Situation }>(schema: v.GenericSchema<unknown, T>) =>
  v.pipe(
    schema,
    v.check((value) => catalogueSlot(value.intent, value.situation) !== undefined, 'situation'),
  );
const ReplyRefSchema = inCatalogue(v.object({ ...slot, replyId: id('replyId') }, 'request'));
const replyText = text('reply', LIMITS.replyChars);

const PackRequestSchema = v.object({
  pack: v.pipe(
    v.unknown(),
    v.transform((pack) => parsePack(pack)),
  ),
});

/** Checked without a DOM (this runs in the service worker); see lib/pages/overrides.ts. */
const SelectorOverridesRequestSchema = v.object(
  {
    // The parser words what is wrong and where, better than a schema issue could.
    overrides: v.pipe(
      v.record(v.string(), v.unknown(), 'selectorOverrides'),
      v.transform((overrides) => parseSelectorOverrides(overrides)),
    ),
  },
  'selectorOverrides',
);

/** Joining the shop server: its address and a one-time code; with `setup`, the code creates the shop and its admin. */
const ConnectServerSchema = v.object(
  {
    serverUrl: text('serverUrl', 300),
    code: text('serverCode', 64),
    setup: v.optional(
      v.object(
        {
          shopName: v.pipe(text('shopName', 80), v.trim(), v.minLength(1, 'shopName')),
          adminName: v.pipe(text('userName', 80), v.trim(), v.minLength(1, 'userName')),
        },
        'request',
      ),
    ),
    /** What the admin's device list shows for this browser. */
    label: v.optional(text('request', 120), ''),
  },
  'request',
);

/** A row id of the shop server (feedback, person). */
const serverId = (field: Field) => v.pipe(v.number(field), v.integer(field), v.minValue(1, field));
const imageSide = v.pipe(
  v.number('imageSize'),
  v.integer('imageSize'),
  v.minValue(1, 'imageSize'),
  v.maxValue(FEEDBACK_LIMITS.imageSide, 'imageSize'),
);

const ok = returns<{ ok: true }>();
const snapshot = returns<ShopSnapshot>();

/** Writes answer with the new snapshot, so the options page shows exactly what was committed. */
export const BACKGROUND_REQUESTS = {
  suggest: { request: SuggestSchema, response: returns<Solution | null>() },
  /** Whether each preview is urgent, by the same judgement that marks the open chat 紧急; in the order asked. */
  previewUrgency: { request: PreviewUrgencySchema, response: returns<{ urgent: boolean[] }>() },
  /** What a chat frame needs of the shop: the settings in force and the selector overrides to bind. */
  chatState: { request: none, response: returns<ChatState>() },
  /** A chat frame reports which parts of its page Huashu found; the toolbar icon shows it for that tab. */
  reportHealth: {
    request: v.object({ parts: HealthSchema, language: v.optional(v.picklist(LANGUAGES), 'zh') }, 'pageCheck'),
    response: ok,
  },
  shopState: { request: none, response: snapshot },
  /** Edits an official reply (an override) or one of the shop's own replies. */
  saveReply: {
    request: inCatalogue(
      v.object(
        {
          ...slot,
          replyId: id('replyId'),
          text: replyText,
          /** The text the edit started from: a save over someone else's newer text is refused as a conflict. */
          base: v.optional(replyText),
        },
        'request',
      ),
    ),
    response: snapshot,
  },
  restoreReply: { request: ReplyRefSchema, response: snapshot },
  addOwnReply: {
    request: inCatalogue(
      v.object(
        {
          ...slot,
          text: replyText,
          /** Made in the page once per new reply; a retry with it adds nothing twice. */
          requestId: v.optional(v.pipe(v.string('requestId'), v.uuid('requestId'))),
        },
        'request',
      ),
    ),
    response: snapshot,
  },
  deleteOwnReply: { request: ReplyRefSchema, response: snapshot },
  reorderReplies: {
    request: inCatalogue(v.object({ ...slot, order: list('replyOrder', 20, id('replyOrder')) }, 'request')),
    response: snapshot,
  },
  setIntentEnabled: { request: v.object({ intent, enabled: v.boolean('enabled') }, 'request'), response: snapshot },
  saveRule: {
    request: v.object(
      {
        /** Absent for a new rule. */
        id: optionalText('ruleId', LIMITS.idChars),
        keywords: list('keywords', LIMITS.keywords, text('keywords', LIMITS.fieldChars)),
        reply: replyText,
        enabled: v.boolean('enabled'),
      },
      'request',
    ),
    response: snapshot,
  },
  deleteRule: { request: v.object({ id: id('ruleId') }, 'request'), response: snapshot },
  reorderRules: { request: v.object({ ids: list('ruleOrder', 500, id('ruleOrder')) }, 'request'), response: snapshot },
  saveSettings: { request: SettingsPatchSchema, response: snapshot },
  exportPack: { request: none, response: returns<ReplyPack>() },
  /** Replaces the shop's page selector overrides ({} clears them); the store checks them again. */
  saveSelectorOverrides: { request: SelectorOverridesRequestSchema, response: snapshot },
  /** Checks proposed selector overrides on every open chat tab, without applying them. */
  testSelectors: { request: SelectorOverridesRequestSchema, response: returns<SelectorTestResult[]>() },
  /** What importing the pack would add, change and remove; changes nothing. */
  previewPack: { request: PackRequestSchema, response: returns<PackChange[]>() },
  importPack: { request: PackRequestSchema, response: snapshot },
  /** A chat frame's count of buyers past the slow-reply threshold; the toolbar badge shows it for that tab. */
  reportWaiting: {
    request: v.object(
      { count: v.pipe(v.number('waitingCount'), v.integer('waitingCount'), v.minValue(0, 'waitingCount')) },
      'request',
    ),
    response: ok,
  },
  /** Suggestion and reply events from a chat tab, for the local statistics. */
  recordStats: { request: v.object({ events: StatsEventsSchema }, 'request'), response: ok },
  statsReport: { request: none, response: returns<StatsReport>() },
  resetStats: { request: none, response: ok },
  /** The daily summary to the feedback webhook: off unless the admin turns it on. */
  statsSummary: { request: none, response: returns<StatsSummaryState>() },
  saveStatsSummary: {
    request: v.object({ enabled: v.boolean('dailySummary') }, 'request'),
    response: returns<StatsSummaryState>(),
  },
  // Feedback (我要反馈): the popup sends, the options page's inbox reads. Lists come newest first.
  submitFeedback: { request: FeedbackInputSchema, response: returns<{ id: string; duplicate: boolean }>() },
  listFeedback: { request: none, response: returns<FeedbackSummary[]>() },
  getFeedback: { request: FeedbackIdSchema, response: returns<FeedbackItem | null>() },
  setFeedbackResolved: { request: FeedbackResolvedSchema, response: returns<FeedbackSummary[]>() },
  deleteFeedback: { request: FeedbackIdsSchema, response: returns<FeedbackSummary[]>() },
  /** All items, or the chosen ones, with their images, for the zip export. */
  exportFeedback: { request: FeedbackExportSchema, response: returns<FeedbackItem[]>() },
  /** 重新发送: the chosen items go to the webhook now. */
  resendFeedback: { request: FeedbackResendSchema, response: returns<FeedbackSummary[]>() },
  feedbackSettings: { request: none, response: returns<FeedbackSettings>() },
  saveFeedbackSettings: { request: FeedbackSettingsSchema, response: returns<FeedbackSettings>() },
  // The shop server (entrypoints/background/shop-server.ts).
  serverStatus: { request: none, response: returns<ServerStatus>() },
  /** The options page asked for the server's origin (optional host permission) before sending this. */
  connectServer: { request: ConnectServerSchema, response: returns<ServerStatus>() },
  /** Forgets the connection and revokes this browser's token on the server; the local copy of the library stays. */
  disconnectServer: { request: none, response: returns<ServerStatus>() },
  /**
   * One page of the shop server's inbox, for a browser connected as the shop's admin; `agent` filters by person,
   * `before` (an item id) asks for the older items.
   */
  shopFeedback: {
    request: v.object({ agent: v.optional(serverId('request')), before: v.optional(serverId('request')) }, 'request'),
    response: returns<ShopFeedbackEntry[]>(),
  },
  /** One inbox item's images, as the list described them, read from the server with the device token. */
  shopFeedbackImages: {
    request: v.object(
      {
        id: serverId('feedbackId'),
        images: list(
          'images',
          FEEDBACK_LIMITS.images,
          v.object({ type: v.picklist(IMAGE_TYPES, 'imageType'), width: imageSide, height: imageSide }, 'image'),
        ),
      },
      'request',
    ),
    response: returns<FeedbackImageData[]>(),
  },
  setShopFeedbackResolved: {
    request: v.object({ id: serverId('feedbackId'), resolved: v.boolean('enabled') }, 'request'),
    response: returns<{ id: number; resolved: boolean }>(),
  },
  /** The webhook the shop server forwards every new item to (the admin's; '' for none). */
  shopWebhook: { request: none, response: returns<{ webhookUrl: string }>() },
  /** Sets the shop server's webhook; `retried`: items whose forward had failed, sent again now. */
  saveShopWebhook: { request: FeedbackSettingsSchema, response: returns<{ webhookUrl: string; retried: number }>() },
  /** The shop's statistics of the last `days` days from the server (the admin's: every agent). */
  shopStats: {
    request: v.object(
      { days: v.pipe(v.number('request'), v.integer('request'), v.minValue(1, 'request'), v.maxValue(90, 'request')) },
      'request',
    ),
    response: returns<ShopStats>(),
  },
  /** Admins: a one-time code for a new agent (or admin) to join with. */
  inviteToShop: {
    request: v.object(
      {
        name: v.pipe(text('userName', 80), v.trim(), v.minLength(1, 'userName')),
        role: v.picklist(['admin', 'agent'], 'request'),
      },
      'request',
    ),
    response: returns<InviteAnswer>(),
  },
  /** Admins: the shop's people and their browsers. */
  shopMembers: { request: none, response: returns<ShopMember[]>() },
  /** Admins: disconnects one browser of the shop; refused at once on every node. */
  revokeShopDevice: { request: v.object({ deviceId: id('request') }, 'request'), response: returns<ShopMember[]>() },
  /** Admins: the shop library's latest revisions, newest first. */
  libraryHistory: {
    request: v.object(
      {
        limit: v.pipe(
          v.number('request'),
          v.integer('request'),
          v.minValue(1, 'request'),
          v.maxValue(LIBRARY_HISTORY_MAX, 'request'),
        ),
      },
      'request',
    ),
    response: returns<LibraryChange[]>(),
  },
  /**
   * Admins: undoes one revision on the server (refused with `libraryConflict` when a later change touched the
   * same item). The local copy follows through the live stream, as for any edit.
   */
  rollbackLibraryChange: {
    request: v.object(
      { revision: v.pipe(v.number('request'), v.integer('request'), v.minValue(1, 'request')) },
      'request',
    ),
    response: returns<{ revision: number }>(),
  },
  // Custom chat pages (添加聊天页面, entrypoints/background/custom-pages.ts) and the page mapper.
  customPages: { request: none, response: returns<CustomPageSummary[]>() },
  /** The origin was granted in the admin's click; the pattern is checked again here. */
  addCustomPage: {
    request: v.object({ pattern: text('pagePattern', LIMITS.fieldChars) }, 'request'),
    response: returns<CustomPageSummary[]>(),
  },
  removeCustomPage: { request: v.object({ id: id('pageId') }, 'request'), response: returns<CustomPageSummary[]>() },
  /** Opens (or brings up) the page's tab and starts the page mapper there. */
  startMapper: { request: v.object({ id: id('pageId') }, 'request'), response: returns<{ tabId: number }>() },
  /** A custom page's content script: which page it is on, and the definition once mapped. */
  customPage: {
    request: none,
    response: returns<{ id: string; pattern: string; definition: unknown }>(),
  },
  /** The mapper's 保存, checked against the page schema; only from a tab the admin started the mapper in. */
  saveMappedPage: {
    request: v.object({ definition: v.unknown() }, 'request'),
    response: returns<{ id: string; definition: unknown }>(),
  },
  finishMapping: { request: none, response: ok },
} satisfies Record<string, { request: v.GenericSchema; response: unknown }>;

export type BackgroundRequestType = keyof typeof BACKGROUND_REQUESTS;
export type RequestOf<T extends BackgroundRequestType> = v.InferOutput<(typeof BACKGROUND_REQUESTS)[T]['request']>;
export type ResponseOf<T extends BackgroundRequestType> = (typeof BACKGROUND_REQUESTS)[T]['response'];

export type SuggestRequest = RequestOf<'suggest'>;

/**
 * The requests a chat tab's content script may make. A content script runs inside the host page's renderer, so
 * every other request (the shop's library, feedback inbox, statistics, settings) is served only to the
 * extension's own pages: the options page and the toolbar popup.
 */
export const CHAT_REQUESTS = [
  'suggest',
  'previewUrgency',
  'chatState',
  'reportHealth',
  'reportWaiting',
  'recordStats',
  'submitFeedback',
  // A custom page's script and its mapper; saving is checked against the tab the admin started the mapper in.
  'customPage',
  'saveMappedPage',
  'finishMapping',
] as const satisfies readonly BackgroundRequestType[];

export interface ChatState {
  settings: Settings;
  selectorOverrides: SelectorOverrides;
}
