import cancelOrder, { meta as cancelOrderMeta } from '@/lib/intents/cancel-order';
import changeAddress, { meta as changeAddressMeta } from '@/lib/intents/change-address';
import courierChoice, { meta as courierChoiceMeta } from '@/lib/intents/courier-choice';
import type { IntentDefinition } from '@/lib/intents/define';
import discount, { meta as discountMeta } from '@/lib/intents/discount';
import escalation, { meta as escalationMeta } from '@/lib/intents/escalation';
import invoice, { meta as invoiceMeta } from '@/lib/intents/invoice';
import logistics, { meta as logisticsMeta } from '@/lib/intents/logistics';
import qualityIssue, { meta as qualityIssueMeta } from '@/lib/intents/quality-issue';
import refundProgress, { meta as refundProgressMeta } from '@/lib/intents/refund-progress';
import refundReturn, { meta as refundReturnMeta } from '@/lib/intents/refund-return';
import shipUrge, { meta as shipUrgeMeta } from '@/lib/intents/ship-urge';
import sizeSpec, { meta as sizeSpecMeta } from '@/lib/intents/size-spec';

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

/** The same intents with their rules and examples, for the engine (the registry test checks the two agree). */
export const INTENTS: readonly IntentDefinition[] = [
  shipUrge,
  logistics,
  changeAddress,
  cancelOrder,
  refundReturn,
  refundProgress,
  courierChoice,
  invoice,
  discount,
  qualityIssue,
  sizeSpec,
  escalation,
];
