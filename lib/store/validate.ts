import type { Language } from '@/lib/language';
import { KNOWN_VARIABLES, templateVariables } from '@/lib/solutions/render';
import { MAX_KEYWORD_CHARS, MAX_KEYWORDS, MAX_REPLY_CHARS } from '@/lib/store/types';

/** A write the store refuses; the message is the reason, ready to show the admin. */
export class ShopError extends Error {
  override name = 'ShopError';
}

const KNOWN = new Set(KNOWN_VARIABLES);

/**
 * Why a reply text can't be saved, or null if it can: empty, too long, an unknown variable, or braces that
 * don't pair up (a buyer would see them). The options page shows the same reason while the admin types.
 */
export function replyTextProblem(text: string, lang: Language): string | null {
  const zh = lang === 'zh';
  if (text.trim() === '') return zh ? '话术内容不能为空' : 'The reply is empty';
  const length = [...text].length;
  if (length > MAX_REPLY_CHARS) {
    return zh
      ? `话术不能超过 ${MAX_REPLY_CHARS} 个字（当前 ${length} 个字）`
      : `A reply may have at most ${MAX_REPLY_CHARS} characters (this one has ${length})`;
  }
  const unknown = templateVariables(text).filter((name) => !KNOWN.has(name));
  if (unknown.length > 0) {
    const names = unknown.map((name) => `{${name}}`).join('、');
    return zh ? `未知变量 ${names}，请从变量列表中选择` : `Unknown variable ${names}: pick one from the list`;
  }
  if (/[{}]/.test(text.replace(/\{[^{}]*\}/g, ''))) {
    return zh ? '花括号不成对：变量请写成 {订单号} 这样的形式' : 'Unpaired braces: write variables as {订单号}';
  }
  return null;
}

/** Why a keyword list can't be saved, or null. Keywords are trimmed and duplicates dropped by the caller. */
export function keywordsProblem(keywords: readonly string[], lang: Language): string | null {
  const zh = lang === 'zh';
  if (keywords.length === 0) return zh ? '请至少填写一个关键词' : 'Add at least one keyword';
  if (keywords.length > MAX_KEYWORDS) {
    return zh ? `关键词最多 ${MAX_KEYWORDS} 个` : `At most ${MAX_KEYWORDS} keywords`;
  }
  const long = keywords.find((keyword) => [...keyword].length > MAX_KEYWORD_CHARS);
  if (long) {
    return zh
      ? `关键词「${long}」太长（最多 ${MAX_KEYWORD_CHARS} 个字）`
      : `Keyword "${long}" is too long (at most ${MAX_KEYWORD_CHARS} characters)`;
  }
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

export function assertReplyText(text: string, lang: Language): void {
  const problem = replyTextProblem(text, lang);
  if (problem) throw new ShopError(problem);
}
