/**
 * Requests to a chat tab's content script, from the background and the toolbar popup. A tab's answers come from a
 * third-party page's renderer, so they have schemas too, checked by whoever asked.
 */
import * as v from 'valibot';
import { ERROR_CODES, type ErrorData } from '@/lib/messages/errors';
import { LIMITS } from '@/lib/messages/limits';
import { type AdapterHealth, HEALTH_PARTS } from '@/lib/pages/health';

const none = v.object({});
const SelectorOverridesRecord = v.record(v.string(), v.record(v.string(), v.array(v.string())));
export const HealthSchema = v.object(
  Object.fromEntries(HEALTH_PARTS.map((part) => [part, v.boolean('pageCheck')])) as Record<
    keyof AdapterHealth,
    v.BooleanSchema<'pageCheck'>
  >,
  'pageCheck',
);

/** A chat tab's page check under proposed selector overrides, as the tab answers it. */
const SelectorTestAnswerSchema = v.object({
  adapter: v.pipe(v.string(), v.maxLength(LIMITS.idChars)),
  url: v.pipe(v.string(), v.maxLength(4000)),
  title: v.pipe(v.string(), v.maxLength(LIMITS.fieldChars)),
  health: HealthSchema,
});

/** A refusal as a tab words it: a code and flat parameters, shown as text only. */
const TabErrorSchema: v.GenericSchema<ErrorData> = v.object({
  code: v.picklist(ERROR_CODES),
  params: v.optional(
    v.record(
      v.pipe(v.string(), v.maxLength(40)),
      v.union([v.pipe(v.string(), v.maxLength(LIMITS.fieldChars)), v.number(), v.lazy(() => TabErrorSchema)]),
    ),
  ),
});

const WaitingRowSchema = v.object({
  id: v.pipe(v.string(), v.maxLength(LIMITS.idChars)),
  name: v.pipe(v.string(), v.maxLength(LIMITS.fieldChars)),
  seconds: v.pipe(v.number(), v.minValue(0)),
  marked: v.boolean(),
  /** Waited past the slow-reply threshold. */
  late: v.boolean(),
});

const OpenedSchema = v.object({ opened: v.boolean() });

export const TAB_REQUESTS = {
  /** The shop's replies or settings changed, so open popups ask again. Carries no data. */
  solutionsChanged: { request: none, response: v.undefined() },
  /** Open the longest-waiting conversation (the Alt+J command). */
  jumpLongest: { request: none, response: OpenedSchema },
  /** The buyers waiting in this tab, for the toolbar popup. */
  waitingList: {
    request: none,
    response: v.object({ buyers: v.pipe(v.array(WaitingRowSchema), v.maxLength(1000)), thresholdSeconds: v.number() }),
  },
  /** Open one conversation of the page's own list, by the id the waiting list gave. */
  openConversation: {
    request: v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.idChars)) }),
    response: OpenedSchema,
  },
  /** Compute the page check with these overrides in place of the saved ones; nothing is applied. */
  testSelectors: {
    request: v.object({ overrides: SelectorOverridesRecord }),
    response: v.union([SelectorTestAnswerSchema, v.object({ problem: TabErrorSchema })]),
  },
} satisfies Record<string, { request: v.GenericSchema; response: v.GenericSchema }>;

export type TabRequestType = keyof typeof TAB_REQUESTS;
export type TabRequestOf<T extends TabRequestType> = v.InferOutput<(typeof TAB_REQUESTS)[T]['request']>;
export type TabResponseOf<T extends TabRequestType> = v.InferOutput<(typeof TAB_REQUESTS)[T]['response']>;
export type WaitingRow = v.InferOutput<typeof WaitingRowSchema>;
export type WaitingList = TabResponseOf<'waitingList'>;

/** One chat tab's answer to a selector test. */
export interface SelectorTestResult extends v.InferOutput<typeof SelectorTestAnswerSchema> {
  tabId: number;
}
