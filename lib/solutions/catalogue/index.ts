import type { IntentId } from '@/lib/intents/ids';
import type { OrderNode } from '@/lib/orders/types';
import { cancelOrder } from '@/lib/solutions/catalogue/cancel-order';
import { changeAddress } from '@/lib/solutions/catalogue/change-address';
import { courierChoice } from '@/lib/solutions/catalogue/courier-choice';
import { discount } from '@/lib/solutions/catalogue/discount';
import { escalation } from '@/lib/solutions/catalogue/escalation';
import { invoice } from '@/lib/solutions/catalogue/invoice';
import { logistics } from '@/lib/solutions/catalogue/logistics';
import { qualityIssue } from '@/lib/solutions/catalogue/quality-issue';
import { refundProgress } from '@/lib/solutions/catalogue/refund-progress';
import { refundReturn } from '@/lib/solutions/catalogue/refund-return';
import { shipUrge } from '@/lib/solutions/catalogue/ship-urge';
import { sizeSpec } from '@/lib/solutions/catalogue/size-spec';
import type { CatalogueEntry, CatalogueSituation, IntentCatalogue } from '@/lib/solutions/catalogue/types';

export type { CatalogueEntry, CatalogueSituation, IntentCatalogue } from '@/lib/solutions/catalogue/types';

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
