/**
 * Which conversations the slow-reply alert marks 紧急 from the conversation list alone: a waiting buyer whose last
 * message, as the row previews it, the engine judges urgent. The judgement is the background's (the engine's
 * escalation score, and shouting while asking for something, exactly as for the open chat); this only decides which
 * previews to ask about and which answers still count. Pure: the content script feeds it the adapter's rows.
 */
import type { ConversationSummary } from '@/lib/adapters/types';

/** One preview the engine is asked about. */
export interface PreviewQuestion {
  conversationId: string;
  text: string;
}

export interface PreviewDecision {
  /** Conversations to mark now: their preview was judged urgent before (the same text, a new wait). */
  mark: string[];
  /** Previews the engine has not judged yet. */
  ask: PreviewQuestion[];
}

/** Judgements kept, by conversation and text; past this the oldest are forgotten (asked again if they come back). */
const KEPT_JUDGEMENTS = 2000;

const keyOf = (conversationId: string, text: string) => `${conversationId}\n${text}`;

/**
 * Follows the previews of waiting buyers. Each distinct preview of a conversation is judged once; a judgement comes
 * back as a mark only while that conversation still waits with that preview.
 */
export class PreviewUrgency {
  /** Conversation id + text → urgent, as the engine judged it. */
  private readonly judged = new Map<string, boolean>();
  /** Keys asked and not answered yet: never asked twice at once. */
  private readonly asked = new Set<string>();
  /** Conversation id → the preview of its current wait that was already taken into account. */
  private readonly considered = new Map<string, string>();

  /**
   * Takes the list as the page shows it. Only buyers waiting with a preview count; the open conversation is left to
   * its suggestion (which reads the whole message and its history), and is taken up once the agent leaves it
   * unanswered.
   */
  consider(rows: readonly ConversationSummary[], openId: string | null): PreviewDecision {
    const mark: string[] = [];
    const ask: PreviewQuestion[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      if (!row.id || seen.has(row.id)) continue;
      seen.add(row.id);
      if (!row.waiting || !row.preview) {
        this.considered.delete(row.id);
        continue;
      }
      if (row.id === openId || this.considered.get(row.id) === row.preview) continue;
      this.considered.set(row.id, row.preview);
      const key = keyOf(row.id, row.preview);
      const known = this.judged.get(key);
      if (known === true) mark.push(row.id);
      else if (known === undefined && !this.asked.has(key)) {
        this.asked.add(key);
        ask.push({ conversationId: row.id, text: row.preview });
      }
    }
    // A row that left the list (scrolled away, filtered) is considered afresh when it shows again.
    for (const id of [...this.considered.keys()]) if (!seen.has(id)) this.considered.delete(id);
    return { mark, ask };
  }

  /** The engine's answers, in the order asked; returns the conversations to mark now. */
  answered(questions: readonly PreviewQuestion[], urgent: readonly boolean[]): string[] {
    const mark: string[] = [];
    questions.forEach((question, index) => {
      const key = keyOf(question.conversationId, question.text);
      this.asked.delete(key);
      const judgement = urgent[index];
      if (judgement === undefined) return;
      this.remember(key, judgement);
      if (judgement && this.considered.get(question.conversationId) === question.text)
        mark.push(question.conversationId);
    });
    return mark;
  }

  /** The questions got no answer (the background was gone): they are asked again when their rows are read again. */
  unanswered(questions: readonly PreviewQuestion[]): void {
    for (const question of questions) {
      this.asked.delete(keyOf(question.conversationId, question.text));
      if (this.considered.get(question.conversationId) === question.text)
        this.considered.delete(question.conversationId);
    }
  }

  private remember(key: string, urgent: boolean): void {
    this.judged.delete(key);
    this.judged.set(key, urgent);
    if (this.judged.size > KEPT_JUDGEMENTS) {
      const oldest = this.judged.keys().next().value;
      if (oldest !== undefined) this.judged.delete(oldest);
    }
  }
}
