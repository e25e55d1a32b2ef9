/**
 * Keeps the popup just above the composer, as wide as it, and the thread's last message above the popup,
 * without forcing layouts while the agent chats. The composer's place is read once per animation frame, when
 * something may have moved it (window resize or scroll, the composer resizing), and written right after; the
 * popup's height comes from a ResizeObserver, which the browser fills in after its own layout, and the thread is
 * padded only when that height changes.
 */
import type { Timers } from '@/entrypoints/content/timers';

const GAP_ABOVE_COMPOSER = 8;

export interface PlacementOptions {
  layer: HTMLElement;
  /** The block the popup sits above (the adapter's composer area). */
  anchor(): HTMLElement | null;
  /** Makes room below the thread's last message (the adapter's reserveThreadSpace). */
  reserve(px: number): void;
  timers: Timers;
  signal: AbortSignal;
}

export interface Placement {
  /** Places the popup before the next paint. Call after drawing it, or when the page may have moved. */
  request(): void;
  /** The page showed another thread (a conversation switch): it gets the popup's room too. */
  threadChanged(): void;
}

export function createPlacement({ layer, anchor, reserve, timers, signal }: PlacementOptions): Placement {
  let pending = false;
  let observedAnchor: HTMLElement | null = null;
  let written = '';
  let reserved = -1;
  let height = 0;

  const sizes = new ResizeObserver((entries) => {
    for (const entry of entries) {
      if (entry.target === layer) {
        height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
        reserveRoom();
      } else request();
    }
  });
  sizes.observe(layer);
  signal.addEventListener('abort', () => sizes.disconnect(), { once: true });

  /** The popup changed height (or hid): the thread keeps room for it, and no more. */
  function reserveRoom() {
    const px = layer.hidden || height <= 0 ? 0 : Math.ceil(height) + GAP_ABOVE_COMPOSER * 2;
    if (px === reserved) return;
    reserved = px;
    reserve(px);
  }

  function request() {
    if (pending || layer.hidden) return;
    pending = true;
    timers.frame(place);
  }

  function place() {
    pending = false;
    if (layer.hidden) return;
    const area = anchor();
    if (!area) {
      layer.hidden = true;
      reserveRoom();
      return;
    }
    if (area !== observedAnchor) {
      if (observedAnchor) sizes.unobserve(observedAnchor);
      sizes.observe(area);
      observedAnchor = area;
    }
    // The one read of the frame, then the writes; nothing is read after them.
    const rect = area.getBoundingClientRect();
    const position = `${rect.left}|${rect.width}|${window.innerHeight - rect.top + GAP_ABOVE_COMPOSER}`;
    if (position === written) return;
    written = position;
    layer.style.left = `${rect.left}px`;
    layer.style.width = `${rect.width}px`;
    layer.style.bottom = `${window.innerHeight - rect.top + GAP_ABOVE_COMPOSER}px`;
  }

  return {
    request,
    threadChanged() {
      reserved = -1;
      reserveRoom();
    },
  };
}
