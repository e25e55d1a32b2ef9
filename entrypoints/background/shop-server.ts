/**
 * The connection to the shop server, held by the background: joining with a code, the stored record (server,
 * device token, shop, role, name, library revision), and what every other background service asks of it
 * through a ShopServerLink: the server and token to call with, and news of connecting, going offline, being
 * refused and disconnecting. The record lives in storage.local, which only this module reads.
 */
import type { RequestOf } from '@/lib/messages/background-map';
import { CodedError, type ErrorData, toErrorData } from '@/lib/messages/errors';
import {
  type CallOptions,
  callServer,
  type InviteAnswer,
  type LibraryChange,
  type LibraryState,
  type ServerAuth,
  type ShopMember,
  serverOrigin,
  serverPermission,
  shopServer,
} from '@/lib/shop-server/client';
import { type ServerStatus, type ShopConnection, statusOf } from '@/lib/shop-server/status';

const STORAGE_KEY = 'shopServer';

/** The refusals that mean this browser's token is no good any more: nothing will change that but a new code. */
const REFUSED_CODES = new Set(['serverRevoked', 'serverUnauthorized']);

/** What another background service (feedback, statistics, the library sync) uses the connection through. */
export interface ShopServerLink {
  /** The server and token while this browser is connected and not refused (online or not); else null. */
  auth(): Promise<ServerAuth | null>;
  /** The stored record (name, role, shop, revision), or null when not connected. */
  connection(): Promise<ShopConnection | null>;
  status(): Promise<ServerStatus>;
  /**
   * Called on every change: connected, online again, offline, refused (revoked), disconnected (`none`).
   * Returns the function that stops listening.
   */
  onStatus(listener: (status: ServerStatus) => void): () => void;
  /**
   * One call with this browser's token; its outcome moves the status (an answer: online; no answer:
   * offline; revoked: refused, at once for every service). Rejects with `serverNotConnected` when there is
   * no usable connection, else with the client's coded errors.
   */
  call<T>(path: string, options?: CallOptions): Promise<T>;
  /** Tells the link how a call made by other means (a stream) went: an error, or null for an answer. */
  report(outcome: unknown): Promise<void>;
  /** Stores a new library revision (the sync's, once its copy is written). */
  setRevision(revision: number): Promise<void>;
}

/** The policy's invitation code last tried (a code joins once: a refused one is not sent again). */
const POLICY_TRIED_KEY = 'shopServerPolicyCode';

interface ShopServerOptions {
  /** The server and invitation code enterprise policy sets (lib/store/managed.ts), or null. */
  readPolicy?: () => Promise<{ serverUrl: string; code: string } | null>;
}

export function startShopServer({ readPolicy = async () => null }: ShopServerOptions = {}) {
  /** undefined until read from storage once per worker start. */
  let record: ShopConnection | null | undefined;
  let reading: Promise<ShopConnection | null> | undefined;
  /** undefined: no answer yet since the worker started. */
  let online: boolean | undefined;
  let offlineReason: ErrorData | undefined;
  const listeners = new Set<(status: ServerStatus) => void>();

  async function load(): Promise<ShopConnection | null> {
    if (record !== undefined) return record;
    reading ??= browser.storage.local.get(STORAGE_KEY).then((stored) => {
      record ??= (stored[STORAGE_KEY] as ShopConnection | undefined) ?? null;
      return record;
    });
    return reading;
  }

  async function save(next: ShopConnection | null): Promise<void> {
    record = next;
    if (next) await browser.storage.local.set({ [STORAGE_KEY]: next });
    else await browser.storage.local.remove(STORAGE_KEY);
  }

  const status = async (): Promise<ServerStatus> => statusOf(await load(), online, offlineReason);

  async function announce(): Promise<void> {
    const now = await status();
    for (const listener of listeners) {
      try {
        listener(now);
      } catch {
        // One listener's bug does not keep the others from hearing.
      }
    }
  }

  async function setOnline(next: boolean, reason?: ErrorData): Promise<void> {
    const changed = online !== next || offlineReason?.code !== reason?.code;
    online = next;
    offlineReason = next ? undefined : reason;
    if (changed) await announce();
  }

  async function report(outcome: unknown): Promise<void> {
    if (outcome === null || outcome === undefined) return setOnline(true);
    const reason = toErrorData(outcome);
    if (REFUSED_CODES.has(reason.code)) {
      const current = await load();
      if (!current || current.refused) return;
      await save({ ...current, refused: reason });
      return announce();
    }
    if (reason.code === 'serverDown') return setOnline(false, reason);
    // Any other refusal is an answer: the server is there.
    return setOnline(true);
  }

  async function auth(): Promise<ServerAuth | null> {
    const current = await load();
    return current && !current.refused ? { serverUrl: current.serverUrl, token: current.token } : null;
  }

  const link: ShopServerLink = {
    auth,
    connection: load,
    status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async call<T>(path: string, options?: CallOptions): Promise<T> {
      const where = await auth();
      if (!where) throw new CodedError('serverNotConnected');
      try {
        const answer = await callServer<T>(where, path, options);
        await report(null);
        return answer;
      } catch (error) {
        if ((error as Error | null)?.name !== 'AbortError') await report(error);
        throw error;
      }
    },
    report,
    async setRevision(revision) {
      const current = await load();
      if (current && current.revision !== revision) {
        await save({ ...current, revision });
        await announce();
      }
    },
  };

  /**
   * Joins with an invitation code, or creates the shop with the setup code. The options page asked for the
   * server's origin first (a permission prompt needs the person's click); without it nothing is sent.
   */
  async function connect(request: RequestOf<'connectServer'>): Promise<ServerStatus> {
    const origin = serverOrigin(request.serverUrl);
    if (!(await browser.permissions.contains({ origins: [serverPermission(origin)] }))) {
      throw new CodedError('serverPermissionDenied');
    }
    return join({ ...request, serverUrl: origin });
  }

  /**
   * A managed browser joins the shop the policy names, once, at start or when the policy changes. No one is
   * there to answer a permission prompt: the server's CORS admits the extension's origin (server/main.ts).
   */
  async function joinFromPolicy(): Promise<void> {
    const policy = await readPolicy();
    if (!policy || (await load())) return;
    const tried = (await browser.storage.local.get(POLICY_TRIED_KEY))[POLICY_TRIED_KEY];
    if (tried === policy.code) return;
    try {
      await join({ serverUrl: serverOrigin(policy.serverUrl), code: policy.code, label: 'policy' });
    } catch (error) {
      // No answer: tried again at the next start. Any answer (a used code, a bad address) is final for this code.
      if (toErrorData(error).code === 'serverDown') return;
    }
    await browser.storage.local.set({ [POLICY_TRIED_KEY]: policy.code });
  }

  async function join({ serverUrl: origin, code, setup, label }: RequestOf<'connectServer'>): Promise<ServerStatus> {
    const joined = setup
      ? await shopServer.setup(origin, { code: code.trim(), ...setup, label })
      : await shopServer.join(origin, code.trim(), label);
    const me = await shopServer.me({ serverUrl: origin, token: joined.token });
    const previous = await load();
    await save({
      serverUrl: origin,
      token: joined.token,
      deviceId: me.device.id,
      userId: me.user.id,
      userName: me.user.name,
      role: me.user.role,
      shopId: me.shop.id,
      shopName: me.shop.name,
      revision: -1,
    });
    online = true;
    offlineReason = undefined;
    // Joining again (another shop, or after being refused): the old token is let go where it still works.
    if (previous && !previous.refused && previous.token !== joined.token) {
      void shopServer.revokeDevice(previous, previous.deviceId).catch(() => {});
    }
    await announce();
    return status();
  }

  /** Forgets the connection; the server is told so the token is useless from now on. The local copy stays. */
  async function disconnect(): Promise<ServerStatus> {
    const previous = await load();
    if (!previous) return status();
    if (!previous.refused) {
      await shopServer.revokeDevice(previous, previous.deviceId).catch(() => {
        // Offline: the token stays valid on the server until the admin revokes it there; said in the README.
      });
    }
    await save(null);
    online = undefined;
    offlineReason = undefined;
    await announce();
    return status();
  }

  const members = () => link.call<ShopMember[]>('/api/users');

  return {
    link,
    joinFromPolicy,
    handlers: {
      serverStatus: () => status(),
      connectServer: connect,
      disconnectServer: () => disconnect(),
      inviteToShop: (invite: RequestOf<'inviteToShop'>) =>
        link.call<InviteAnswer>('/api/invites', { method: 'POST', body: invite }),
      shopMembers: members,
      async revokeShopDevice({ deviceId }: RequestOf<'revokeShopDevice'>) {
        await link.call(`/api/devices/${encodeURIComponent(deviceId)}/revoke`, { method: 'POST', body: {} });
        return members();
      },
      libraryHistory: ({ limit }: RequestOf<'libraryHistory'>) =>
        link.call<LibraryChange[]>(`/api/library/changes?limit=${limit}`),
      async rollbackLibraryChange({ revision }: RequestOf<'rollbackLibraryChange'>) {
        // The answer's library is not written here: the live stream brings it, as it does every edit.
        const state = await link.call<LibraryState>(`/api/library/changes/${revision}/rollback`, {
          method: 'POST',
          body: {},
        });
        return { revision: state.revision };
      },
    },
  };
}

export type ShopServerService = ReturnType<typeof startShopServer>;
