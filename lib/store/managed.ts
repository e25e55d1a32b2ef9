/**
 * The managed policy: an admin pushes one reply pack to every agent's browser through enterprise policy
 * (chrome.storage.managed, described by assets/public/managed-schema.json). The pack wins over local edits.
 */
import { type ErrorData, toErrorData } from '@/lib/messages/errors';
import { packData, parsePack, parsePackText } from '@/lib/store/pack';
import type { ShopData } from '@/lib/store/types';

/** The policy key that holds the pack (as JSON text, or as an object where the platform allows it). */
export const MANAGED_PACK_KEY = 'replyPack';

export interface ManagedRead {
  managed: ShopData | null;
  /** Why a pack present in the policy was ignored; the options page words it. */
  error: ErrorData | null;
}

/** Reads and validates the managed pack; an invalid one is ignored (local edits stand) and its problem reported. */
export function readManagedValue(value: unknown): ManagedRead {
  if (value === undefined || value === null || value === '') return { managed: null, error: null };
  try {
    const pack = typeof value === 'string' ? parsePackText(value) : parsePack(value);
    return { managed: packData(pack), error: null };
  } catch (error) {
    return { managed: null, error: toErrorData(error) };
  }
}

/** The raw policy value, or undefined where the browser has no managed storage (e.g. no policy at all). */
export async function readManagedPolicy(): Promise<unknown> {
  try {
    const stored = await browser.storage.managed.get(MANAGED_PACK_KEY);
    return stored[MANAGED_PACK_KEY];
  } catch {
    return undefined;
  }
}

/** Calls `onChange` when the policy changes while the browser runs (policies refresh without a restart). */
export function watchManagedPolicy(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The policy keys that point a managed browser at its shop server (entrypoints/background/shop-server.ts). */
const MANAGED_SERVER_URL_KEY = 'shopServerUrl';
const MANAGED_JOIN_CODE_KEY = 'shopJoinCode';

/** The shop server and invitation code the policy sets, or null unless it sets both as text. */
export async function readManagedServer(): Promise<{ serverUrl: string; code: string } | null> {
  try {
    const stored = await browser.storage.managed.get([MANAGED_SERVER_URL_KEY, MANAGED_JOIN_CODE_KEY]);
    const serverUrl = stored[MANAGED_SERVER_URL_KEY];
    const code = stored[MANAGED_JOIN_CODE_KEY];
    if (typeof serverUrl !== 'string' || typeof code !== 'string' || !serverUrl.trim() || !code.trim()) return null;
    return { serverUrl: serverUrl.trim(), code: code.trim() };
  } catch {
    return null;
  }
}
