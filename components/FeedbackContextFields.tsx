import type { FeedbackContext } from '@/lib/feedback/types';
import type { PopupStrings } from '@/lib/i18n/popup';

/**
 * What a feedback item says about the suggestion it concerns, shown in the popup before sending and in
 * the admin's inbox. Buyer text and replies are rendered as text.
 */
export function FeedbackContextFields(props: {
  context: FeedbackContext;
  /** The intent's label in the reader's language. */
  intentLabel: string;
  t: PopupStrings;
  class?: string;
}) {
  const { context, t } = props;
  const f = t.feedback;
  return (
    <dl class={props.class}>
      <dt>{f.contextIntent}</dt>
      <dd>
        {props.intentLabel} · {Math.round(context.confidence * 100)}%
      </dd>
      {context.why.length > 0 && (
        <>
          <dt>{f.contextMatched}</dt>
          <dd>{context.why.join('；')}</dd>
        </>
      )}
      <dt>{f.contextBuyer}</dt>
      <dd class="ctx-buyer">{context.buyerText}</dd>
      {context.replies.length > 0 && (
        <>
          <dt>{f.contextReplies}</dt>
          <dd>
            <ol class="ctx-replies">
              {context.replies.map((reply) => (
                <li key={reply}>{reply}</li>
              ))}
            </ol>
          </dd>
        </>
      )}
      <dt>{f.contextNode}</dt>
      <dd>
        {context.node ? t.nodes[context.node] : '—'}
        {context.orderId ? ` · ${f.contextOrder} ${context.orderId}` : ''}
        {context.product ? ` · ${context.product}` : ''}
      </dd>
    </dl>
  );
}
