import type { IntentId } from '@/lib/intents/ids';
import type { OrderNode } from '@/lib/orders/types';

export interface RankedIntent {
  id: IntentId;
  /** The model's probability for this intent, in [0, 1]. */
  confidence: number;
}

export interface ClassifyContext {
  /** The state of the order the message is about, when the page shows one. */
  orderNode?: OrderNode | null;
}

export interface Classification {
  /** null below the intent's threshold: no popup. */
  intent: IntentId | null;
  /** In [0, 1], of `intent` (0 when null). */
  confidence: number;
  /** Every intent with a probability worth listing, best first (the shown intent first). */
  intents: RankedIntent[];
  /** 为什么推荐: the rules that fired and the n-grams that weighed most, e.g. '“发货” + 问时间', '字词「发货」'. */
  matched: string[];
  /** A second request in the same message that reaches its own threshold: “还有一个问题：开发票”. */
  second: RankedIntent | null;
  /** Escalation reaches its threshold (whichever intent is shown), or the buyer shouts while asking for something. */
  urgent: boolean;
  /** Why the message is urgent, in words for the agent; empty when it is not. */
  urgency: string[];
  /** The intent was read from the conversation: this message only continued an earlier question. */
  followUp: boolean;
  /**
   * When this message has no intent: the intent of the earlier question it does not answer (“好的”, “嗯” after
   * “什么时候发货”), so the popup can keep that suggestion instead of hiding it. null otherwise.
   */
  pending: IntentId | null;
}

/** What the rules found for one intent in one message. */
export interface Evidence {
  id: IntentId;
  /** Sum of the weights of every cue that matched, positive and negative. */
  score: number;
  /** `feature`: the cue's name as a model feature (lib/engine/features.ts), made once when the rules compile. */
  matched: { why: string; weight: number; followUp: boolean; feature: string }[];
}
