import cancelOrder from './cancel-order';
import changeAddress from './change-address';
import courierChoice from './courier-choice';
import type { IntentDefinition } from './define';
import discount from './discount';
import escalation from './escalation';
import invoice from './invoice';
import logistics from './logistics';
import qualityIssue from './quality-issue';
import refundProgress from './refund-progress';
import refundReturn from './refund-return';
import shipUrge from './ship-urge';
import sizeSpec from './size-spec';

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
