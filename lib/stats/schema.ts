import * as v from 'valibot';
import { INTENT_IDS } from '@/lib/intents/ids';
import { SUGGESTION_EVENTS } from '@/lib/stats/types';

/** At most this many events in one report; the content script batches far fewer. */
const MAX_STATS_EVENTS = 100;

const at = v.pipe(v.number('statsEvents'), v.finite('statsEvents'), v.gtValue(0, 'statsEvents'));

/** A content script's stats events; anything unexpected refuses the whole report. */
export const StatsEventsSchema = v.pipe(
  v.array(
    v.variant(
      'kind',
      [
        v.object({ kind: v.literal('buyerMessage'), at }),
        v.object({
          kind: v.literal('answered'),
          at,
          seconds: v.pipe(v.number('statsEvents'), v.finite('statsEvents'), v.minValue(0, 'statsEvents')),
        }),
        v.object({ kind: v.picklist(SUGGESTION_EVENTS), intent: v.picklist(INTENT_IDS, 'statsEvents'), at }),
      ],
      'statsEvents',
    ),
    'statsEvents',
  ),
  v.maxLength(MAX_STATS_EVENTS, 'statsEvents'),
);
