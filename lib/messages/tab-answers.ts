/**
 * A chat tab's answers to the requests of lib/messages/tab-map.ts. They come from a third-party page's renderer, so
 * whoever asked checks them against these schemas. Kept apart from the requests so the content script, which only
 * answers, carries none of these checks.
 */
import * as v from 'valibot';
import { ERROR_CODES, type ErrorData } from '@/lib/messages/errors';
import { LIMITS } from '@/lib/messages/limits';
import type { TabRequestType } from '@/lib/messages/tab-map';
import { type AdapterHealth, HEALTH_PARTS } from '@/lib/pages/health';

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

export const TAB_ANSWERS = {
  solutionsChanged: v.undefined(),
  jumpLongest: OpenedSchema,
  waitingList: v.object({ buyers: v.pipe(v.array(WaitingRowSchema), v.maxLength(1000)), thresholdSeconds: v.number() }),
  openConversation: OpenedSchema,
  testSelectors: v.union([SelectorTestAnswerSchema, v.object({ problem: TabErrorSchema })]),
  startMapper: v.object({ started: v.boolean() }),
} satisfies Record<TabRequestType, v.GenericSchema>;

export type TabResponseOf<T extends TabRequestType> = v.InferOutput<(typeof TAB_ANSWERS)[T]>;
export type WaitingRow = v.InferOutput<typeof WaitingRowSchema>;
export type WaitingList = TabResponseOf<'waitingList'>;

/** One chat tab's answer to a selector test. */
export interface SelectorTestResult extends v.InferOutput<typeof SelectorTestAnswerSchema> {
  tabId: number;
}
