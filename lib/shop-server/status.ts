/** The shop-server connection as every surface sees it: the stored record's public part and how it is going. */
import type { ErrorData } from '@/lib/messages/errors';
import type { ServerRole } from '@/lib/shop-server/client';

/** What the background keeps about the connection (storage.local, read only by the background). */
export interface ShopConnection {
  serverUrl: string;
  token: string;
  deviceId: string;
  userId: number;
  /** The person's name in the shop: the agent's name on its feedback and statistics. */
  userName: string;
  role: ServerRole;
  shopId: number;
  shopName: string;
  /** The library revision the local copy holds; -1 before the first pull. */
  revision: number;
  /**
   * Why the server refused this browser (revoked, or a token it no longer knows): set once, cleared only by
   * connecting again. The token is useless then; the local copy of the library stays.
   */
  refused?: ErrorData;
}

/**
 * - `connecting`: connected, no answer from the server yet since the worker started;
 * - `connected`: the live stream is open: edits arrive as they are made;
 * - `offline`: the server can't be reached; suggestions use the local copy, and it catches up on reconnect;
 * - `refused`: the server refused this browser (`reason`: revoked, unknown token).
 */
type ServerState = 'connecting' | 'connected' | 'offline' | 'refused';

export type ServerStatus =
  | { state: 'none' }
  | {
      state: ServerState;
      serverUrl: string;
      shopName: string;
      userName: string;
      role: ServerRole;
      /** This browser's device id (the public half of its token), to tell it apart in the shop's list. */
      deviceId: string;
      revision: number;
      /** Why it is offline or refused. */
      reason?: ErrorData;
    };

export function statusOf(connection: ShopConnection | null, online: boolean | undefined, reason?: ErrorData) {
  if (!connection) return { state: 'none' } as const satisfies ServerStatus;
  const state: ServerState = connection.refused
    ? 'refused'
    : online === undefined
      ? 'connecting'
      : online
        ? 'connected'
        : 'offline';
  return {
    state,
    serverUrl: connection.serverUrl,
    shopName: connection.shopName,
    userName: connection.userName,
    role: connection.role,
    deviceId: connection.deviceId,
    revision: connection.revision,
    ...((connection.refused ?? (state === 'offline' ? reason : undefined))
      ? { reason: connection.refused ?? reason }
      : {}),
  } satisfies ServerStatus;
}
