import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Notice } from '@/entrypoints/options/shop';
import { errorText } from '@/lib/i18n/errors';
import { optionsStrings } from '@/lib/i18n/options';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';
import { CodedError } from '@/lib/messages/errors';
import { LIBRARY_HISTORY_MAX, type LibraryChange } from '@/lib/shop-server/client';
import { changeWords } from '@/lib/shop-server/history';

/** Revisions shown at first and added by each 加载更多. */
const HISTORY_PAGE = 50;
/** Items listed under one revision; an imported pack may change hundreds, the rest is counted. */
const CHANGES_SHOWN = 10;

interface Props {
  language: Language;
  notify: (notice: Notice) => void;
  /** The library's revision as this browser has it: the list reloads when it moves (an edit, a rollback). */
  revision: number;
}

/** 修改记录: the shop library's revisions, newest first, each edit with a button that rolls it back. Admins only. */
export function ServerHistory({ language, notify, revision }: Props) {
  const h = optionsStrings(language).history;
  const [limit, setLimit] = useState(HISTORY_PAGE);
  const [entries, setEntries] = useState<LibraryChange[] | null>(null);
  const [rollingBack, setRollingBack] = useState<number | null>(null);
  /** Why the last rollback was refused; stays until the next one, as it is long to read. */
  const [refusal, setRefusal] = useState<string | null>(null);

  const load = useCallback(() => {
    callBackground('libraryHistory', { limit }).then(setEntries, (error: unknown) =>
      notify({ tone: 'error', text: errorText(error, language) }),
    );
  }, [limit, language, notify]);
  // The revision is a reason to read again, not an input of the request.
  useEffect(load, [load, revision]);

  /** The edits a later rollback in the list undid (a rollback is always newer than the edit it undoes). */
  const undone = useMemo(
    () => new Set(entries?.flatMap((entry) => (entry.rolledBack === null ? [] : [entry.rolledBack]))),
    [entries],
  );
  const when = useMemo(
    () => new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' }),
    [language],
  );

  async function rollback(target: number) {
    if (!window.confirm(h.rollbackConfirm(target))) return;
    setRollingBack(target);
    setRefusal(null);
    try {
      const done = await callBackground('rollbackLibraryChange', { revision: target });
      notify({ tone: 'ok', text: h.rolledBackDone(target, done.revision) });
      load();
    } catch (error) {
      if (error instanceof CodedError && error.code === 'libraryConflict') {
        const text = (value: unknown) => (typeof value === 'string' && value ? value : h.nothing);
        setRefusal(h.rollbackConflict(target, text(error.params.theirs), text(error.params.yours)));
      } else {
        setRefusal(errorText(error, language));
      }
    } finally {
      setRollingBack(null);
    }
  }

  return (
    <section class="panel panel--wide server-history" aria-labelledby="server-history-title">
      <h2 id="server-history-title">{h.title}</h2>
      <p class="muted">{h.intro}</p>
      <button type="button" class="btn" onClick={load}>
        {h.refresh}
      </button>
      {refusal && (
        <p class="banner banner--warn server-history-refusal" role="alert">
          {refusal}
        </p>
      )}
      {entries?.length === 0 && <p class="muted">{h.empty}</p>}
      <ol class="server-history-list">
        {entries?.map((entry) => (
          <li key={entry.revision} class="server-history-entry" data-revision={entry.revision}>
            <div class="server-history-head">
              <strong>{h.revision(entry.revision)}</strong>
              <span class="muted">{h.by(entry.by.name, when.format(new Date(entry.at)))}</span>
              {entry.kind === 'rollback' && entry.rolledBack !== null && (
                <span class="badge">{h.rollbackOf(entry.rolledBack)}</span>
              )}
              {undone.has(entry.revision) && <span class="badge">{h.rolledBack}</span>}
              {entry.kind === 'edit' && !undone.has(entry.revision) && (
                <button
                  type="button"
                  class="btn"
                  disabled={rollingBack !== null}
                  onClick={() => void rollback(entry.revision)}
                >
                  {h.rollback}
                </button>
              )}
            </div>
            <ul class="server-history-changes">
              {entry.changes.length === 0 && <li class="muted">{h.noChanges}</li>}
              {entry.changes.slice(0, CHANGES_SHOWN).map((change) => (
                <li key={`${change.area}/${change.intent ?? ''}/${change.situation ?? ''}/${change.id}`}>
                  {changeWords(change, language)}
                </li>
              ))}
              {entry.changes.length > CHANGES_SHOWN && (
                <li class="muted">{h.moreChanges(entry.changes.length - CHANGES_SHOWN)}</li>
              )}
            </ul>
          </li>
        ))}
      </ol>
      {entries && entries.length === limit && limit < LIBRARY_HISTORY_MAX && (
        <button
          type="button"
          class="btn"
          onClick={() => setLimit((shown) => Math.min(shown + HISTORY_PAGE, LIBRARY_HISTORY_MAX))}
        >
          {h.loadMore}
        </button>
      )}
    </section>
  );
}
