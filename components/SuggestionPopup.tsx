import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupStrings } from '@/lib/i18n/popup';
import type { Order } from '@/lib/orders/types';
import type { Solution, SuggestedAction, SuggestedReply } from '@/lib/solutions/types';

export interface PopupStatus {
  tone: 'info' | 'error';
  text: string;
}

export interface SuggestionPopupProps {
  solution: Solution;
  /** The buyer message the suggestion answers, shown as text. */
  buyerText: string;
  t: PopupStrings;
  /** What the page check found missing and what still works; shown when something is missing. */
  pageNotice?: string;
  /** Shown instead of "no orders" when the page's orders could not be read. */
  orderNotice?: string;
  collapsed: boolean;
  status?: PopupStatus;
  onCopy(reply: SuggestedReply): void;
  onSend(reply: SuggestedReply): void;
  onAction(action: SuggestedAction): void;
  onPickOrder(orderId: string): void;
  onToggleCollapsed(): void;
  onClose(): void;
  /** An escalation or a clearly angry buyer: the popup turns red and says so first. */
  urgent?: boolean;
  /** 我要反馈: opens the feedback form, which the content script passes back as `feedback`. */
  onFeedback?(): void;
  /** The open feedback form, shown in place of the replies. */
  feedback?: ComponentChildren;
}

/**
 * The suggestion card above the composer. A pure view: every click is handed back to the content script.
 *
 * Compact, so a laptop screen keeps most of the thread in view: each reply and notice reads as one line and opens in
 * full while the pointer or the focus is on it (↑/↓ walk the replies). While one is open the card carries
 * `data-peek`, so the placement doesn't grow the thread's room for a moment's reading. 为什么推荐 and 我要反馈 take the
 * replies' place within the height the card already had, scrolling inside it, rather than growing over the thread.
 */
export function SuggestionPopup(props: SuggestionPopupProps) {
  const { solution, t, collapsed } = props;
  const [showWhy, setShowWhy] = useState(false);
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  /** The card's height when the agent opened the reasons or the feedback form: they stay within it. */
  const [heldHeight, setHeldHeight] = useState<number | null>(null);
  const card = useRef<HTMLElement>(null);
  const replacing = !collapsed && (showWhy || props.feedback !== undefined);
  const peeking = hovered !== null || focused !== null || pinned.size > 0;

  useEffect(() => {
    if (!replacing) setHeldHeight(null);
  }, [replacing]);
  // A notice pinned open belongs to the message it was read with.
  useEffect(() => setPinned(new Set()), [solution.messageId]);

  /** Keeps the card's present height for what is about to take the replies' place. */
  function holdHeight() {
    const height = card.current?.getBoundingClientRect().height ?? 0;
    // A card not laid out (never on screen) has no height to keep: the CSS cap applies.
    if (!replacing) setHeldHeight(height > 0 ? height : null);
  }

  /** A line that opens in full on hover and focus (`key` names it); the notice's button also pins it open. */
  const opens = (key: string) => ({
    onMouseEnter: () => setHovered(key),
    onMouseLeave: () => setHovered((current) => (current === key ? null : current)),
    onFocusIn: () => setFocused(key),
    onFocusOut: () => setFocused((current) => (current === key ? null : current)),
  });
  const isOpen = (key: string) => hovered === key || focused === key || pinned.has(key);
  const togglePinned = (key: string) =>
    setPinned((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  /** A notice as a one-line chip; a render helper, not a component, so a redraw keeps its button (and focus). */
  function notice(id: string, text: string, page = false) {
    const open = isOpen(id);
    return (
      <p
        key={id}
        class={`hs-notice${page ? ' hs-notice--page' : ''}${open ? ' hs-notice--open' : ''}`}
        role="note"
        {...opens(id)}
      >
        <button
          type="button"
          class="hs-notice-text"
          aria-expanded={open}
          title={open ? undefined : text}
          onClick={() => togglePinned(id)}
        >
          {text}
        </button>
      </p>
    );
  }

  return (
    <section
      ref={card}
      class={`hs-popup${collapsed ? ' hs-popup--collapsed' : ''}${props.feedback ? ' hs-popup--feedback' : ''}${props.urgent ? ' hs-popup--urgent' : ''}${replacing && heldHeight !== null ? ' hs-popup--held' : ''}`}
      style={replacing && heldHeight !== null ? { height: `${heldHeight}px` } : undefined}
      aria-label={t.appName}
      data-intent={solution.intent}
      data-peek={peeking && !replacing ? '' : undefined}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !collapsed) {
          event.stopPropagation();
          props.onToggleCollapsed();
        }
      }}
    >
      <header class="hs-header">
        <span class="hs-brand">{t.appName}</span>
        <span class="hs-intent">
          {t.buyerIntent}：<strong>{solution.intentLabel}</strong>
        </span>
        <span class="hs-confidence" title={t.confidence}>
          {Math.round(solution.confidence * 100)}%
        </span>
        <span class="hs-quote" title={props.buyerText}>
          {props.buyerText && `“${props.buyerText}”`}
        </span>
        {!collapsed && props.onFeedback && !props.feedback && (
          <button
            type="button"
            class="hs-link hs-feedback-open"
            onClick={() => {
              holdHeight();
              props.onFeedback?.();
            }}
          >
            {t.feedback.button}
          </button>
        )}
        {!collapsed && !props.feedback && (
          <button
            type="button"
            class="hs-link hs-why-toggle"
            aria-expanded={showWhy}
            onClick={() => {
              holdHeight();
              setShowWhy(!showWhy);
            }}
          >
            {showWhy ? t.hideWhy : t.why}
          </button>
        )}
        <button
          type="button"
          class="hs-icon"
          aria-label={collapsed ? t.expand : t.collapse}
          title={collapsed ? t.expand : t.collapse}
          onClick={props.onToggleCollapsed}
        >
          {collapsed ? '▴' : '▾'}
        </button>
        <button type="button" class="hs-icon" aria-label={t.close} title={t.close} onClick={props.onClose}>
          ×
        </button>
      </header>
      {!collapsed && props.feedback}
      {!collapsed && !props.feedback && (
        <div class="hs-body">
          {props.urgent && (
            <p class="hs-urgent" role="alert">
              <span class="hs-urgent-tag">{t.workflow.urgent}</span>
              {t.workflow.urgentBanner}
            </p>
          )}
          {solution.second && <p class="hs-second">{t.alsoAsked(solution.second.label)}</p>}
          {props.pageNotice && notice('page', props.pageNotice, true)}
          <OrderLine solution={solution} t={t} orderNotice={props.orderNotice} onPickOrder={props.onPickOrder} />
          {solution.notices.map((text, index) => notice(`notice-${index}`, text))}
          {showWhy ? (
            <ul class="hs-why">
              {solution.why.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : (
            <ol class="hs-replies" onKeyDown={moveBetweenReplies}>
              {solution.replies.map((reply, index) => (
                <li
                  class={`hs-reply${isOpen(reply.id) ? ' hs-reply--open' : ''}`}
                  key={reply.id}
                  data-reply-id={reply.id}
                  {...opens(reply.id)}
                >
                  <span class="hs-reply-index">{index + 1}</span>
                  <span class="hs-reply-text">{reply.text}</span>
                  <span class="hs-reply-buttons">
                    <button type="button" class="hs-button" title={t.copyHint} onClick={() => props.onCopy(reply)}>
                      {t.copy}
                    </button>
                    <button
                      type="button"
                      class="hs-button hs-button--primary"
                      title={t.sendHint}
                      onClick={() => props.onSend(reply)}
                    >
                      {t.send}
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
          {!showWhy && solution.omitted.length > 0 && (
            <p class="hs-muted" title={solution.omitted.map((item) => item.reason).join('；')}>
              {solution.omitted.length} {t.omitted}：
              {[...new Set(solution.omitted.map((item) => item.reason))].join('；')}
            </p>
          )}
          <div class="hs-footer">
            {solution.actions.map((action) => (
              <button
                type="button"
                class="hs-button hs-action"
                key={action.id}
                data-action-id={action.id}
                disabled={!action.enabled}
                title={action.enabled ? undefined : action.disabledReason}
                onClick={() => props.onAction(action)}
              >
                {action.label}
              </button>
            ))}
            {props.status ? (
              <p class={`hs-status hs-status--${props.status.tone}`} role="status">
                {props.status.text}
              </p>
            ) : (
              <p class="hs-keys" title={t.keyHints}>
                {t.keyHints}
              </p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

const REPLY_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End']);

/**
 * ↑/↓ move the focus to the previous or next reply, on the same button (复制 stays on 复制); Home and End
 * go to the first and the last. Tab still visits every button in order.
 */
function moveBetweenReplies(event: KeyboardEvent) {
  if (!REPLY_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const target = event.target as HTMLElement;
  const row = target.closest('.hs-reply');
  const list = event.currentTarget as HTMLElement;
  const rows = [...list.querySelectorAll<HTMLElement>('.hs-reply')];
  const from = row ? rows.indexOf(row as HTMLElement) : -1;
  if (from < 0) return;
  const to =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? rows.length - 1
        : Math.min(rows.length - 1, Math.max(0, from + (event.key === 'ArrowDown' ? 1 : -1)));
  const column = Math.max(0, [...rows[from].querySelectorAll('button')].indexOf(target as HTMLButtonElement));
  event.preventDefault();
  rows[to].querySelectorAll('button')[column]?.focus();
}

function OrderLine({
  solution,
  t,
  orderNotice,
  onPickOrder,
}: Pick<SuggestionPopupProps, 'solution' | 't' | 'orderNotice' | 'onPickOrder'>) {
  const { order, node, otherOrders } = solution;
  if (!order) return <p class="hs-order hs-muted">{orderNotice ?? t.noOrder}</p>;
  return (
    <div class="hs-order">
      <span class="hs-order-label">{t.order}</span>
      <span class="hs-order-id">{order.id}</span>
      {order.product && <span class="hs-order-product">{order.product}</span>}
      {node && <span class={`hs-tag hs-tag--${node}`}>{t.nodes[node]}</span>}
      {otherOrders.length > 0 && (
        <select
          class="hs-order-switch"
          aria-label={t.switchOrder}
          value=""
          onChange={(event) => {
            const picked = event.currentTarget.value;
            if (picked) onPickOrder(picked);
          }}
        >
          <option value="">{t.switchOrder}</option>
          {otherOrders.map((other: Order) => (
            <option value={other.id} key={other.id}>
              {other.product ?? other.id} · {other.status ?? ''} · {other.id.slice(-6)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
