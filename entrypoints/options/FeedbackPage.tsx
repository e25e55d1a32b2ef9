import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { FeedbackContextFields } from '@/components/FeedbackContextFields';
import { FeedbackImages } from '@/entrypoints/options/FeedbackImages';
import { ShopInbox } from '@/entrypoints/options/ShopInbox';
import type { Notice } from '@/entrypoints/options/shop';
import { isWebhookUrl } from '@/lib/feedback/schema';
import {
  FEEDBACK_CATEGORIES,
  type FeedbackCategory,
  type FeedbackItem,
  type FeedbackSummary,
} from '@/lib/feedback/types';
import { feedbackZip, zipFileName } from '@/lib/feedback/zip';
import { errorText } from '@/lib/i18n/errors';
import type { OptionsStrings } from '@/lib/i18n/options';
import type { PopupStrings } from '@/lib/i18n/popup';
import { INTENT_IDS, type IntentId } from '@/lib/intents/ids';
import { INTENT_LABELS } from '@/lib/intents/labels';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';
import type { OrderNode } from '@/lib/orders/types';
import type { ServerStatus } from '@/lib/shop-server/status';
import { catalogueSlot, situationsOf } from '@/lib/store/catalogue';
import type { Situation } from '@/lib/store/types';
import '@/entrypoints/options/feedback.css';

interface Props {
  t: OptionsStrings;
  /** The feedback form's words, shared with the chat page: categories, context fields, order nodes. */
  popupT: PopupStrings;
  language: Language;
  /** Opens the reply editor on the intent and order node the feedback concerns. */
  onEditReply(intent: IntentId, situation: Situation): void;
  notify(notice: Notice): void;
}

type StateFilter = 'all' | 'open' | 'resolved';

/** Where the reply editor should open for an item: its order node if the catalogue has one there. */
export function situationFor(intent: IntentId, node: OrderNode | null): Situation {
  if (!node) return 'none';
  if (catalogueSlot(intent, node)) return node;
  if (catalogueSlot(intent, 'any')) return 'any';
  return situationsOf(intent)[0] ?? 'none';
}

/**
 * The feedback page. Connected to a shop server as its admin: the whole shop's inbox, from the server. Otherwise
 * the items sent from this browser (an agent sees whether each reached the shop), newest first, filters, one
 * item with images and context, export, webhook.
 */
export function FeedbackPage(props: Props) {
  const [server, setServer] = useState<ServerStatus | null>(null);
  useEffect(() => {
    const read = () => callBackground('serverStatus', {}).then(setServer, () => setServer({ state: 'none' }));
    read();
    window.addEventListener('focus', read);
    return () => window.removeEventListener('focus', read);
  }, []);
  if (!server) return <p class="loading">{props.t.connecting}</p>;
  const connected = server.state !== 'none' && server.state !== 'refused';
  if (connected && server.role === 'admin') {
    return (
      <div class="fb">
        <ShopInbox
          t={props.t}
          popupT={props.popupT}
          language={props.language}
          shopName={server.shopName}
          notify={props.notify}
          onEditReply={(intent, node) => props.onEditReply(intent, situationFor(intent, node))}
        />
        <WebhookSettings t={props.t} language={props.language} notify={props.notify} connected shop />
      </div>
    );
  }
  return <LocalInbox {...props} connected={connected} />;
}

/** The items sent from this browser, as kept in its own database, and where each one's delivery stands. */
function LocalInbox({ t, popupT, language, onEditReply, notify, connected }: Props & { connected: boolean }) {
  const f = t.feedback;
  const form = popupT.feedback;
  const intentLabel = (id: IntentId) => INTENT_LABELS[id][language];
  const [rows, setRows] = useState<FeedbackSummary[] | null>(null);
  const [intent, setIntent] = useState<IntentId | ''>('');
  const [category, setCategory] = useState<FeedbackCategory | ''>('');
  const [state, setState] = useState<StateFilter>('all');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [item, setItem] = useState<FeedbackItem | null>(null);

  const fail = useCallback(
    (error: unknown) => notify({ tone: 'error', text: errorText(error, language) }),
    [notify, language],
  );
  const reload = useCallback(() => {
    callBackground('listFeedback', {}).then(setRows, fail);
  }, [fail]);

  useEffect(() => {
    reload();
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, [reload]);

  useEffect(() => {
    setItem(null);
    if (openId) callBackground('getFeedback', { id: openId }).then(setItem, fail);
  }, [openId, fail]);

  const shown = useMemo(
    () =>
      (rows ?? []).filter(
        (row) =>
          (!intent || row.intent === intent) &&
          (!category || row.category === category) &&
          (state === 'all' || row.resolved === (state === 'resolved')),
      ),
    [rows, intent, category, state],
  );
  const intents = useMemo(() => INTENT_IDS.filter((id) => rows?.some((row) => row.intent === id)), [rows]);

  async function setResolved(id: string, resolved: boolean) {
    try {
      setRows(await callBackground('setFeedbackResolved', { id, resolved }));
      if (item?.id === id) setItem({ ...item, resolved });
      notify({ tone: 'ok', text: resolved ? f.resolved : f.open });
    } catch (error) {
      fail(error);
    }
  }

  async function remove(ids: string[]) {
    if (ids.length === 0 || !window.confirm(f.deleteConfirm(ids.length))) return;
    try {
      setRows(await callBackground('deleteFeedback', { ids }));
      setChosen(new Set([...chosen].filter((id) => !ids.includes(id))));
      if (openId && ids.includes(openId)) setOpenId(null);
      notify({ tone: 'ok', text: f.deleted });
    } catch (error) {
      fail(error);
    }
  }

  async function resend(ids: string[]) {
    try {
      const next = await callBackground('resendFeedback', { ids });
      setRows(next);
      const delivery = next.find((row) => row.id === item?.id)?.delivery;
      if (item && ids.includes(item.id)) setItem({ ...item, delivery });
      notify({ tone: 'ok', text: f.resent(ids.length) });
    } catch (error) {
      fail(error);
    }
  }

  async function exportZip(ids?: string[]) {
    try {
      const items = await callBackground('exportFeedback', ids ? { ids } : {});
      const now = new Date();
      const blob = new Blob([feedbackZip(items, now) as BlobPart], { type: 'application/zip' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = zipFileName(now);
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      notify({ tone: 'ok', text: f.exported(items.length) });
    } catch (error) {
      fail(error);
    }
  }

  function toggle(id: string) {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  }

  const allShownChosen = shown.length > 0 && shown.every((row) => chosen.has(row.id));
  const time = (ms: number) => new Date(ms).toLocaleString(language === 'zh' ? 'zh-CN' : 'en');

  return (
    <div class="fb">
      <section class="panel fb-inbox" aria-labelledby="fb-title">
        <div class="panel-head">
          <div>
            <h2 id="fb-title">{f.inboxTitle}</h2>
            {rows && <p class="muted small">{rows.length > 0 ? f.selected(chosen.size) : ''}</p>}
          </div>
          <div class="fb-export">
            <button type="button" class="btn" disabled={chosen.size === 0} onClick={() => void exportZip([...chosen])}>
              {f.exportSelected}
            </button>
            <button type="button" class="btn" disabled={!rows?.length} onClick={() => void exportZip()}>
              {f.exportAll}
            </button>
            <button
              type="button"
              class="btn btn-danger"
              disabled={chosen.size === 0}
              onClick={() => void remove([...chosen])}
            >
              {f.deleteItem}
            </button>
          </div>
        </div>
        <div class="fb-filters">
          <label class="fb-check">
            <input
              type="checkbox"
              checked={allShownChosen}
              disabled={shown.length === 0}
              onChange={() => setChosen(allShownChosen ? new Set() : new Set(shown.map((row) => row.id)))}
            />
            {f.selectAll}
          </label>
          <select
            class="input fb-select"
            aria-label={form.contextIntent}
            value={intent}
            onChange={(event) => setIntent(event.currentTarget.value as IntentId | '')}
          >
            <option value="">{f.allIntents}</option>
            {intents.map((id) => (
              <option key={id} value={id}>
                {intentLabel(id)}
              </option>
            ))}
          </select>
          <select
            class="input fb-select"
            aria-label={form.category}
            value={category}
            onChange={(event) => setCategory(event.currentTarget.value as FeedbackCategory | '')}
          >
            <option value="">{f.allCategories}</option>
            {FEEDBACK_CATEGORIES.map((id) => (
              <option key={id} value={id}>
                {form.categories[id]}
              </option>
            ))}
          </select>
          <select
            class="input fb-select"
            aria-label={f.allStates}
            value={state}
            onChange={(event) => setState(event.currentTarget.value as StateFilter)}
          >
            <option value="all">{f.allStates}</option>
            <option value="open">{f.open}</option>
            <option value="resolved">{f.resolved}</option>
          </select>
        </div>
        {!rows ? (
          <p class="loading">{t.connecting}</p>
        ) : rows.length === 0 ? (
          <p class="empty">{f.empty}</p>
        ) : shown.length === 0 ? (
          <p class="empty">{f.noMatch}</p>
        ) : (
          <ul class="fb-list">
            {shown.map((row) => (
              <li
                key={row.id}
                class={`fb-row${row.id === openId ? ' fb-row--open' : ''}${row.resolved ? ' fb-row--resolved' : ''}`}
                data-feedback-id={row.id}
              >
                <input
                  type="checkbox"
                  aria-label={row.description}
                  checked={chosen.has(row.id)}
                  onChange={() => toggle(row.id)}
                />
                <button type="button" class="fb-row-main" onClick={() => setOpenId(row.id)}>
                  <span class="fb-row-top">
                    <span class={`fb-cat fb-cat--${row.category}`}>{form.categories[row.category]}</span>
                    <span class="fb-row-intent">{intentLabel(row.intent)}</span>
                    {row.node && <span class="fb-row-node">{popupT.nodes[row.node]}</span>}
                    <span class="spacer" />
                    <span class="fb-row-time">{time(row.createdAt)}</span>
                  </span>
                  <span class="fb-row-desc">{row.description}</span>
                  <span class="fb-row-bottom">
                    <span class="fb-row-buyer">“{row.buyerText}”</span>
                    {row.imageCount > 0 && <span class="fb-row-images">{f.imageCount(row.imageCount)}</span>}
                    {row.delivery && (
                      <span class={`fb-delivery fb-delivery--${row.delivery.state}`}>
                        {deliveryLabel(f, row.delivery)}
                      </span>
                    )}
                    <span class={`fb-state${row.resolved ? ' fb-state--resolved' : ''}`}>
                      {row.resolved ? f.resolved : f.open}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="panel fb-detail" aria-label={form.title} aria-live="polite">
        {!item ? (
          <p class="empty">{f.pick}</p>
        ) : (
          <Detail
            key={item.id}
            item={item}
            t={t}
            popupT={popupT}
            intentLabel={intentLabel}
            time={time}
            onResolved={(resolved) => void setResolved(item.id, resolved)}
            onDelete={() => void remove([item.id])}
            onResend={() => void resend([item.id])}
            onEditReply={() => onEditReply(item.context.intent, situationFor(item.context.intent, item.context.node))}
          />
        )}
      </section>

      <WebhookSettings t={t} language={language} notify={notify} connected={connected} />
    </div>
  );
}

/** Where an item's delivery stands, to the shop's inbox or to the webhook. */
function deliveryLabel(f: OptionsStrings['feedback'], delivery: NonNullable<FeedbackItem['delivery']>): string {
  return (delivery.to === 'shop' ? f.deliveryShop : f.delivery)[delivery.state];
}

function Detail(props: {
  item: FeedbackItem;
  t: OptionsStrings;
  popupT: PopupStrings;
  intentLabel(intent: IntentId): string;
  time(ms: number): string;
  onResolved(resolved: boolean): void;
  onDelete(): void;
  onResend(): void;
  onEditReply(): void;
}) {
  const { item, t, popupT } = props;
  const f = t.feedback;
  const form = popupT.feedback;
  const c = item.context;
  return (
    <article class="fb-item" data-feedback-id={item.id}>
      <header class="fb-item-head">
        <span class={`fb-cat fb-cat--${item.category}`}>{form.categories[item.category]}</span>
        <span class={`fb-state${item.resolved ? ' fb-state--resolved' : ''}`}>
          {item.resolved ? f.resolved : f.open}
        </span>
        {item.delivery && (
          <span class={`fb-delivery fb-delivery--${item.delivery.state}`}>{deliveryLabel(f, item.delivery)}</span>
        )}
        <span class="spacer" />
        <span class="muted small">
          {f.received} {props.time(item.createdAt)}
        </span>
      </header>
      <p class="fb-item-desc">{item.description}</p>
      <DeliveryLine delivery={item.delivery} t={t} time={props.time} onResend={props.onResend} />
      <FeedbackImages
        images={item.images.map((image) => ({ ...image, key: image.dataUrl.slice(-32) }))}
        label={form.images}
      />
      <FeedbackContextFields class="fb-context" context={c} intentLabel={props.intentLabel(c.intent)} t={popupT} />
      <footer class="fb-item-actions">
        <button type="button" class="btn btn-primary" onClick={props.onEditReply}>
          {f.editReply}
        </button>
        <button type="button" class="btn" onClick={() => props.onResolved(!item.resolved)}>
          {item.resolved ? f.markOpen : f.markResolved}
        </button>
        <span class="spacer" />
        <button type="button" class="btn btn-text btn-danger" onClick={props.onDelete}>
          {f.deleteItem}
        </button>
      </footer>
    </article>
  );
}

/** Where the item's webhook delivery stands, why the last attempt failed, and 重新发送 while it is not through. */
function DeliveryLine(props: {
  delivery: FeedbackItem['delivery'];
  t: OptionsStrings;
  time(ms: number): string;
  onResend(): void;
}) {
  const f = props.t.feedback;
  const { delivery } = props;
  if (delivery?.state === 'delivered') return null;
  const facts = delivery
    ? [
        deliveryLabel(f, delivery),
        delivery.problem && f.deliveryProblem(delivery.problem),
        delivery.attempts > 0 && f.deliveryAttempts(delivery.attempts),
        f.deliveryNext(props.time(delivery.nextAt)),
      ]
    : [f.notQueued];
  return (
    <p class="fb-delivery-line small">
      <span class="muted">{facts.filter(Boolean).join(' · ')}</span>
      <button type="button" class="btn" onClick={props.onResend}>
        {f.resend}
      </button>
    </p>
  );
}

/**
 * The optional webhook. In this browser, the host permission for its origin is asked for here, on the admin's
 * click; a browser connected to a shop server sends new feedback to the shop instead, and the address stays for
 * when it is not. Connected as the shop's admin (`shop`), the field is the shop server's webhook: the server
 * forwards every new item there itself, so the browser needs no access to that site.
 */
function WebhookSettings({
  t,
  language,
  notify,
  connected,
  shop = false,
}: {
  t: OptionsStrings;
  language: Language;
  notify(notice: Notice): void;
  connected: boolean;
  shop?: boolean;
}) {
  const f = t.feedback;
  const [url, setUrl] = useState('');
  // Editable once the saved address is read: typed text is never replaced by it.
  const [loaded, setLoaded] = useState(false);
  // The shop's address could not be read (server down): saving now would overwrite one the admin can't see.
  const [readError, setReadError] = useState<unknown>(null);
  useEffect(() => {
    (shop ? callBackground('shopWebhook', {}) : callBackground('feedbackSettings', {})).then(
      (settings) => {
        setUrl(settings.webhookUrl);
        setLoaded(true);
      },
      (error) => {
        if (shop) setReadError(error);
        else setLoaded(true);
      },
    );
  }, [shop]);
  const valid = !url.trim() || isWebhookUrl(url.trim());

  async function save(event: Event) {
    event.preventDefault();
    const webhookUrl = url.trim();
    try {
      if (shop) {
        const saved = await callBackground('saveShopWebhook', { webhookUrl });
        notify({ tone: 'ok', text: webhookUrl ? f.webhookServerSaved(saved.retried) : f.webhookServerCleared });
        return;
      }
      if (webhookUrl) {
        const origin = `${new URL(webhookUrl).origin}/*`;
        // Must run in the click's user gesture, before any await.
        const granted = await browser.permissions.request({ origins: [origin] });
        if (!granted) {
          notify({ tone: 'error', text: f.webhookDenied });
          return;
        }
      }
      await callBackground('saveFeedbackSettings', { webhookUrl });
      notify({ tone: 'ok', text: webhookUrl ? f.webhookSaved : f.webhookCleared });
    } catch (error) {
      notify({ tone: 'error', text: errorText(error, language) });
    }
  }

  return (
    <section class="panel fb-webhook" aria-labelledby="fb-webhook-title">
      <h2 id="fb-webhook-title">{f.webhookTitle}</h2>
      <p class="muted small">{shop ? f.webhookServerIntro : f.webhookIntro}</p>
      {shop ? <p class="hint">{f.webhookServerForwards}</p> : connected && <p class="hint">{f.webhookConnected}</p>}
      {readError !== null && (
        <p class="muted small" role="alert">
          {errorText(readError, language)}
        </p>
      )}
      <form class="fb-webhook-row" onSubmit={(event) => void save(event)}>
        <label class="sr-only" for="fb-webhook-url">
          {f.webhookUrl}
        </label>
        <input
          id="fb-webhook-url"
          class="input"
          type="url"
          placeholder="https://example.com/huashu-feedback"
          value={url}
          disabled={!loaded}
          aria-invalid={!valid}
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
        <button type="submit" class="btn btn-primary" disabled={!loaded || !valid}>
          {f.webhookSave}
        </button>
      </form>
    </section>
  );
}
