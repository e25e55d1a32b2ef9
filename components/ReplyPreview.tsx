import type { PreviewSegment } from '@/lib/store/preview';

export interface ReplyPreviewProps {
  segments: PreviewSegment[];
  /** Tooltip for a variable the sample order has no value for. */
  missingHint: string;
  /** Text to mark (search), case-insensitive. */
  mark?: string;
}

/** A reply filled from a sample order; each variable's value is highlighted and names its variable on hover. */
export function ReplyPreview({ segments, missingHint, mark }: ReplyPreviewProps) {
  return (
    <span class="rp">
      {segments.map((segment, index) =>
        segment.variable === undefined ? (
          <Marked key={index} text={segment.text} mark={mark} />
        ) : (
          <span
            key={index}
            class={`rp-var${segment.missing || segment.unknown ? ' rp-var--missing' : ''}`}
            title={
              segment.missing ? `{${segment.variable}}：${segment.missing}。${missingHint}` : `{${segment.variable}}`
            }
            data-variable={segment.variable}
          >
            {segment.text}
          </span>
        ),
      )}
    </span>
  );
}

export function Marked({ text, mark }: { text: string; mark?: string }) {
  const query = mark?.trim().toLowerCase();
  if (!query) return <>{text}</>;
  const parts: (string | preact.JSX.Element)[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(query); at >= 0; at = lower.indexOf(query, from)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(<mark key={at}>{text.slice(at, at + query.length)}</mark>);
    from = at + query.length;
  }
  parts.push(text.slice(from));
  return <>{parts}</>;
}
