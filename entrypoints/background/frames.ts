import { type AdapterHealth, HEALTH_PARTS } from '@/lib/pages/health';

/** What one frame of a chat tab last reported. */
export interface FrameReport {
  /** null until the frame's page check ran. */
  parts: AdapterHealth | null;
  waiting: number;
}

/**
 * A tab's state from its frames: a part counts as found when any frame found it (the chat may live
 * in one frame and the order panel in another), and the waiting count is the largest any frame
 * reports, because two frames showing the same conversation list must not count its buyers twice.
 */
export function combineFrames(frames: readonly FrameReport[]): { parts: AdapterHealth | null; waiting: number } {
  const checked = frames.flatMap((frame) => (frame.parts ? [frame.parts] : []));
  const parts =
    checked.length === 0
      ? null
      : (Object.fromEntries(HEALTH_PARTS.map((part) => [part, checked.some((found) => found[part])])) as AdapterHealth);
  return { parts, waiting: Math.max(0, ...frames.map((frame) => frame.waiting)) };
}
