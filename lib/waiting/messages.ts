/**
 * Messages to a chat tab's content script, from the background (the Alt+J command) and the toolbar
 * popup. Like SOLUTIONS_CHANGED they carry only what the content script checks itself: an id it looks
 * up in the page's own conversation list.
 */

/** The browser command (manifest `commands`) that jumps to the longest wait; Alt+J unless the agent rebinds it. */
export const JUMP_COMMAND = 'jump-longest-waiting';

export type TabRequest =
  | { huashu: 1; type: 'jumpLongest' }
  | { huashu: 1; type: 'waitingList' }
  | { huashu: 1; type: 'openConversation'; id: string };

/** One waiting buyer as the toolbar popup shows it. */
export interface WaitingRow {
  id: string;
  name: string;
  seconds: number;
  marked: boolean;
  /** Waited past the slow-reply threshold. */
  late: boolean;
}

export interface WaitingListReply {
  buyers: WaitingRow[];
  thresholdSeconds: number;
}

export const JUMP_LONGEST: TabRequest = { huashu: 1, type: 'jumpLongest' };
export const WAITING_LIST: TabRequest = { huashu: 1, type: 'waitingList' };

export function openConversationMessage(id: string): TabRequest {
  return { huashu: 1, type: 'openConversation', id };
}

export function parseTabRequest(message: unknown): TabRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const { huashu, type, id } = message as Record<string, unknown>;
  if (huashu !== 1) return null;
  if (type === 'jumpLongest' || type === 'waitingList') return { huashu: 1, type };
  if (type === 'openConversation' && typeof id === 'string' && id.length > 0 && id.length <= 200) {
    return { huashu: 1, type, id };
  }
  return null;
}
