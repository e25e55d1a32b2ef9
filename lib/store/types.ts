import type { IntentId } from '@/lib/intents/ids';
import type { ErrorData } from '@/lib/messages/errors';
import type { SelectorOverrides } from '@/lib/pages/overrides';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import type { CatalogueSituation } from '@/lib/solutions/catalogue/types';

/** Where a reply applies: an order node, 'any' (any order) or 'none' (no order), as in the catalogue. */
export type Situation = CatalogueSituation;

/** At most this many of the shop's own replies per intent and situation (as on Douyin). */
export const MAX_OWN_REPLIES = 2;
/** Longest reply or keyword-rule answer the shop may save. */
export const MAX_REPLY_CHARS = 500;
export const MAX_RULES = 200;
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_CHARS = 30;

interface OwnReply {
  /** `own.<uuid>`: stable across export and import. */
  id: string;
  text: string;
}

/** The shop's edits of one intent × situation. Official replies are never copied here: only overrides. */
export interface SlotEdits {
  intent: IntentId;
  situation: Situation;
  /** Official reply id → the shop's text for it. */
  overrides: Record<string, string>;
  own: OwnReply[];
  /** Reply ids (official and own) in the shop's order; ids not listed follow in default order. */
  order: string[];
}

/** A "机器人" rule: when a buyer message contains one of the keywords, suggest the reply. */
export interface KeywordRule {
  id: string;
  keywords: string[];
  reply: string;
  enabled: boolean;
}

/** The settings a reply pack carries; the UI language stays each agent's own choice. */
type PackSettings = Partial<Pick<Settings, 'lateShipCompensationYuan' | 'orderPredictionCard'>>;

/** What a shop decides: held locally, exported in a pack, or pushed by policy. */
export interface ShopData {
  slots: SlotEdits[];
  disabledIntents: IntentId[];
  rules: KeywordRule[];
  settings: PackSettings;
  /**
   * Page selector overrides, `{ pageId: PageOverride }` (partial page definitions, lib/pages/overrides.ts), so a
   * shop can fix a changed page for every agent through its pack. Absent in a pack: the current ones stay.
   */
  selectorOverrides?: SelectorOverrides;
}

export const PACK_FORMAT = 'huashu-reply-pack';
export const PACK_VERSION = 1;

/** One JSON file: what "export" writes and "import" and the managed policy read. */
export interface ReplyPack extends ShopData {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  exportedAt?: string;
}

export type IntentHits = Partial<Record<IntentId, number>>;

/**
 * Everything the background holds in memory: the local edits, the managed pack (if any) and hit counts.
 * suggest() reads only this; the options page gets a copy.
 */
export interface ShopSnapshot {
  local: ShopData;
  /** The UI language and other settings as saved locally (defaults filled in). */
  settings: Settings;
  managed: ShopData | null;
  /** Why the managed pack was ignored, if the policy holds one that is invalid; each surface words it. */
  managedError: ErrorData | null;
  hits: IntentHits;
}

const EMPTY_SHOP: ShopData = { slots: [], disabledIntents: [], rules: [], settings: {} };

/** A shop that edited nothing: the catalogue as shipped and the default settings. */
export const EMPTY_SNAPSHOT: ShopSnapshot = {
  local: EMPTY_SHOP,
  settings: DEFAULT_SETTINGS,
  managed: null,
  managedError: null,
  hits: {},
};
