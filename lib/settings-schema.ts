/**
 * The settings' ranges, defined once: the request map, the store and a reply pack all check a setting with
 * these schemas, and a value out of range is refused with the range named.
 */
import * as v from 'valibot';
import { LANGUAGES } from '@/lib/language';
import { accepted, refuseWith } from '@/lib/messages/problems';
import {
  COMPENSATION_LIMITS,
  isPredictionCardMode,
  PREDICTION_CARD_MODES,
  SLOW_REPLY_LIMITS,
  upgradePredictionCard,
} from '@/lib/settings';

const within = (value: number, { min, max }: { min: number; max: number }) => value >= min && value <= max;

/** Anything but a number in range, text included, is refused with the range: a pack's admin reads it too. */
export const CompensationSchema = accepted(
  (yuan): yuan is number => typeof yuan === 'number' && Number.isFinite(yuan) && within(yuan, COMPENSATION_LIMITS),
  () => ({ code: 'compensationRange', params: COMPENSATION_LIMITS }),
);

/**
 * The card's mode; a pack written before the setting had three modes carries true or false, read as auto or off.
 * Anything else is refused with the modes named.
 */
export const PredictionCardModeSchema = v.pipe(
  v.unknown(),
  v.transform(upgradePredictionCard),
  accepted(isPredictionCardMode, () => ({
    code: 'predictionCardMode',
    params: { modes: PREDICTION_CARD_MODES.join(' / ') },
  })),
);

const SlowReplyThresholdSchema = v.pipe(
  v.number('threshold'),
  refuseWith((seconds) =>
    Number.isInteger(seconds) && within(seconds, SLOW_REPLY_LIMITS)
      ? null
      : { code: 'slowReplyRange', params: SLOW_REPLY_LIMITS },
  ),
);

/** The settings an admin changes, any of them at a time. */
export const SettingsPatchSchema = v.object(
  {
    language: v.optional(v.picklist(LANGUAGES, 'language')),
    lateShipCompensationYuan: v.optional(CompensationSchema),
    orderPredictionCard: v.optional(PredictionCardModeSchema),
    slowReplyThresholdSeconds: v.optional(SlowReplyThresholdSchema),
    slowReplySound: v.optional(v.boolean('sound')),
  },
  'request',
);
