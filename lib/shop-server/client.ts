/**
 * The shop server's API as typed calls (server/*.ts is the other side). Pure: no storage, no chrome.*, only
 * fetch, so the background and the tests use it alike. Every failure becomes a CodedError the surfaces word:
 * no answer is `serverDown`, a revoked token `serverRevoked`, a refused code `serverCodeInvalid`; codes the
 * extension already knows (a refused pack) keep their meaning.
 */
import { CodedError, ERROR_CODES, type ErrorCode, type ErrorParams } from '@/lib/messages/errors';
import type { PackChange } from '@/lib/store/pack';
import type { ReplyPack } from '@/lib/store/types';

/** Where the server is and who this browser is to it: what every authenticated call needs. */
export interface ServerAuth {
  /** The server's origin, e.g. `http://127.0.0.1:8787` (no path, no trailing slash). */
  serverUrl: string;
  /** The device token `/api/join` or `/api/setup` gave this browser. */
  token: string;
}

export type ServerRole = 'admin' | 'agent';

/** What `/api/join` and `/api/setup` answer. */
export interface JoinAnswer {
  token: string;
  user: { id: number; name: string; role: ServerRole };
  shop: { id: number; name: string };
}

export interface MeAnswer {
  user: { id: number; name: string; role: ServerRole };
  shop: { id: number; name: string };
  device: { id: string };
}

/** What `/api/invites` answers: the one-time code to hand to the person. */
export interface InviteAnswer {
  code: string;
  name: string;
  role: ServerRole;
  expiresAt: string;
}

/** One person of the shop and their browsers (`/api/users`, admins only). */
export interface ShopMember {
  id: number;
  name: string;
  role: ServerRole;
  devices: { id: string; label: string; createdAt: string; lastSeenAt: string | null; revokedAt: string | null }[];
}

/** The shop's library at a revision. */
export interface LibraryState {
  revision: number;
  library: ReplyPack;
}

/** One revision of the shop's library (`/api/library/changes`, admins only): who, when, and what it changed. */
export interface LibraryChange {
  revision: number;
  /** ISO time of the change. */
  at: string;
  /** An edit, or the rollback of the edit `rolledBack`. */
  kind: 'edit' | 'rollback';
  rolledBack: number | null;
  by: { id: number; name: string };
  changes: PackChange[];
}

/** The most revisions the server lists at once (server/library.ts). */
export const LIBRARY_HISTORY_MAX = 200;

/** One item two admins changed differently (server/library-merge.ts). */
export interface LibraryConflictItem {
  area: string;
  intent?: string;
  situation?: string;
  id: string;
  base?: string;
  yours?: string;
  theirs?: string;
}

/**
 * A refused library save: the library as it is now and the items both sides changed. The CodedError
 * (`libraryConflict`) carries the first item's two texts; this carries them all.
 */
export class LibraryConflictError extends CodedError {
  constructor(
    readonly conflicts: LibraryConflictItem[],
    readonly current: LibraryState,
  ) {
    super('libraryConflict', {
      count: conflicts.length,
      theirs: conflicts[0]?.theirs ?? '',
      yours: conflicts[0]?.yours ?? '',
    });
  }
}

/** The server's address as the person typed it, reduced to its origin; refused unless http(s). */
export function serverOrigin(typed: string): string {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    throw new CodedError('serverUrlInvalid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CodedError('serverUrlInvalid');
  return url.origin;
}

/** The optional host permission that lets the extension reach the server, its origin only: `http://host:port/*`. */
export function serverPermission(serverUrl: string): string {
  return `${new URL(serverUrl).origin}/*`;
}

const SERVER_CODES: Partial<Record<string, ErrorCode>> = {
  revoked: 'serverRevoked',
  unauthorized: 'serverUnauthorized',
  forbidden: 'serverForbidden',
  codeInvalid: 'serverCodeInvalid',
  shopExists: 'serverShopExists',
  rateLimited: 'serverRateLimited',
};

interface RefusalBody {
  error?: { code?: unknown; params?: unknown };
  message?: unknown;
  conflicts?: LibraryConflictItem[];
  current?: LibraryState;
}

/** A refusal's body as a CodedError: the server's own codes mapped, the extension's kept, the rest worded by status. */
function refusalError(status: number, body: RefusalBody | null): CodedError {
  const code = typeof body?.error?.code === 'string' ? body.error.code : '';
  if (code === 'conflict' && body?.conflicts && body.current)
    return new LibraryConflictError(body.conflicts, body.current);
  const mapped = SERVER_CODES[code];
  if (mapped) return new CodedError(mapped);
  if ((ERROR_CODES as readonly string[]).includes(code)) {
    const params = body?.error?.params;
    return new CodedError(code as ErrorCode, typeof params === 'object' && params ? (params as ErrorParams) : {});
  }
  if (status === 401) return new CodedError('serverUnauthorized');
  if (status === 403) return new CodedError('serverForbidden');
  if (status === 429) return new CodedError('serverRateLimited');
  const message = typeof body?.message === 'string' ? body.message.slice(0, 300) : '';
  return new CodedError('serverRefused', { status, message });
}

/** How long one call waits for the server's answer (the live stream excepted). */
const CALL_TIMEOUT_MS = 20_000;

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * One call to the server: JSON in, JSON out (null for 204). `auth` null for the calls that need no token
 * (join, setup). Rejects with a CodedError.
 */
export async function callServer<T>(
  where: ServerAuth | { serverUrl: string; token?: undefined },
  path: string,
  options: CallOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { ...options.headers };
  if (where.token) headers.authorization = `Bearer ${where.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${where.serverUrl}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      // A server that accepts and never answers is as good as down; an admin's save waits no longer than this.
      signal: options.signal ?? AbortSignal.timeout(CALL_TIMEOUT_MS),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (error) {
    if ((error as Error | null)?.name === 'AbortError') throw error;
    throw new CodedError('serverDown', { url: where.serverUrl });
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page, say: worded by status below.
  }
  if (!response.ok) {
    // A gateway answering for a server that is down is the server being down.
    if (response.status === 502 || response.status === 503 || response.status === 504) {
      throw new CodedError('serverDown', { url: where.serverUrl });
    }
    throw refusalError(response.status, body as RefusalBody | null);
  }
  return body as T;
}

/** A request whose answer is read as it comes (the live stream): its body, or the refusal as callServer words it. */
export async function streamServer(
  auth: ServerAuth,
  path: string,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  let response: Response;
  try {
    response = await fetch(`${auth.serverUrl}${path}`, {
      headers: { authorization: `Bearer ${auth.token}`, accept: 'text/event-stream' },
      signal,
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (error) {
    if ((error as Error | null)?.name === 'AbortError') throw error;
    throw new CodedError('serverDown', { url: auth.serverUrl });
  }
  if (response.ok && response.body) return response.body;
  const body = await response.json().catch(() => null);
  if (response.status >= 502 && response.status <= 504) throw new CodedError('serverDown', { url: auth.serverUrl });
  throw refusalError(response.status, body as RefusalBody | null);
}

/** The calls of the shop server the extension makes. */
export const shopServer = {
  /** Joins the shop with an invitation code; the answer's token is this browser's from now on. */
  join: (serverUrl: string, code: string, label = '') =>
    callServer<JoinAnswer>({ serverUrl }, '/api/join', { method: 'POST', body: { code, label } }),

  /** Creates the shop and its admin with the setup code the server printed at its first start. */
  setup: (serverUrl: string, input: { code: string; shopName: string; adminName: string; label?: string }) =>
    callServer<JoinAnswer>({ serverUrl }, '/api/setup', { method: 'POST', body: { label: '', ...input } }),

  me: (auth: ServerAuth) => callServer<MeAnswer>(auth, '/api/me'),

  /** The library; with `since`, only the revision when this browser already has the newest. */
  library: (auth: ServerAuth, since?: number) =>
    callServer<LibraryState | { revision: number; upToDate: true }>(
      auth,
      since === undefined ? '/api/library' : `/api/library?since=${since}`,
    ),

  /** Saves the library the admin edited from `baseRevision`; rejects with LibraryConflictError on a clash. */
  saveLibrary: (auth: ServerAuth, baseRevision: number, library: ReplyPack) =>
    callServer<LibraryState>(auth, '/api/library', { method: 'PUT', body: { baseRevision, library } }),

  /** Disconnects a browser of the shop (an agent may disconnect only its own). */
  revokeDevice: (auth: ServerAuth, deviceId: string) =>
    callServer<null>(auth, `/api/devices/${encodeURIComponent(deviceId)}/revoke`, { method: 'POST', body: {} }),
};
