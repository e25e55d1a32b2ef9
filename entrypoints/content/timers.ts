/**
 * Timeouts and animation frames tied to the content script's life. WXT's ctx.setTimeout and
 * ctx.requestAnimationFrame add an abort listener to the context's signal on every call and never remove it,
 * so a chat open all day gathers thousands; these share one listener, added once, and forget each timer
 * once it ran.
 */
export interface Timers {
  /** Runs `callback` after `ms`, unless the script was stopped meanwhile. */
  timeout(callback: () => void, ms: number): void;
  /** Runs `callback` before the next paint, unless the script was stopped meanwhile. */
  frame(callback: () => void): void;
  /**
   * A request for `callback` before the next paint: however often it is called until then, `callback` runs
   * once (a redraw asked for by ten page events is one redraw).
   */
  perFrame(callback: () => void): () => void;
}

/** `alive` is checked again when a timer fires: the extension may have been reloaded without an abort. */
export function createTimers(signal: AbortSignal, alive: () => boolean = () => !signal.aborted): Timers {
  const timeouts = new Set<number>();
  const frames = new Set<number>();
  signal.addEventListener(
    'abort',
    () => {
      for (const id of timeouts) clearTimeout(id);
      for (const id of frames) cancelAnimationFrame(id);
      timeouts.clear();
      frames.clear();
    },
    { once: true },
  );
  const frame = (callback: () => void) => {
    if (signal.aborted) return;
    const id = requestAnimationFrame(() => {
      frames.delete(id);
      if (alive()) callback();
    });
    frames.add(id);
  };
  return {
    timeout(callback, ms) {
      if (signal.aborted) return;
      const id = window.setTimeout(() => {
        timeouts.delete(id);
        if (alive()) callback();
      }, ms);
      timeouts.add(id);
    },
    frame,
    perFrame(callback) {
      let pending = false;
      return () => {
        if (pending) return;
        pending = true;
        frame(() => {
          pending = false;
          callback();
        });
      };
    },
  };
}
