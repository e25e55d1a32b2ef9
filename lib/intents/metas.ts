import { meta as cancelOrderMeta } from '@/lib/intents/cancel-order';
import { meta as changeAddressMeta } from '@/lib/intents/change-address';
import { meta as courierChoiceMeta } from '@/lib/intents/courier-choice';
import { meta as discountMeta } from '@/lib/intents/discount';
import { meta as escalationMeta } from '@/lib/intents/escalation';
import { meta as invoiceMeta } from '@/lib/intents/invoice';
import { meta as logisticsMeta } from '@/lib/intents/logistics';
import { meta as qualityIssueMeta } from '@/lib/intents/quality-issue';
import { meta as refundProgressMeta } from '@/lib/intents/refund-progress';
import { meta as refundReturnMeta } from '@/lib/intents/refund-return';
import { meta as shipUrgeMeta } from '@/lib/intents/ship-urge';
import { meta as sizeSpecMeta } from '@/lib/intents/size-spec';

/**
 * The intent registry: every intent, one entry each, in the order of its stable ids (stored replies, stats and tools
 * refer to them). INTENT_IDS, labels, node fit and the prediction card's list are derived from it. On a tie of
 * evidence the earlier intent wins: a parcel that has not shipped yet cannot be tracked, so ship_urge comes before
 * logistics. Adding an intent: its file here, its catalogue in lib/solutions/catalogue, then `npm run train`.
 */
export const INTENT_METAS = [
  shipUrgeMeta,
  logisticsMeta,
  changeAddressMeta,
  cancelOrderMeta,
  refundReturnMeta,
  refundProgressMeta,
  courierChoiceMeta,
  invoiceMeta,
  discountMeta,
  qualityIssueMeta,
  sizeSpecMeta,
  escalationMeta,
] as const;
