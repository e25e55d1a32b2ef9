/**
 * A browser's daily aggregates as it pushes them to the shop server: one row per day × intent ('' holds the
 * buyer-message counters), totals rather than increments, so pushing the same day again replaces it.
 * The `key` and `agent` fields of a StatsRow are left out: the server knows who is pushing.
 */
import * as v from 'valibot';
import { INTENT_IDS } from '@/lib/intents/ids';

/** Sixty days of every intent fit in one push. */
const MAX_PUSHED_ROWS = 3000;

const count = v.pipe(v.number('statsEvents'), v.integer('statsEvents'), v.minValue(0, 'statsEvents'));

const StatsDayRowSchema = v.object(
  {
    day: v.pipe(v.string('statsEvents'), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'statsEvents')),
    intent: v.union([v.literal(''), v.picklist(INTENT_IDS)], 'statsEvents'),
    shown: count,
    copied: count,
    sent: count,
    actions: count,
    dismissed: count,
    feedback: count,
    buyerMessages: count,
    answered: count,
    answeredIn3m: count,
    replySeconds: v.pipe(v.number('statsEvents'), v.finite('statsEvents'), v.minValue(0, 'statsEvents')),
    hours: v.pipe(v.array(count, 'statsEvents'), v.length(24, 'statsEvents')),
  },
  'statsEvents',
);

export const StatsPushSchema = v.object(
  { rows: v.pipe(v.array(StatsDayRowSchema, 'statsEvents'), v.maxLength(MAX_PUSHED_ROWS, 'statsEvents')) },
  'request',
);
