import type { IntentId } from '@/lib/intents/ids';
import type { OrderNode } from '@/lib/orders/types';
import type { Localized } from '@/lib/solutions/localized';
import type { ReplyTemplate } from '@/lib/solutions/render';
import type { ActionId } from '@/lib/solutions/types';

/** What Huashu suggests for one intent in one situation. Plain data: tests walk all of it. */
export interface CatalogueEntry {
  /** 1–3 official replies, best first. Ids are `<intent>.<situation>.<n>` and never change. */
  replies: readonly ReplyTemplate[];
  /** Recommended actions, in the order the popup shows them. */
  actions: readonly ActionId[];
  /** For the agent only; may use variables, and is dropped if one has no value. */
  notices?: readonly Localized[];
}

export interface IntentCatalogue {
  intent: IntentId;
  /** Answers that depend on where the order stands. */
  nodes: Partial<Record<OrderNode, CatalogueEntry>>;
  /** For an order whose node has no entry above, or whose status is unknown. */
  anyOrder?: CatalogueEntry;
  /** For a buyer with no order (or none that could be picked). */
  none: CatalogueEntry;
}

/** Which entry answered: an order node, 'any' (anyOrder) or 'none'. Also the middle part of reply ids. */
export type CatalogueSituation = OrderNode | 'any' | 'none';
