/**
 * The managed policy: an admin pushes one reply pack to every agent's browser through enterprise policy
 * (chrome.storage.managed, described by assets/public/managed-schema.json). The pack wins over local edits.
 * The order confirmation card's mode has a policy key of its own, so an admin can fix it without a pack.
 */
import { type ErrorData, toErrorData } from '@/lib/messages/errors';
import { isPredictionCardMode, PREDICTION_CARD_MODES } from '@/lib/settings';
import { packData, parsePack, parsePackText } from '@/lib/store/pack';
import type { ShopData } from '@/lib/store/types';

/** The policy key that holds the pack (as JSON text, or as an object where the platform allows it). */
export const MANAGED_PACK_KEY = 'replyPack';
/** The policy key that fixes the order confirmation card's mode (auto, ask or off). */
export const MANAGED_CARD_KEY = 'orderPredictionCard';
/** The policy keys Huashu reads, as managed-schema.json names them. */
const MANAGED_KEYS = [MANAGED_PACK_KEY, MANAGED_CARD_KEY] as const;

/** The policy as chrome.storage.managed holds it; either key may be absent. */
export type ManagedPolicy = Partial<Record<(typeof MANAGED_KEYS)[number], unknown>>;

export interface ManagedRead {
  managed: ShopData | null;
  /** Why a value present in the policy was ignored; the options page words it. */
  error: ErrorData | null;
}

const isAbsent = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Reads and validates the managed pack (JSON text, or an object where the platform allows it) and the card's
 * mode; an invalid value is ignored (local edits stand) and its problem reported, and the other still applies.
 */
export function readManagedValue(policy: ManagedPolicy | undefined): ManagedRead {
  const read = readPack(policy?.replyPack);
  const mode = policy?.orderPredictionCard;
  if (isAbsent(mode)) return read;
  if (!isPredictionCardMode(mode))
    return { ...read, error: { code: 'predictionCardMode', params: { modes: PREDICTION_CARD_MODES.join(' / ') } } };
  const base = read.managed ?? { slots: [], disabledIntents: [], rules: [], settings: {} };
  return { ...read, managed: { ...base, settings: { ...base.settings, orderPredictionCard: mode } } };
}

function readPack(value: unknown): ManagedRead {
  if (isAbsent(value)) return { managed: null, error: null };
  try {
    const pack = typeof value === 'string' ? parsePackText(value) : parsePack(value);
    return { managed: packData(pack), error: null };
  } catch (error) {
    return { managed: null, error: toErrorData(error) };
  }
}

/** The policy's values, or undefined where it sets none or the browser has no managed storage. */
export async function readManagedPolicy(): Promise<ManagedPolicy | undefined> {
  try {
    const stored: ManagedPolicy = await browser.storage.managed.get([...MANAGED_KEYS]);
    return MANAGED_KEYS.some((key) => stored[key] !== undefined) ? stored : undefined;
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
