/**
 * Keeps the popup just above the composer, as wide as it, and the thread's last message above the popup,
 * without forcing layouts while the agent chats. The composer's place is read once per animation frame, when
 * something may have moved it (window resize or scroll, the composer resizing), and written right after; the
 * popup's height comes from a ResizeObserver, which the browser fills in after its own layout, and the thread's
 * padding changes only when the popup outgrows it, hides or collapses.
 */
import type { Timers } from '@/entrypoints/content/timers';

const GAP_ABOVE_COMPOSER = 8;
/** What the popup carries while a line of it is opened for reading (components/SuggestionPopup.tsx). */
const PEEKING = '[data-peek]';

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
  /** Places the popup before the next paint, if it shows. */
  request(): void;
  /** The popup was drawn: placed if it just appeared; a popup in place stays where it is, with nothing read. */
  drawn(): void;
  /** Something scrolled: only a scroll that carries the composer along moves the popup. */
  scrolled(target: EventTarget | null): void;
  /** The page showed another thread (a conversation switch): it gets the popup's room too. */
  threadChanged(): void;
}

export function createPlacement({ layer, anchor, reserve, timers, signal }: PlacementOptions): Placement {
  const placeBeforePaint = timers.perFrame(() => place());
  let observedAnchor: HTMLElement | null = null;
  let written = '';
  let reserved = -1;
  let height = 0;
  /** The popup shows and was placed since it appeared. */
  let placedVisible = false;

  const sizes = new ResizeObserver((entries) => {
    for (const entry of entries) {
      if (entry.target === layer) {
        height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
        // A reply or notice the agent opens for a moment (hover, focus) grows the popup over the thread only while
        // it is open: the thread's room is not laid out again for it, so the thread doesn't jump under the pointer.
        if (!layer.querySelector(PEEKING)) reserveRoom();
      } else request();
    }
  });
  sizes.observe(layer);
  signal.addEventListener('abort', () => sizes.disconnect(), { once: true });

  /**
   * The popup changed height (or hid): the thread keeps room for it. Every change of that room lays out the whole
   * thread, so the room grows with the popup but only shrinks when the popup hides or shrinks to less than half
   * (collapsed): one suggestion after another, with a few replies more or less, costs no layout.
   */
  function reserveRoom() {
    const needed = layer.hidden || height <= 0 ? 0 : Math.ceil(height) + GAP_ABOVE_COMPOSER * 2;
    const px = needed > reserved || needed < reserved / 2 ? needed : reserved;
    if (px === reserved) return;
    reserved = px;
    reserve(px);
  }

  function request() {
    if (!layer.hidden) placeBeforePaint();
  }

  function place() {
    if (layer.hidden) return;
    // Looked up again only once the page replaced it: in a long thread each lookup walks every message.
    const area = observedAnchor?.isConnected ? observedAnchor : anchor();
    if (!area) {
      layer.hidden = true;
      placedVisible = false;
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
    drawn() {
      const wasPlaced = placedVisible;
      placedVisible = !layer.hidden;
      if (!wasPlaced) request();
    },
    scrolled(target) {
      const carriesAnchor =
        !observedAnchor || target === document || (target instanceof Node && target.contains(observedAnchor));
      if (carriesAnchor) request();
    },
    threadChanged() {
      request();
      reserved = -1;
      reserveRoom();
    },
  };
}
