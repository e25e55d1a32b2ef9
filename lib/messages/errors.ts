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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
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

/** Any thrown value as data: coded errors keep their code, a full storage quota gets its own, the rest are internal. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof CodedError) return error.toData();
  if ((error as { name?: unknown } | null)?.name === 'QuotaExceededError') return { code: 'storageFull' };
  return { code: 'internal', params: { detail: error instanceof Error ? error.message : String(error) } };
}
