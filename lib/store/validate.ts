import { CodedError, type ErrorData } from '@/lib/messages/errors';
import { charCode, UNSAFE_CHARS } from '@/lib/messages/shown';
import { KNOWN_VARIABLES, templateVariables } from '@/lib/solutions/render';
import { MAX_KEYWORD_CHARS, MAX_KEYWORDS, MAX_REPLY_CHARS } from '@/lib/store/types';

const KNOWN = new Set(KNOWN_VARIABLES);

/**
 * Why a reply text can't be saved, or null if it can: empty, too long, an unknown variable, or braces that
 * don't pair up (a buyer would see them). The options page shows the same reason while the admin types.
 */
export function replyTextProblem(text: string): ErrorData | null {
  if (text.trim() === '') return { code: 'replyEmpty' };
  // Invisible to the admin, yet they reach the buyer: a bidi override reverses what the buyer reads.
  const unsafe = UNSAFE_CHARS.exec(text);
  if (unsafe)
    return {
      code: 'replyUnsafeChar',
      params: { char: charCode(unsafe[0]), position: [...text.slice(0, unsafe.index)].length + 1 },
    };
  const length = [...text].length;
  if (length > MAX_REPLY_CHARS) return { code: 'replyTooLong', params: { max: MAX_REPLY_CHARS, length } };
  const unknown = templateVariables(text).filter((name) => !KNOWN.has(name));
  if (unknown.length > 0) {
    return { code: 'replyUnknownVariable', params: { names: unknown.map((name) => `{${name}}`).join('、') } };
  }
  if (/[{}]/.test(text.replace(/\{[^{}]*\}/g, ''))) return { code: 'replyUnpairedBraces' };
  return null;
}

/** Why a keyword list can't be saved, or null. Keywords are trimmed and duplicates dropped by the caller. */
export function keywordsProblem(keywords: readonly string[]): ErrorData | null {
  if (keywords.length === 0) return { code: 'keywordsMissing' };
  if (keywords.length > MAX_KEYWORDS) return { code: 'tooManyKeywords', params: { max: MAX_KEYWORDS } };
  const unsafe = keywords.find((keyword) => UNSAFE_CHARS.test(keyword));
  if (unsafe) return { code: 'keywordUnsafeChar', params: { char: charCode(UNSAFE_CHARS.exec(unsafe)?.[0] ?? '') } };
  const long = keywords.find((keyword) => [...keyword].length > MAX_KEYWORD_CHARS);
  if (long) return { code: 'keywordTooLong', params: { keyword: long, max: MAX_KEYWORD_CHARS } };
  return null;
}

/** Splits what the admin typed ("发货，包邮, 赠品") into clean keywords. */
export function splitKeywords(input: string): string[] {
  return [
    ...new Set(
      input
        .split(/[,，、;；\n]/)
        .map((keyword) => keyword.trim())
        .filter(Boolean),
    ),
  ];
}

/** Throws the coded problem, if any. */
export function assertNoProblem(problem: ErrorData | null): void {
  if (problem) throw new CodedError(problem.code, problem.params);
}
