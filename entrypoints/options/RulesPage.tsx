import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ReplyEditor } from '@/components/ReplyEditor';
import { ReplyPreview } from '@/components/ReplyPreview';
import { Switch } from '@/entrypoints/options/Switch';
import type { Shop } from '@/entrypoints/options/shop';
import { errorText } from '@/lib/i18n/errors';
import type { OptionsStrings } from '@/lib/i18n/options';
import type { ErrorData } from '@/lib/messages/errors';
import { VARIABLES } from '@/lib/solutions/render';
import { effectiveRules, effectiveSettings } from '@/lib/store/overlay';
import { previewSegments, sampleContext } from '@/lib/store/preview';
import { MAX_REPLY_CHARS, type ShopSnapshot } from '@/lib/store/types';
import { keywordsProblem, replyTextProblem, splitKeywords } from '@/lib/store/validate';

interface Props {
  shop: Shop;
  snapshot: ShopSnapshot;
  t: OptionsStrings;
  onDirty(dirty: boolean): void;
}

interface Draft {
  id?: string;
  keywords: string;
  reply: string;
  enabled: boolean;
  initial: string;
}

const key = (draft: Draft) => `${draft.keywords}\n${draft.reply}\n${draft.enabled}`;

/** The shop's "机器人" rules: keywords → reply, first matching rule wins, after the built-in intent's replies. */
export function RulesPage({ shop, snapshot, t, onDirty }: Props) {
  const lang = snapshot.settings.language;
  const a = t.admin;
  const rules = effectiveRules(snapshot);
  const localRules = rules.filter((rule) => !rule.managed);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const settings = effectiveSettings(snapshot);
  const context = useMemo(
    () => sampleContext('awaiting_shipment', new Date(), settings.lateShipCompensationYuan),
    [settings.lateShipCompensationYuan],
  );
  const variables = VARIABLES.map((variable) => ({ name: variable.name, description: variable.description[lang] }));

  // A rule starts with its keywords: the field takes the focus as the editor opens.
  const keywordsField = useRef<HTMLInputElement>(null);
  const editorOpen = draft !== null;
  useLayoutEffect(() => {
    if (editorOpen) keywordsField.current?.focus();
  }, [editorOpen]);

  const dirty = draft !== null && key(draft) !== draft.initial;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  function open(next: Omit<Draft, 'initial'>) {
    if (dirty && !window.confirm(a.unsavedConfirm)) return;
    const full = { ...next, initial: '' };
    full.initial = key(full);
    setDraft(full);
  }

  async function save() {
    if (!draft) return;
    setBusy(true);
    const done = await shop.run(
      'saveRule',
      { id: draft.id, keywords: splitKeywords(draft.keywords), reply: draft.reply, enabled: draft.enabled },
      a.saved,
    );
    setBusy(false);
    if (done) setDraft(null);
  }

  function move(index: number, by: -1 | 1) {
    const ids = localRules.map((rule) => rule.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved);
    void shop.run('reorderRules', { ids });
  }

  const words = (problem: ErrorData | null) => problem && errorText(problem, lang);
  const keywordProblem = draft ? words(keywordsProblem(splitKeywords(draft.keywords))) : null;
  const replyProblem = draft ? words(replyTextProblem(draft.reply)) : null;

  const editor = draft && (
    <div class="rule-editor">
      <label class="field">
        <span class="field-label">{a.keywords}</span>
        <input
          ref={keywordsField}
          type="text"
          class="input"
          value={draft.keywords}
          placeholder={a.keywordsHint}
          aria-invalid={draft.keywords.trim() !== '' && keywordProblem !== null}
          onInput={(event) => setDraft({ ...draft, keywords: (event.target as HTMLInputElement).value })}
        />
        <span class="field-hint">
          {draft.keywords.trim() !== '' && keywordProblem ? keywordProblem : a.keywordsHint}
        </span>
      </label>
      <div class="field">
        <span class="field-label">{a.ruleReply}</span>
        <ReplyEditor
          autoFocus={false}
          value={draft.reply}
          label={a.ruleReply}
          problem={replyProblem ?? keywordProblem}
          preview={previewSegments(draft.reply, context, lang)}
          variables={variables}
          maxChars={MAX_REPLY_CHARS}
          busy={busy}
          t={a}
          onInput={(reply) => setDraft({ ...draft, reply })}
          onSave={() => void save()}
          onCancel={() => setDraft(null)}
        />
      </div>
    </div>
  );

  return (
    <section class="panel panel--wide" aria-labelledby="rules-title">
      <header class="panel-head">
        <div>
          <h2 id="rules-title">{a.tabRules}</h2>
          <p class="muted">{a.rulesIntro}</p>
        </div>
        {!draft && (
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => open({ keywords: '', reply: '', enabled: true })}
          >
            + {a.addRule}
          </button>
        )}
      </header>
      {draft && !draft.id && editor}
      {rules.length === 0 && !draft ? (
        <p class="empty">{a.noRules}</p>
      ) : (
        <ol class="rule-list">
          {rules.map((rule) => {
            const index = localRules.indexOf(rule);
            return (
              <li key={rule.id} class="rule-card" data-rule-id={rule.id}>
                {draft?.id === rule.id ? (
                  editor
                ) : (
                  <>
                    <div class="rule-main">
                      <div class="rule-keywords">
                        {rule.managed && <span class="badge badge--managed">{a.badgeManaged}</span>}
                        {rule.keywords.map((keyword) => (
                          <span key={keyword} class="kw">
                            {keyword}
                          </span>
                        ))}
                      </div>
                      <p class="reply-text">
                        <ReplyPreview
                          segments={previewSegments(rule.reply, context, lang)}
                          missingHint={a.previewMissing}
                        />
                      </p>
                    </div>
                    <div class="rule-side">
                      <Switch
                        checked={rule.enabled}
                        disabled={rule.managed}
                        label={`${a.ruleEnabled}：${rule.keywords.join('、')}`}
                        onChange={(enabled) => void shop.run('saveRule', { ...rule, enabled })}
                      />
                      {!rule.managed && (
                        <span class="reply-actions">
                          <button
                            type="button"
                            class="icon-btn"
                            title={a.moveUp}
                            aria-label={a.moveUp}
                            disabled={index <= 0}
                            onClick={() => move(index, -1)}
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            class="icon-btn"
                            title={a.moveDown}
                            aria-label={a.moveDown}
                            disabled={index === localRules.length - 1}
                            onClick={() => move(index, 1)}
                          >
                            ↓
                          </button>
                          <button
                            type="button"
                            class="btn btn-text"
                            onClick={() =>
                              open({
                                id: rule.id,
                                keywords: rule.keywords.join('，'),
                                reply: rule.reply,
                                enabled: rule.enabled,
                              })
                            }
                          >
                            {a.edit}
                          </button>
                          <button
                            type="button"
                            class="btn btn-text btn-danger"
                            onClick={() => {
                              if (window.confirm(a.ruleDeleteConfirm))
                                void shop.run('deleteRule', { id: rule.id }, a.deleted);
                            }}
                          >
                            {a.delete}
                          </button>
                        </span>
                      )}
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
