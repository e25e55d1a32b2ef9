/**
 * Who is waiting for a reply, for how long, and who is marked urgent. Pure: the content script feeds
 * it the adapter's conversation list and a clock; nothing here reads the page or the browser.
 */
import type { ConversationSummary } from '@/lib/adapters/types';
import type { Language } from '@/lib/language';

/** A conversation whose buyer waits for the agent's reply. */
export interface WaitingBuyer {
  id: string;
  name: string;
  /** Since when the buyer has waited (epoch ms): from the page's own timer when it shows one. */
  since: number;
  /** Marked urgent (the engine judged the buyer upset or escalating) until the agent replies. */
  marked: boolean;
}

/** A wait that ended because the agent answered. */
interface AnsweredWait {
  id: string;
  since: number;
  seconds: number;
}

export interface WaitingUpdate {
  /** Buyers seen waiting for the first time in this episode. */
  started: WaitingBuyer[];
  /** Buyers who were waiting and no longer are. */
  answered: AnsweredWait[];
}

/** A page timer that disagrees with ours by less than this is the same wait, read a little later. */
const SAME_WAIT_MS = 5_000;
/** A mark made from a new message survives this long even if the list does not show the buyer waiting yet. */
export const MARK_GRACE_MS = 5_000;

/** Seconds the buyer has waited at `now`. */
export function waitedSeconds(buyer: Pick<WaitingBuyer, 'since'>, now: number): number {
  return Math.max(0, Math.floor((now - buyer.since) / 1000));
}

/** Marked buyers first, then the longest wait first; ties by name so the order is stable. */
export function orderByWait<T extends Pick<WaitingBuyer, 'since' | 'marked' | 'name'>>(buyers: readonly T[]): T[] {
  return [...buyers].sort(
    (a, b) => Number(b.marked) - Number(a.marked) || a.since - b.since || a.name.localeCompare(b.name),
  );
}

/** The longest-waiting buyer (marked buyers count as longest), or undefined when nobody waits. */
export function longestWaiting<T extends Pick<WaitingBuyer, 'since' | 'marked' | 'name'>>(
  buyers: readonly T[],
): T | undefined {
  return orderByWait(buyers)[0];
}

export interface AlertOptions {
  thresholdSeconds: number;
  now: number;
  /** The conversation the agent is typing in right now: it raises no alert. */
  typingIn?: string | null;
}

/**
 * The slow-reply alert's list: buyers who waited at least the threshold, and marked buyers at once
 * (an angry buyer should not wait the full threshold), but never the one the agent is typing to.
 */
export function slowReplies<T extends WaitingBuyer>(buyers: readonly T[], options: AlertOptions): T[] {
  const limit = options.thresholdSeconds;
  return orderByWait(
    buyers.filter(
      (buyer) => buyer.id !== options.typingIn && (buyer.marked || waitedSeconds(buyer, options.now) >= limit),
    ),
  );
}

/**
 * The next moment the slow-reply list grows by the clock alone: the first time after `now` that a waiting buyer
 * reaches the threshold. Marked buyers are on the list already, and the buyer being typed to stays off it, so
 * neither counts. Undefined when no such moment comes; the watcher then sleeps until the page changes.
 */
export function nextAlertAt(buyers: readonly WaitingBuyer[], options: AlertOptions): number | undefined {
  let next: number | undefined;
  for (const buyer of buyers) {
    if (buyer.marked || buyer.id === options.typingIn) continue;
    const at = buyer.since + options.thresholdSeconds * 1000;
    if (at > options.now && (next === undefined || at < next)) next = at;
  }
  return next;
}

/** "45秒", "3分05秒", "1小时02分": how long a buyer has waited, the way the workbench writes it. */
export function formatWait(seconds: number, language: Language = 'zh'): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (language === 'en') {
    if (hours) return `${hours}h ${pad(minutes)}m`;
    if (minutes) return `${minutes}m ${pad(rest)}s`;
    return `${rest}s`;
  }
  if (hours) return `${hours}小时${pad(minutes)}分`;
  if (minutes) return `${minutes}分${pad(rest)}秒`;
  return `${rest}秒`;
}

/** Follows the conversation list over time. `now` is injected so tests run on a fake clock. */
export class WaitingTracker {
  private readonly waiting = new Map<string, WaitingBuyer>();
  /** Conversation id → when it was marked. */
  private readonly marks = new Map<string, number>();
  /**
   * Conversation id → since when its buyer waits, where Huashu sent something by itself (the automatic order
   * card). The page shows those conversations answered, but no person has replied: the buyer keeps waiting, on
   * the alert and in the statistics, until `replied`.
   */
  private readonly held = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /** Takes the list as the page shows it now; says whose wait started and whose ended. */
  update(rows: readonly ConversationSummary[]): WaitingUpdate {
    const now = this.now();
    const started: WaitingBuyer[] = [];
    const answered: AnsweredWait[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      if (!row.id || seen.has(row.id)) continue;
      seen.add(row.id);
      const known = this.waiting.get(row.id);
      const heldSince = this.held.get(row.id);
      if (!row.waiting && heldSince === undefined) {
        if (known) {
          this.waiting.delete(row.id);
          answered.push({ id: row.id, since: known.since, seconds: waitedSeconds(known, now) });
        }
        const markedAt = this.marks.get(row.id);
        if (markedAt !== undefined && (known || now - markedAt >= MARK_GRACE_MS)) this.marks.delete(row.id);
        continue;
      }
      const shown = row.waiting && row.waitingSeconds !== undefined ? now - row.waitingSeconds * 1000 : undefined;
      let since = known?.since ?? shown ?? heldSince ?? now;
      // A held wait goes on when the buyer writes again after Huashu's card: the page's timer restarting then is
      // no answer from the agent.
      if (heldSince === undefined && known && shown !== undefined && Math.abs(shown - known.since) >= SAME_WAIT_MS) {
        // The page's timer restarted between two looks: the agent answered and the buyer wrote again.
        if (shown > known.since)
          answered.push({ id: row.id, since: known.since, seconds: waitedSeconds(known, shown) });
        since = shown;
      }
      const buyer: WaitingBuyer = { id: row.id, name: row.name || row.id, since, marked: this.marks.has(row.id) };
      if (!known || since !== known.since) started.push(buyer);
      this.waiting.set(row.id, buyer);
    }
    // Rows that left the list (scrolled away, filtered) are dropped without counting as answered.
    for (const id of [...this.waiting.keys()]) if (!seen.has(id)) this.waiting.delete(id);
    return { started, answered };
  }

  /** Marks a conversation urgent until the agent has replied in it. */
  mark(id: string): void {
    this.marks.set(id, this.now());
    const buyer = this.waiting.get(id);
    if (buyer) this.waiting.set(id, { ...buyer, marked: true });
  }

  isMarked(id: string): boolean {
    return this.marks.has(id);
  }

  /**
   * Huashu sent something to this buyer by itself: the page will show the conversation answered, but the buyer
   * still waits for a person.
   */
  sentAutomatically(id: string): void {
    if (!this.held.has(id)) this.held.set(id, this.waiting.get(id)?.since ?? this.now());
  }

  /**
   * The agent replied in this conversation (a person, through Huashu or on the page): its mark clears at once,
   * and a wait held open after an automatic send ends at the next update.
   */
  replied(id: string): void {
    this.marks.delete(id);
    this.held.delete(id);
    const buyer = this.waiting.get(id);
    if (buyer) this.waiting.set(id, { ...buyer, marked: false });
  }

  /** Everyone waiting, marked first, then the longest wait first. */
  buyers(): WaitingBuyer[] {
    return orderByWait([...this.waiting.values()].map((buyer) => ({ ...buyer, marked: this.marks.has(buyer.id) })));
  }
}
