/**
 * What the server answers when it refuses: `{ error: { code, params }, message }`. Codes from the extension's
 * own list (lib/messages/errors.ts) keep their meaning, so the extension words a refused pack as it does on
 * import; the server's own codes are below. `message` is English for a person reading logs or curl output.
 */
import type { ErrorCode, ErrorParams } from '@/lib/messages/errors';

export type ServerErrorCode =
  | 'unauthorized'
  | 'revoked'
  | 'forbidden'
  | 'notFound'
  | 'codeInvalid'
  | 'shopExists'
  | 'noShop'
  | 'conflict'
  | 'unknownRevision'
  | 'idempotencyKeyMissing'
  | 'idempotencyKeyReused'
  | 'imageInvalid'
  | 'bodyTooLarge'
  | 'rateLimited';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode | ErrorCode,
    message: string,
    readonly params: ErrorParams = {},
    /** More fields of the answer, e.g. both sides of a conflict. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const forbidden = (what: string) => new HttpError(403, 'forbidden', `Not allowed: ${what}`);
export const notFound = (what: string) => new HttpError(404, 'notFound', `${what} not found`);
