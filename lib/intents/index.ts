import cancelOrder from '@/lib/intents/cancel-order';
import changeAddress from '@/lib/intents/change-address';
import courierChoice from '@/lib/intents/courier-choice';
import type { IntentDefinition } from '@/lib/intents/define';
import discount from '@/lib/intents/discount';
import escalation from '@/lib/intents/escalation';
import type { IntentId } from '@/lib/intents/ids';
import invoice from '@/lib/intents/invoice';
import logistics from '@/lib/intents/logistics';
import qualityIssue from '@/lib/intents/quality-issue';
import refundProgress from '@/lib/intents/refund-progress';
import refundReturn from '@/lib/intents/refund-return';
import shipUrge from '@/lib/intents/ship-urge';
import sizeSpec from '@/lib/intents/size-spec';

/**
 * The intents of the registry (lib/intents/metas.ts) with their rules and examples, for the engine; the registry
 * test checks the two lists agree.
 */
export const INTENTS: readonly IntentDefinition<IntentId>[] = [
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
