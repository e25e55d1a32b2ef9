/**
 * Schemas that refuse with coded problems. A valibot issue carries a string message only: a plain message is
 * an error code (or a request field, worded as invalidField); a check that knows its problem's parameters puts
 * the whole coded problem on its issue, and problemOf reads it back.
 */
import * as v from 'valibot';
import { CodedError, type ErrorCode, type ErrorData } from '@/lib/messages/errors';
import { isField } from '@/lib/messages/fields';

/** The message of an issue whose `input` is the coded problem. */
const CODED = 'coded';

/** An error code as a schema message, checked by the compiler. */
export const says = (code: ErrorCode) => code;

/** Whether an issue carries its coded problem (rather than naming a field or a code). */
export const isCodedIssue = (issue: v.BaseIssue<unknown>) => issue.message === CODED;

/** The coded problem an issue stands for. */
export function problemOf(issue: v.BaseIssue<unknown>): ErrorData {
  if (isCodedIssue(issue)) return issue.input as ErrorData;
  if (isField(issue.message)) return { code: 'invalidField', params: { field: issue.message } };
  return { code: issue.message as ErrorCode };
}

/** A check that refuses a value with the coded problem `problem` finds in it; null lets it pass. */
export function refuseWith<T>(problem: (value: T) => ErrorData | null) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const found = problem(dataset.value);
    if (found) addIssue({ message: CODED, input: found });
  });
}

/** Any value `is` accepts, typed as T; anything else refused with `problem(value)`. */
export function accepted<T>(is: (value: unknown) => value is T, problem: (value: unknown) => ErrorData) {
  return v.pipe(
    v.unknown(),
    refuseWith((value) => (is(value) ? null : problem(value))),
    v.transform((value) => value as T),
  );
}

/** A transform whose CodedError becomes an issue, so the caller learns where in the input it arose. */
export function codedTransform<I, O>(transform: (value: I) => O) {
  return v.rawTransform<I, O>(({ dataset, addIssue, NEVER }) => {
    try {
      return transform(dataset.value);
    } catch (error) {
      if (!(error instanceof CodedError)) throw error;
      addIssue({ message: CODED, input: error.toData() });
      return NEVER;
    }
  });
}

/** The first issue of a failed parse as a thrown CodedError. */
export function refusal(issue: v.BaseIssue<unknown>): CodedError {
  const { code, params } = problemOf(issue);
  return new CodedError(code, params);
}
