/**
 * Values from a file or a page, made safe to show inside a refusal: any type reads as something a person
 * understands (never 「undefined」 or 「[object Object]」), invisible and direction-changing characters are
 * shown by their code, and long values are cut.
 */
const SHOWN_CHARS = 40;
/** Control characters (but tab and newline), bidi controls and marks, and U+FFFD from bytes that were not text. */
const UNSAFE_RANGES: readonly [number, number][] = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x9f],
  [0x61c, 0x61c],
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
  [0xfffd, 0xfffd],
];
const escaped = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
export const UNSAFE_CHARS = new RegExp(
  `[${UNSAFE_RANGES.map(([from, to]) => (from === to ? escaped(from) : `${escaped(from)}-${escaped(to)}`)).join('')}]`,
);
const UNSAFE_GLOBAL = new RegExp(UNSAFE_CHARS.source, 'g');

/** A character by its Unicode code, as refusals name it: U+202E. */
export function charCode(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function shownValue(value: unknown): string {
  if (value === undefined || value === null) return '（空）';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = Array.isArray(value) ? '[…]' : '{…}';
    }
  }
  const safe = text.replace(UNSAFE_GLOBAL, (char) => `<${charCode(char)}>`);
  return [...safe].length > SHOWN_CHARS ? `${[...safe].slice(0, SHOWN_CHARS).join('')}…` : safe;
}

/** Where a JSON.parse error points, as line and column (1-based); the end of the text when it names no place. */
export function jsonErrorPlace(text: string, error: unknown): { line: number; column: number } {
  const message = error instanceof Error ? error.message : '';
  const stated = /line (\d+) column (\d+)/.exec(message);
  if (stated) return { line: Number(stated[1]), column: Number(stated[2]) };
  const position = /position (\d+)/.exec(message);
  const at = position ? Number(position[1]) : text.length;
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
