import { classify } from '../engine/classify';
import type { SuggestRequest } from '../protocol';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { solve } from '../solutions/solve';
import type { Solution } from '../solutions/types';

interface SuggestServiceOptions {
  now: () => Date;
  settings?: () => Settings;
}

/** Turns one buyer message into the solution the popup shows, or null when no intent is clear enough. */
export function createSuggestService({ now, settings = () => DEFAULT_SETTINGS }: SuggestServiceOptions) {
  return {
    suggest(request: SuggestRequest): Solution | null {
      const classification = classify(request.text, request.history);
      if (!classification.intent) return null;
      const current = settings();
      return solve({
        conversationId: request.conversationId,
        messageId: request.messageId,
        buyerName: request.buyerName,
        classification: {
          intent: classification.intent,
          confidence: classification.confidence,
          matched: classification.matched,
        },
        orders: request.orders,
        text: request.text,
        history: request.history,
        chosenOrderId: request.chosenOrderId,
        now: now(),
        lang: current.language,
        capabilities: request.capabilities,
        settings: { lateShipCompensationYuan: current.lateShipCompensationYuan },
      });
    },
  };
}
