import cancelOrder from '@/lib/intents/cancel-order';
import changeAddress from '@/lib/intents/change-address';
import courierChoice from '@/lib/intents/courier-choice';
import type { IntentDefinition } from '@/lib/intents/define';
import discount from '@/lib/intents/discount';
import escalation from '@/lib/intents/escalation';
import invoice from '@/lib/intents/invoice';
import logistics from '@/lib/intents/logistics';
import qualityIssue from '@/lib/intents/quality-issue';
import refundProgress from '@/lib/intents/refund-progress';
import refundReturn from '@/lib/intents/refund-return';
import shipUrge from '@/lib/intents/ship-urge';
import sizeSpec from '@/lib/intents/size-spec';

/**
 * Every intent, in the order of INTENT_IDS (the registry test checks it). On a tie of evidence the earlier one
 * wins: a parcel that has not shipped yet cannot be tracked, so ship_urge comes before logistics.
 */
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
