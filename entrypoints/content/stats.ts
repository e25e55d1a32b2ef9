/**
 * Batches the chat tab's statistics events to the background: one message every few seconds at most,
 * and whatever is left when the page goes away.
 */
import { callBackground } from '@/lib/messages/background';
import type { StatsEvent } from '@/lib/stats/types';

const FLUSH_MS = 1500;
const pending: StatsEvent[] = [];
let scheduled = false;

function flush() {
  scheduled = false;
  if (pending.length === 0) return;
  const events = pending.splice(0, pending.length);
  callBackground('recordStats', { events }).catch(() => {
    // Statistics are best effort: a reloaded extension or a sleeping background loses a few counts.
  });
}

export function recordStat(event: StatsEvent): void {
  pending.push(event);
  if (pending.length >= 50) flush();
  else if (!scheduled) {
    scheduled = true;
    setTimeout(flush, FLUSH_MS);
  }
}

addEventListener('pagehide', flush);
