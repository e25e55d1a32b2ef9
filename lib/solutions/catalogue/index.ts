import type { IntentId } from '../../intents/ids';
import type { OrderNode } from '../../orders/types';
import { cancelOrder } from './cancel-order';
import { changeAddress } from './change-address';
import { courierChoice } from './courier-choice';
import { discount } from './discount';
import { escalation } from './escalation';
import { invoice } from './invoice';
import { logistics } from './logistics';
import { qualityIssue } from './quality-issue';
import { refundProgress } from './refund-progress';
import { refundReturn } from './refund-return';
import { shipUrge } from './ship-urge';
import { sizeSpec } from './size-spec';
import type { CatalogueEntry, CatalogueSituation, IntentCatalogue } from './types';

export type { CatalogueEntry, CatalogueSituation, IntentCatalogue } from './types';

/** One catalogue per intent; the Record type makes a missing intent a compile error. */
export const CATALOGUE: Record<IntentId, IntentCatalogue> = {
  ship_urge: shipUrge,
  logistics,
  change_address: changeAddress,
  cancel_order: cancelOrder,
  refund_return: refundReturn,
  refund_progress: refundProgress,
  courier_choice: courierChoice,
  invoice,
  discount,
  quality_issue: qualityIssue,
  size_spec: sizeSpec,
  escalation,
};

/**
 * The entry for an intent given the buyer's order: the node's own entry, else the intent's
 * any-order entry, else `none` (also used when there is no order at all).
 */
export function catalogueEntry(
  intent: IntentId,
  hasOrder: boolean,
  node: OrderNode | null,
): { situation: CatalogueSituation; entry: CatalogueEntry } {
  const catalogue = CATALOGUE[intent];
  if (hasOrder && node) {
    const entry = catalogue.nodes[node];
    if (entry) return { situation: node, entry };
  }
  if (hasOrder && catalogue.anyOrder) return { situation: 'any', entry: catalogue.anyOrder };
  return { situation: 'none', entry: catalogue.none };
}
