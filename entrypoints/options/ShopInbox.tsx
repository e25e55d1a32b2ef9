import { useCallback, useEffect, useState } from 'preact/hooks';
import { FeedbackContextFields } from '@/components/FeedbackContextFields';
import { FeedbackImages } from '@/entrypoints/options/FeedbackImages';
import type { Notice } from '@/entrypoints/options/shop';
import { SHOP_INBOX_PAGE, type ShopFeedbackEntry } from '@/lib/feedback/shop';
import type { FeedbackImageData } from '@/lib/feedback/types';
import { errorText } from '@/lib/i18n/errors';
import type { OptionsStrings } from '@/lib/i18n/options';
import type { PopupStrings } from '@/lib/i18n/popup';
import type { IntentId } from '@/lib/intents/ids';
import { INTENT_LABELS } from '@/lib/intents/labels';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';
import type { OrderNode } from '@/lib/orders/types';
import type { ShopMember } from '@/lib/shop-server/client';

interface Props {
  t: OptionsStrings;
  popupT: PopupStrings;
  language: Language;
  shopName: string;
  /** Opens the reply editor on the intent and order node the feedback concerns. */
  onEditReply(intent: IntentId, node: OrderNode | null): void;
  notify(notice: Notice): void;
}

/**
 * The admin's inbox of the whole shop, read from the shop server: every agent's feedback, newest first, by agent
 * if chosen, with its images and context. Items live on the server; here they are only read and marked resolved.
 */
export function ShopInbox({ t, popupT, language, shopName, onEditReply, notify }: Props) {
  const f = t.feedback;
  const form = popupT.feedback;
  const [entries, setEntries] = useState<ShopFeedbackEntry[] | null>(null);
  const [members, setMembers] = useState<ShopMember[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [agent, setAgent] = useState<number | ''>('');
  const [openId, setOpenId] = useState<number | null>(null);
  /** Whether the last page came full: older items may follow. */
  const [more, setMore] = useState(false);

  /** The newest page, or with `before` the next older one added below. */
  const load = useCallback(
    (before?: number) => {
      const filter = agent === '' ? {} : { agent };
      callBackground('shopFeedback', before === undefined ? filter : { ...filter, before }).then(
        (page) => {
          setEntries((current) => (before === undefined ? page : [...(current ?? []), ...page]));
          setMore(page.length === SHOP_INBOX_PAGE);
          setProblem(null);
        },
        (error: unknown) => setProblem(errorText(error, language)),
      );
    },
    [agent, language],
  );
  const reload = useCallback(() => load(), [load]);

  // The filter's people: read once; someone who joins later shows after the page is opened again.
  useEffect(() => {
    callBackground('shopMembers', {}).then(setMembers, () => {});
  }, []);

  useEffect(() => {
    reload();
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, [reload]);

  const open = entries?.find((entry) => entry.id === openId) ?? null;
  const time = (iso: string) => new Date(iso).toLocaleString(language === 'zh' ? 'zh-CN' : 'en');
  const intentLabel = (id: IntentId) => INTENT_LABELS[id][language];

  async function setResolved(entry: ShopFeedbackEntry, resolved: boolean) {
    try {
      await callBackground('setShopFeedbackResolved', { id: entry.id, resolved });
      setEntries((current) => current?.map((row) => (row.id === entry.id ? { ...row, resolved } : row)) ?? null);
      notify({ tone: 'ok', text: resolved ? f.resolved : f.open });
    } catch (error) {
      notify({ tone: 'error', text: errorText(error, language) });
    }
  }

  return (
    <>
      <section class="panel fb-inbox fb-shop" aria-labelledby="fb-shop-title">
        <div class="panel-head">
          <div>
            <h2 id="fb-shop-title">{f.shopInboxTitle(shopName)}</h2>
            <p class="muted small">{f.shopInboxIntro}</p>
          </div>
          <button type="button" class="btn" onClick={reload}>
            {f.refresh}
          </button>
        </div>
        <div class="fb-filters">
          <select
            class="input fb-select"
            aria-label={f.agentLabel}
            value={agent}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setAgent(value === '' ? '' : Number(value));
              setOpenId(null);
            }}
          >
            <option value="">{f.allAgents}</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </div>
        {problem ? (
          <p class="empty" role="alert">
            {f.shopUnavailable}
            {problem}
          </p>
        ) : !entries ? (
          <p class="loading">{t.connecting}</p>
        ) : entries.length === 0 ? (
          <p class="empty">{f.shopEmpty}</p>
        ) : (
          <ul class="fb-list">
            {entries.map((entry) => (
              <li
                key={entry.id}
                class={`fb-row${entry.id === openId ? ' fb-row--open' : ''}${entry.resolved ? ' fb-row--resolved' : ''}`}
                data-shop-feedback-id={entry.id}
              >
                <button type="button" class="fb-row-main" onClick={() => setOpenId(entry.id)}>
                  <span class="fb-row-top">
                    <span class={`fb-cat fb-cat--${entry.category}`}>{form.categories[entry.category]}</span>
                    <span class="fb-row-agent">{entry.agent.name}</span>
                    <span class="fb-row-intent">{intentLabel(entry.context.intent)}</span>
                    {entry.context.node && <span class="fb-row-node">{popupT.nodes[entry.context.node]}</span>}
                    <span class="spacer" />
                    <span class="fb-row-time">{time(entry.createdAt)}</span>
                  </span>
                  <span class="fb-row-desc">{entry.description}</span>
                  <span class="fb-row-bottom">
                    <span class="fb-row-buyer">“{entry.context.buyerText}”</span>
                    {entry.images.length > 0 && <span class="fb-row-images">{f.imageCount(entry.images.length)}</span>}
                    {entry.forward && <ForwardBadge t={t} forward={entry.forward} />}
                    <span class={`fb-state${entry.resolved ? ' fb-state--resolved' : ''}`}>
                      {entry.resolved ? f.resolved : f.open}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {!problem && more && entries && (
          <button type="button" class="btn fb-more" onClick={() => load(entries[entries.length - 1].id)}>
            {f.loadMore}
          </button>
        )}
      </section>

      <section class="panel fb-detail" aria-label={form.title} aria-live="polite">
        {!open ? (
          <p class="empty">{f.pick}</p>
        ) : (
          <ShopDetail
            key={open.id}
            entry={open}
            t={t}
            popupT={popupT}
            language={language}
            intentLabel={intentLabel}
            time={time}
            onResolved={(resolved) => void setResolved(open, resolved)}
            onEditReply={() => onEditReply(open.context.intent, open.context.node)}
          />
        )}
      </section>
    </>
  );
}

function ShopDetail(props: {
  entry: ShopFeedbackEntry;
  t: OptionsStrings;
  popupT: PopupStrings;
  language: Language;
  intentLabel(intent: IntentId): string;
  time(iso: string): string;
  onResolved(resolved: boolean): void;
  onEditReply(): void;
}) {
  const { entry, t, popupT } = props;
  const f = t.feedback;
  const form = popupT.feedback;
  const [images, setImages] = useState<FeedbackImageData[] | null>(null);
  const [imageProblem, setImageProblem] = useState<string | null>(null);

  useEffect(() => {
    if (entry.images.length === 0) return;
    const refs = entry.images.map(({ type, width, height }) => ({ type, width, height }));
    callBackground('shopFeedbackImages', { id: entry.id, images: refs }).then(setImages, (error: unknown) =>
      setImageProblem(errorText(error, props.language)),
    );
  }, [entry, props.language]);

  return (
    <article class="fb-item" data-shop-feedback-id={entry.id}>
      <header class="fb-item-head">
        <span class={`fb-cat fb-cat--${entry.category}`}>{form.categories[entry.category]}</span>
        <span class={`fb-state${entry.resolved ? ' fb-state--resolved' : ''}`}>
          {entry.resolved ? f.resolved : f.open}
        </span>
        <span class="fb-item-agent">
          {f.agentLabel} {entry.agent.name}
        </span>
        <span class="spacer" />
        <span class="muted small">
          {f.received} {props.time(entry.createdAt)}
        </span>
      </header>
      <p class="fb-item-desc">{entry.description}</p>
      {entry.forward && entry.forward.state !== 'sent' && (
        <p class="fb-delivery-line small">
          <span class="muted">
            {[
              f.forward[entry.forward.state],
              entry.forward.error &&
                (entry.forward.error === 'noWebhook' ? f.forwardRemoved : f.deliveryProblem(entry.forward.error)),
              f.deliveryAttempts(entry.forward.attempts),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </p>
      )}
      {imageProblem && (
        <p class="muted small" role="alert">
          {imageProblem}
        </p>
      )}
      {images && (
        <FeedbackImages
          images={images.map((image, index) => ({ ...image, key: entry.images[index].url }))}
          label={form.images}
        />
      )}
      <FeedbackContextFields
        class="fb-context"
        context={entry.context}
        intentLabel={props.intentLabel(entry.context.intent)}
        t={popupT}
      />
      <footer class="fb-item-actions">
        <button type="button" class="btn btn-primary" onClick={props.onEditReply}>
          {f.editReply}
        </button>
        <button type="button" class="btn" onClick={() => props.onResolved(!entry.resolved)}>
          {entry.resolved ? f.markOpen : f.markResolved}
        </button>
      </footer>
    </article>
  );
}

/** Whether the shop server forwarded the item to the shop's webhook (shown only when one was set). */
function ForwardBadge({ t, forward }: { t: OptionsStrings; forward: NonNullable<ShopFeedbackEntry['forward']> }) {
  // The same look as the local inbox's delivery states: delivered, pending, failed.
  const look = forward.state === 'sent' ? 'delivered' : forward.state;
  return <span class={`fb-delivery fb-delivery--${look}`}>{t.feedback.forward[forward.state]}</span>;
}
