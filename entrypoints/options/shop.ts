import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorText } from '@/lib/i18n/errors';
import { callBackground } from '@/lib/messages/background';
import type { BackgroundRequestType, RequestOf, ResponseOf } from '@/lib/messages/background-map';
import { CodedError } from '@/lib/messages/errors';
import type { ShopSnapshot } from '@/lib/store/types';

export type Notice = { tone: 'ok' | 'error'; text: string } | null;

/**
 * The options page's view of the shop: the background's snapshot, replaced by the one every write returns,
 * so the page shows exactly what was committed.
 */
export function useShop() {
  const [snapshot, setSnapshot] = useState<ShopSnapshot | null>(null);
  /** Why the first load failed, worded by the page in its language. */
  const [loadError, setLoadError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const reload = useCallback(() => {
    callBackground('shopState', {}).then(setSnapshot, setLoadError);
  }, []);

  useEffect(() => {
    reload();
    // Hit counts move while agents work; refresh them when the admin comes back to the page.
    const onFocus = () => reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  useEffect(() => {
    if (notice?.tone !== 'ok') return;
    const timer = setTimeout(() => setNotice(null), 3000);
    return () => clearTimeout(timer);
  }, [notice]);

  /**
   * Runs a request; on success shows `done` and takes the new snapshot, on refusal shows the reason, unless
   * `refused` takes care of it (returns true). When the background did not answer (a worker stopped mid-request)
   * the same request goes once more: writes carry their base text or request id, so a retry of a write that went
   * through changes nothing, and the notice says what is stored.
   */
  async function run<T extends BackgroundRequestType>(
    type: T,
    payload: RequestOf<T>,
    done?: string,
    refused?: (error: unknown) => boolean,
  ): Promise<ResponseOf<T> | undefined> {
    try {
      const result = await callBackground(type, payload).catch((error: unknown) => {
        if (answered(error)) throw error;
        return callBackground(type, payload);
      });
      if (isSnapshot(result)) setSnapshot(result);
      if (done) setNotice({ tone: 'ok', text: done });
      return result;
    } catch (error) {
      if (!refused?.(error)) setNotice({ tone: 'error', text: errorText(error, snapshot?.settings.language ?? 'zh') });
      return undefined;
    }
  }

  return { snapshot, loadError, notice, setNotice, run, reload };
}

/** The background answered with a reason; anything else is the connection failing. */
function answered(error: unknown): boolean {
  return error instanceof CodedError && error.code !== 'backgroundDown';
}

function isSnapshot(value: unknown): value is ShopSnapshot {
  return typeof value === 'object' && value !== null && 'local' in value && 'hits' in value;
}

export type Shop = ReturnType<typeof useShop>;
