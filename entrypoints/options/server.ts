import { useCallback, useEffect, useState } from 'preact/hooks';
import { callBackground } from '@/lib/messages/background';
import type { ServerStatus } from '@/lib/shop-server/status';

/** How often the page asks how the connection is going: it changes with the network, not with the page. */
const STATUS_POLL_MS = 2000;

/** The shop-server connection as the background reports it; null before its first answer. */
export function useServerStatus() {
  const [status, setStatus] = useState<ServerStatus | null>(null);
  const refresh = useCallback(() => {
    callBackground('serverStatus', {}).then(setStatus, () => {});
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return { status, setStatus, refresh };
}
