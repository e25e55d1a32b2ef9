/**
 * Errors cross contexts as codes with parameters, never as text: the background can't know which language
 * the surface that asked is showing. Each surface turns a code into words (lib/i18n/errors.ts).
 */

/** Every reason a request can be refused; lib/i18n/errors.ts words each one in every language. */
export const ERROR_CODES = [
  /** A bug or an unexpected failure; `detail` is for developers. */
  'internal',
  /** IndexedDB refused a write: the browser's storage for the extension is full. */
  'storageFull',
  /** The background did not answer. */
  'backgroundDown',
  /** The extension was updated or reloaded under an open page. */
  'extensionReloaded',
  /** A request only the extension's own pages may make came from a content script. */
  'adminOnly',
  /** A request field failed its schema; `field` names it (FIELDS). */
  'invalidField',
  'feedbackDescriptionMissing',
  'feedbackTooManyImages',
  /** One chat tab sent more feedback in a minute than an agent would; `max` items a minute pass. */
  'feedbackRateLimited',
  /** The inbox asked about an item someone deleted meanwhile. */
  'feedbackMissing',
  /** 重新发送 with no webhook set. */
  'webhookMissing',
  /**
   * A problem and where it is: `where` is a place (one of the place codes below) or a key path that reads the
   * same in every language ("slots", "feige.composer"); `problem` is the coded problem.
   */
  'invalidAt',
  // Places, worded only inside invalidAt's `where`.
  /** A pack's reply group by its 1-based `index`, before its intent and order node are known to be valid. */
  'placeReplyGroup',
  /** A catalogue slot: `intent` × `situation`. */
  'placeSlot',
  /** The official reply at 1-based `position` of the place `slot`. */
  'placeOfficialReply',
  /** The own reply at 1-based `position` of the place `slot`. */
  'placeOwnReply',
  /** A pack's keyword rule by its 1-based `index`. */
  'placeRule',
  /** A chat page by its adapter id, `page`. */
  'placePage',
  /** The selector at 1-based `position` of `key` ("feige.composer"), and its text `selector` when it is text. */
  'placeSelector',
  // Reply packs: the file as a whole.
  'packTooLarge',
  'packNotJson',
  'packNotPack',
  /** `version` the pack has, `supported` the one this build reads. */
  'packVersion',
  /** Nested deeper than a pack ever is (`max` levels). */
  'packTooDeep',
  // Reply packs: problems inside invalidAt.
  'notList',
  'tooManyItems',
  'malformed',
  'notBoolean',
  'packUnknownIntent',
  'packUnknownSituation',
  'packSlotTwice',
  'packMalformedOverrides',
  'packUnknownReply',
  'packOwnNotList',
  'packTooManyOwn',
  'packOwnId',
  'packInvalidId',
  'packDuplicateId',
  'packOrderNotList',
  'packKeywordsNotText',
  // Reply texts and keyword rules, shown while the admin types and refused by the store and the pack.
  'replyNotText',
  'replyEmpty',
  'replyTooLong',
  'replyUnknownVariable',
  'replyUnpairedBraces',
  /** A control, bidi or replacement character (`char`, as U+XXXX) at 1-based `position`. */
  'replyUnsafeChar',
  'keywordUnsafeChar',
  'keywordsMissing',
  'tooManyKeywords',
  'keywordTooLong',
  // Settings: the ranges the store, the pack and the options page accept.
  'compensationRange',
  'slowReplyRange',
  /** The order prediction card's mode is not one of `modes`. */
  'predictionCardMode',
  // The shop store's refusals.
  'noSuchSituation',
  'noSuchOfficialReply',
  'replyManaged',
  'ownRepliesFull',
  'replyDeleted',
  'repliesChanged',
  /** Someone saved this reply since the edit began: `theirs` is what is stored, `yours` what was sent. */
  'replyConflict',
  'intentManaged',
  'ruleDeleted',
  'tooManyRules',
  'rulesChanged',
  'settingManaged',
  // Page selector overrides: the set as a whole.
  'selectorsNotObject',
  'selectorsUnreadable',
  'selectorsTooLong',
  'selectorsTextTooLong',
  'selectorsNotJson',
  'selectorsUnknownPage',
  'selectorsUnknownKey',
  // Page selector overrides: problems inside invalidAt.
  'selectorsPageNotObject',
  /** A variant that is neither a selector nor an object the part accepts ({ selector, attribute?, pattern? }…). */
  'selectorVariantInvalid',
  /** An override's setting (composerKind, sendKeys…) the definition's schema refuses. */
  'pageSettingInvalid',
  'selectorsNotList',
  'tooManySelectors',
  'selectorNotText',
  'selectorTwice',
  'selectorEmpty',
  'selectorTooLong',
  /** Refused by the DOM-free check (`syntax`, one of the selectorSyntax codes) or by the browser's parser. */
  'selectorInvalid',
  'selectorUnpaired',
  'selectorStyleRule',
  'selectorUnclosedQuote',
  'selectorMissing',
  'selectorEmptyItem',
  'selectorDanglingCombinator',
  /** html, body, *, :root: a selector for the whole page, which would flatten the chat into plain text. */
  'selectorWholePage',
  // The shop server (lib/shop-server/client.ts words every answer it gets as one of these).
  /** The server address typed is not an http(s) address. */
  'serverUrlInvalid',
  /** The person did not allow the extension to reach the server's origin (optional host permission). */
  'serverPermissionDenied',
  /** No answer from the server: down, unreachable, or the network is out. `url` is the server. */
  'serverDown',
  /** The admin disconnected this browser from the shop (its device token was revoked). */
  'serverRevoked',
  /** The server does not know this browser's token (the shop was reset, or another server answers). */
  'serverUnauthorized',
  /** Only the shop's admin may do this. */
  'serverForbidden',
  /** The invitation or setup code is wrong, used or expired. */
  'serverCodeInvalid',
  /** A setup code was sent to a server that already has its shop. */
  'serverShopExists',
  /** Too many attempts in a minute. */
  'serverRateLimited',
  /** Any other refusal: `status` and the server's `message` (English, for the admin). */
  'serverRefused',
  /** A request that needs the shop server, from a browser not connected to one. */
  'serverNotConnected',
  /**
   * Someone changed the same items of the shop's library since this edit began; nothing was saved. `count`
   * items; `theirs` and `yours`: the first item's two versions.
   */
  'libraryConflict',
  /** An agent's browser connected to a shop: the library is the admin's to edit. */
  'libraryReadOnly',
  // Custom chat pages (添加聊天页面) and the page mapper.
  'pagePatternEmpty',
  /** Longer than `max` characters. */
  'pagePatternTooLong',
  /** Not http:// or https://. */
  'pagePatternScheme',
  'pagePatternInvalid',
  /** Every site, or every site under a top-level domain. */
  'pagePatternTooBroad',
  /** A page Huashu supports already: `pattern` is the built-in one. */
  'pagePatternBuiltIn',
  /** The admin did not grant access to `origin`. */
  'pagePermissionMissing',
  /** `pattern` is added already. */
  'pageExists',
  'pageNotAdded',
  /** No open tab shows the page, and its pattern names no URL to open. */
  'pageNoTab',
  /** The page's tab never answered: it did not load, or Huashu's script could not start there. */
  'pageNoScript',
  /** A chat tab tried to save a definition without the admin starting the mapper there. */
  'mapperNotStarted',
  /** A page definition the schema refuses: `where` is the path of the first problem. */
  'pageDefinitionInvalid',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/** The refusals the chat page can show; the content script bundles only their words (lib/i18n/chat-errors.ts). */
export type ChatErrorCode = Extract<
  ErrorCode,
  | 'internal'
  | 'storageFull'
  | 'backgroundDown'
  | 'extensionReloaded'
  | 'adminOnly'
  | 'invalidField'
  | 'feedbackDescriptionMissing'
  | 'feedbackTooManyImages'
  | 'feedbackRateLimited'
  | 'serverDown'
  | 'serverRevoked'
>;
export type ErrorParam = string | number | ErrorData;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

/** An error as plain data, the shape it travels in. */
export interface ErrorData {
  code: ErrorCode;
  params?: ErrorParams;
}

/** A refusal the person can act on: storage, validation and limits throw these. */
export class CodedError extends Error {
  override name = 'CodedError';
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(code);
  }

  toData(): ErrorData {
    return { code: this.code, params: this.params };
  }
}

export function isErrorData(value: unknown): value is ErrorData {
  return typeof value === 'object' && value !== null && typeof (value as ErrorData).code === 'string';
}

/** A coded problem and where it is (see invalidAt). */
export function invalidAt(where: ErrorParam, problem: ErrorData): CodedError {
  return new CodedError('invalidAt', { where, problem });
}

/** Any thrown value as data: coded errors keep their code, a full storage quota gets its own, the rest are internal. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof CodedError) return error.toData();
  if ((error as { name?: unknown } | null)?.name === 'QuotaExceededError') return { code: 'storageFull' };
  return { code: 'internal', params: { detail: error instanceof Error ? error.message : String(error) } };
}
