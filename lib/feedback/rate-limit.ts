/**
 * How many feedback items one chat tab may send in a window of time. A content script runs inside the host page,
 * so a page script could submit feedback in a loop; an agent sends a few an hour at most.
 */
export const FEEDBACK_RATE = { items: 5, windowMs: 60_000 } as const;

/** Remembers when each key was last allowed through, within the window; pure apart from the clock it is given. */
export function createRateLimiter(now: () => number, rate: { items: number; windowMs: number } = FEEDBACK_RATE) {
  const recent = new Map<string, number[]>();
  return {
    /** Whether one more item may pass for `key` now; counts it when it may. */
    allow(key: string): boolean {
      const since = now() - rate.windowMs;
      const times = (recent.get(key) ?? []).filter((time) => time > since);
      if (times.length >= rate.items) {
        recent.set(key, times);
        return false;
      }
      times.push(now());
      recent.set(key, times);
      return true;
    },
  };
}
