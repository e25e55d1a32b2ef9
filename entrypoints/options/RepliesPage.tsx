import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ReplyEditor } from '@/components/ReplyEditor';
import { Marked, ReplyPreview } from '@/components/ReplyPreview';
import { Switch } from '@/entrypoints/options/Switch';
import type { Shop } from '@/entrypoints/options/shop';
import { errorText } from '@/lib/i18n/errors';
import type { OptionsStrings } from '@/lib/i18n/options';
import { situationLabel } from '@/lib/i18n/slots';
import { INTENT_IDS, type IntentId } from '@/lib/intents/ids';
import { INTENT_LABELS } from '@/lib/intents/labels';
import type { Language } from '@/lib/language';
import { CodedError } from '@/lib/messages/errors';
import { VARIABLES } from '@/lib/solutions/render';
import { MAX_REPLIES } from '@/lib/solutions/solve';
import { situationsOf } from '@/lib/store/catalogue';
import {
  type EffectiveReply,
  effectiveSettings,
  effectiveSlot,
  intentState,
  ownRepliesLeft,
} from '@/lib/store/overlay';
import { previewSegments, sampleContext } from '@/lib/store/preview';
import { MAX_OWN_REPLIES, MAX_REPLY_CHARS, type ShopSnapshot, type Situation } from '@/lib/store/types';
import { replyTextProblem } from '@/lib/store/validate';

interface Props {
  shop: Shop;
  snapshot: ShopSnapshot;
  t: OptionsStrings;
  guard(action: () => void): void;
  onDirty(dirty: boolean): void;
  /** Where to open, e.g. from a feedback item; the first intent otherwise. */
  initial?: { intent: IntentId; situation: Situation };
}

interface Editing {
  /** A reply id, or 'new' for an own reply being added. */
  id: string;
  text: string;
  /** The stored text the edit started from; sent as the save's base. */
  initial: string;
  /** For a new reply: made once, so a retried add adds it once. */
  requestId?: string;
  /** What someone else saved meanwhile, when a save was refused as a conflict. */
  theirs?: string;
}

const MAX_RESULTS = 60;

export function RepliesPage({ shop, snapshot, t, guard, onDirty, initial }: Props) {
  const lang = snapshot.settings.language;
  const a = t.admin;
  const [intent, setIntent] = useState<IntentId>(initial?.intent ?? 'ship_urge');
  const [situation, setSituation] = useState<Situation>(
    () => initial?.situation ?? situationsOf('ship_urge')[1] ?? 'none',
  );
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState(false);
  const tabs = useRef<HTMLDivElement>(null);

  const settings = effectiveSettings(snapshot);
  const context = useMemo(
    () => sampleContext(situation, new Date(), settings.lateShipCompensationYuan),
    [situation, settings.lateShipCompensationYuan],
  );
  const replies = effectiveSlot(snapshot, intent, situation);
  const state = intentState(snapshot, intent);
  const left = ownRepliesLeft(snapshot, intent, situation);
  const ownCount = replies.filter((reply) => reply.kind === 'own').length;
  const variables = VARIABLES.map((variable) => ({ name: variable.name, description: variable.description[lang] }));

  const dirty = editing !== null && editing.text !== editing.initial;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  function go(nextIntent: IntentId, nextSituation?: Situation) {
    guard(() => {
      setEditing(null);
      setIntent(nextIntent);
      const situations = situationsOf(nextIntent);
      setSituation(nextSituation ?? (situations.includes(situation) ? situation : situations[0]));
    });
  }

  function startEdit(id: string, text: string) {
    guard(() => setEditing({ id, text, initial: text }));
  }

  async function save(edit = editing) {
    if (!edit) return;
    setBusy(true);
    // A conflict keeps the editor open with both texts: nothing typed is lost.
    const conflict = (error: unknown) => {
      if (!(error instanceof CodedError && error.code === 'replyConflict')) return false;
      setEditing({ ...edit, theirs: String(error.params.theirs ?? '') });
      shop.setNotice({ tone: 'error', text: errorText(error, lang) });
      return true;
    };
    const done =
      edit.id === 'new'
        ? await shop.run('addOwnReply', { intent, situation, text: edit.text, requestId: edit.requestId }, a.saved)
        : await shop.run(
            'saveReply',
            { intent, situation, replyId: edit.id, text: edit.text, base: edit.initial },
            a.saved,
            conflict,
          );
    setBusy(false);
    if (done) setEditing(null);
  }

  /** Both texts side by side, and the two ways out: save mine over theirs, or take theirs. */
  function conflictPanel(edit: Editing) {
    if (edit.theirs === undefined) return null;
    const theirs = edit.theirs;
    return (
      <div class="reply-conflict" role="alert">
        <p class="reply-conflict-title">{a.conflictTitle}</p>
        <p class="muted small">{a.conflictTheirs}</p>
        <p class="reply-conflict-text" data-conflict="theirs">
          {theirs}
        </p>
        <p class="muted small">{a.conflictYours}</p>
        <p class="reply-conflict-text" data-conflict="yours">
          {edit.text}
        </p>
        <div class="reply-conflict-actions">
          <button
            type="button"
            class="btn btn-primary"
            disabled={busy}
            onClick={() => void save({ ...edit, initial: theirs, theirs: undefined })}
          >
            {a.conflictKeepMine}
          </button>
          <button
            type="button"
            class="btn"
            disabled={busy}
            onClick={() => setEditing({ ...edit, text: theirs, initial: theirs, theirs: undefined })}
          >
            {a.conflictTakeTheirs}
          </button>
        </div>
      </div>
    );
  }

  function move(index: number, by: -1 | 1) {
    const order = replies.map((reply) => reply.id);
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved);
    void shop.run('reorderReplies', { intent, situation, order });
  }

  function addOwn() {
    if (left === 0) {
      shop.setNotice({ tone: 'error', text: a.ownLimit(MAX_OWN_REPLIES) });
      return;
    }
    guard(() => setEditing({ id: 'new', text: '', initial: '', requestId: crypto.randomUUID() }));
  }

  const results = useMemo(() => search(snapshot, query, lang), [snapshot, query, lang]);
  const problem = editing && replyTextProblem(editing.text);
  const editingProblem = problem && errorText(problem, lang);

  return (
    <div class="replies">
      <aside class="sidebar">
        <label class="search">
          <span class="sr-only">{a.searchPlaceholder}</span>
          <input
            type="search"
            placeholder={a.searchPlaceholder}
            value={query}
            onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          />
        </label>
        <h2 class="sidebar-title">{a.intents}</h2>
        <ul class="intent-list">
          {INTENT_IDS.map((id) => {
            const on = intentState(snapshot, id).enabled;
            return (
              <li key={id}>
                <button
                  type="button"
                  class={`intent-item${id === intent && !query ? ' intent-item--active' : ''}${on ? '' : ' intent-item--off'}`}
                  aria-current={id === intent && !query ? 'true' : undefined}
                  data-intent={id}
                  onClick={() => {
                    setQuery('');
                    go(id);
                  }}
                >
                  <span class="intent-name">{INTENT_LABELS[id][lang]}</span>
                  {!on && <span class="tag tag--off">{a.disabled}</span>}
                  <span class="intent-hits" title={a.hitsTotal(snapshot.hits[id] ?? 0)}>
                    {a.hits(snapshot.hits[id] ?? 0)}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </aside>

      {query.trim() ? (
        <section class="panel" aria-label={a.searchResults(results.length)}>
          <header class="panel-head">
            <h2>{a.searchResults(results.length)}</h2>
            <button type="button" class="btn btn-text" onClick={() => setQuery('')}>
              {a.clearSearch}
            </button>
          </header>
          {results.length === 0 ? (
            <p class="empty">{a.searchNone}</p>
          ) : (
            <ul class="results">
              {results.map((result) => (
                <li key={`${result.intent}/${result.situation}/${result.reply.id}`}>
                  <button
                    type="button"
                    class="result"
                    onClick={() => {
                      setQuery('');
                      go(result.intent, result.situation);
                    }}
                  >
                    <span class="result-where">
                      {INTENT_LABELS[result.intent][lang]} · {situationLabel(result.situation, lang)}
                    </span>
                    <span class="result-text">
                      <Marked text={result.reply.text} mark={query} />
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <section class="panel" aria-labelledby="intent-title">
          <header class="panel-head">
            <div>
              <h2 id="intent-title">
                {INTENT_LABELS[intent][lang]} <code>{intent}</code>
              </h2>
              <p class="muted">{a.hitsTotal(snapshot.hits[intent] ?? 0)}</p>
            </div>
            <span class="switch-row">
              <span class={state.enabled ? 'state-on' : 'state-off'}>{state.enabled ? a.enabled : a.disabled}</span>
              <Switch
                checked={state.enabled}
                disabled={state.managed}
                label={a.enableIntent}
                title={state.managed ? a.managedReadOnly : undefined}
                onChange={(enabled) => void shop.run('setIntentEnabled', { intent, enabled })}
              />
            </span>
          </header>
          {!state.enabled && <p class="banner banner--muted">{a.intentDisabledNote}</p>}

          <div
            class="situations"
            role="tablist"
            ref={tabs}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
              const list = situationsOf(intent);
              const next =
                list[(list.indexOf(situation) + (event.key === 'ArrowRight' ? 1 : list.length - 1)) % list.length];
              guard(() => {
                setEditing(null);
                setSituation(next);
                requestAnimationFrame(() =>
                  tabs.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus(),
                );
              });
            }}
          >
            {situationsOf(intent).map((id) => {
              const edited = effectiveSlot(snapshot, intent, id).some((reply) => reply.origin !== 'official');
              return (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  aria-selected={id === situation}
                  tabIndex={id === situation ? 0 : -1}
                  class={`situation${id === situation ? ' situation--active' : ''}`}
                  data-situation={id}
                  onClick={() =>
                    guard(() => {
                      setEditing(null);
                      setSituation(id);
                    })
                  }
                >
                  {situationLabel(id, lang)}
                  {edited && <span class="dot" aria-hidden="true" />}
                </button>
              );
            })}
          </div>

          <ol class="reply-list">
            {replies.length === 0 && <li class="empty">{a.emptySlot}</li>}
            {replies.map((reply, index) => [
              index === MAX_REPLIES && (
                <li key="cut" class="popup-cut" role="note">
                  {a.popupCut(MAX_REPLIES)}
                </li>
              ),
              <li
                key={reply.id}
                class={`reply-card${editing?.id === reply.id ? ' reply-card--editing' : ''}`}
                data-reply-id={reply.id}
              >
                <div class="reply-meta">
                  <span class="reply-index">{index + 1}</span>
                  <Badge reply={reply} t={t} />
                  <span class="spacer" />
                  {editing?.id !== reply.id && !reply.managed && (
                    <span class="reply-actions">
                      <button
                        type="button"
                        class="icon-btn"
                        aria-label={`${a.moveUp} ${index + 1}`}
                        title={a.moveUp}
                        disabled={index === 0 || replies.some((other) => other.managed)}
                        onClick={() => move(index, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        class="icon-btn"
                        aria-label={`${a.moveDown} ${index + 1}`}
                        title={a.moveDown}
                        disabled={index === replies.length - 1 || replies.some((other) => other.managed)}
                        onClick={() => move(index, 1)}
                      >
                        ↓
                      </button>
                      <button type="button" class="btn btn-text" onClick={() => startEdit(reply.id, reply.text)}>
                        {a.edit}
                      </button>
                      {reply.kind === 'official' && reply.origin === 'shop' && (
                        <button
                          type="button"
                          class="btn btn-text"
                          onClick={() => {
                            if (window.confirm(a.restoreConfirm)) {
                              void shop.run('restoreReply', { intent, situation, replyId: reply.id }, a.restored);
                            }
                          }}
                        >
                          {a.restore}
                        </button>
                      )}
                      {reply.kind === 'own' && (
                        <button
                          type="button"
                          class="btn btn-text btn-danger"
                          onClick={() => {
                            if (window.confirm(a.deleteConfirm)) {
                              void shop.run('deleteOwnReply', { intent, situation, replyId: reply.id }, a.deleted);
                            }
                          }}
                        >
                          {a.delete}
                        </button>
                      )}
                    </span>
                  )}
                  {reply.managed && <span class="muted small">{a.managedReadOnly}</span>}
                </div>
                {editing?.id === reply.id && conflictPanel(editing)}
                {editing?.id === reply.id ? (
                  <ReplyEditor
                    value={editing.text}
                    problem={editingProblem}
                    preview={previewSegments(editing.text, context, lang)}
                    variables={variables}
                    maxChars={MAX_REPLY_CHARS}
                    busy={busy}
                    officialText={reply.officialText}
                    t={a}
                    onInput={(text) => setEditing({ ...editing, text })}
                    onSave={() => void save()}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <p class="reply-text">
                    <ReplyPreview
                      segments={previewSegments(reply.text, context, lang)}
                      missingHint={a.previewMissing}
                    />
                  </p>
                )}
              </li>,
            ])}
            {editing?.id === 'new' && (
              <li class="reply-card reply-card--editing">
                <div class="reply-meta">
                  <span class="reply-index">{replies.length + 1}</span>
                  <span class="badge badge--own">{a.badgeOwn}</span>
                </div>
                <ReplyEditor
                  value={editing.text}
                  problem={editingProblem}
                  preview={previewSegments(editing.text, context, lang)}
                  variables={variables}
                  maxChars={MAX_REPLY_CHARS}
                  busy={busy}
                  t={a}
                  onInput={(text) => setEditing({ ...editing, text })}
                  onSave={() => void save()}
                  onCancel={() => setEditing(null)}
                />
              </li>
            )}
          </ol>
          {editing?.id !== 'new' && (
            <div class="add-row">
              <button
                type="button"
                class={`btn btn-dashed${left === 0 ? ' btn--limit' : ''}`}
                aria-describedby={left === 0 ? 'own-limit' : undefined}
                onClick={addOwn}
              >
                + {a.addOwn}
              </button>
              <span class="muted">{a.ownCount(ownCount, MAX_OWN_REPLIES)}</span>
              {left === 0 && (
                <span id="own-limit" class="limit-note">
                  {a.ownLimit(MAX_OWN_REPLIES)}
                </span>
              )}
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function Badge({ reply, t }: { reply: EffectiveReply; t: OptionsStrings }) {
  if (reply.managed) return <span class="badge badge--managed">{t.admin.badgeManaged}</span>;
  if (reply.kind === 'own') return <span class="badge badge--own">{t.admin.badgeOwn}</span>;
  if (reply.origin === 'shop') return <span class="badge badge--edited">{t.admin.badgeEdited}</span>;
  return <span class="badge">{t.admin.badgeOfficial}</span>;
}

interface SearchResult {
  intent: IntentId;
  situation: Situation;
  reply: EffectiveReply;
}

/** Every reply, in every intent and order node, whose text (or whose intent's name) contains the query. */
function search(snapshot: ShopSnapshot, query: string, lang: Language): SearchResult[] {
  const wanted = query.trim().toLowerCase();
  if (!wanted) return [];
  const results: SearchResult[] = [];
  for (const intent of INTENT_IDS) {
    const intentMatches = INTENT_LABELS[intent][lang].toLowerCase().includes(wanted) || intent.includes(wanted);
    for (const situation of situationsOf(intent)) {
      for (const reply of effectiveSlot(snapshot, intent, situation)) {
        if (intentMatches || reply.text.toLowerCase().includes(wanted)) results.push({ intent, situation, reply });
        if (results.length >= MAX_RESULTS) return results;
      }
    }
  }
  return results;
}
