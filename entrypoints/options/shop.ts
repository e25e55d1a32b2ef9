import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorText } from '@/lib/i18n/errors';
import { callBackground } from '@/lib/messages/background';
import type { BackgroundRequestType, RequestOf, ResponseOf } from '@/lib/messages/background-map';
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

  /** Runs a request; on success shows `done` and takes the new snapshot, on refusal shows the reason. */
  async function run<T extends BackgroundRequestType>(
    type: T,
    payload: RequestOf<T>,
    done?: string,
  ): Promise<ResponseOf<T> | undefined> {
    try {
      const result = await callBackground(type, payload);
      if (isSnapshot(result)) setSnapshot(result);
      if (done) setNotice({ tone: 'ok', text: done });
      return result;
    } catch (error) {
      setNotice({ tone: 'error', text: errorText(error, snapshot?.settings.language ?? 'zh') });
      return undefined;
    }
  }

  return { snapshot, loadError, notice, setNotice, run };
}

function isSnapshot(value: unknown): value is ShopSnapshot {
  return typeof value === 'object' && value !== null && 'local' in value && 'hits' in value;
}

export type Shop = ReturnType<typeof useShop>;
