/**
 * Reads a waiting time as host pages show it: "45秒", "3分钟", "1小时", "1分05秒", "等待 2分10秒".
 * Returns seconds, or undefined when the text is not an elapsed time (a clock time "14:32", or a
 * countdown such as "50秒后超时", which says how long is left, not how long the buyer waited).
 */
export function parseWaitText(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const squashed = text.replace(/\s+/g, '').replace(/^等待/, '');
  if (!squashed || /后|内|剩/.test(squashed)) return undefined;
  const match = /^(?:(\d+)小时)?(?:(\d+)分(?:钟)?)?(?:(\d+)秒(?:钟)?)?$/.exec(squashed);
  if (!match || (!match[1] && !match[2] && !match[3])) return undefined;
  const [hours, minutes, seconds] = [match[1], match[2], match[3]].map((part) => Number(part ?? 0));
  return hours * 3600 + minutes * 60 + seconds;
}
