/**
 * 聊天页面: chat pages the shop adds at run time. Adding asks the browser for that site only (in the admin's click,
 * as permissions.request requires), then the background stores the page and registers Huashu's script there;
 * 映射页面 opens the page mapper on it. A bad address is refused here with the reason and asks for nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Notice } from '@/entrypoints/options/shop';
import { errorText } from '@/lib/i18n/errors';
import { pagesStrings } from '@/lib/i18n/pages';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';
import { type CustomPageSummary, parseChatPagePattern } from '@/lib/pages/custom';
import '@/entrypoints/options/custom-pages.css';

interface Props {
  language: Language;
  notify(notice: Notice): void;
}

export function CustomPagesPage({ language, notify }: Props) {
  const p = pagesStrings(language);
  const [pages, setPages] = useState<CustomPageSummary[] | null>(null);
  const [pattern, setPattern] = useState('');
  const [problem, setProblem] = useState('');

  useEffect(() => {
    callBackground('customPages', {}).then(setPages, (error: unknown) =>
      notify({ tone: 'error', text: errorText(error, language) }),
    );
  }, [language, notify]);

  async function add(event: Event) {
    event.preventDefault();
    let origin: string;
    try {
      origin = parseChatPagePattern(pattern).origin;
    } catch (error) {
      setProblem(errorText(error, language));
      return;
    }
    setProblem('');
    try {
      // In the click's user gesture, before any other await: the browser asks the admin for this site only.
      if (!(await browser.permissions.request({ origins: [origin] }))) {
        notify({ tone: 'error', text: p.denied });
        return;
      }
      setPages(await callBackground('addCustomPage', { pattern }));
      setPattern('');
      notify({ tone: 'ok', text: p.added });
    } catch (error) {
      notify({ tone: 'error', text: errorText(error, language) });
    }
  }

  async function remove(page: CustomPageSummary) {
    if (!window.confirm(p.removeConfirm(page.pattern))) return;
    try {
      setPages(await callBackground('removeCustomPage', { id: page.id }));
      notify({ tone: 'ok', text: p.removed });
    } catch (error) {
      notify({ tone: 'error', text: errorText(error, language) });
    }
  }

  async function map(page: CustomPageSummary) {
    try {
      await callBackground('startMapper', { id: page.id });
      notify({ tone: 'ok', text: p.mapping });
    } catch (error) {
      notify({ tone: 'error', text: errorText(error, language) });
    }
  }

  return (
    <>
      <section class="panel panel--wide" aria-labelledby="pages-title">
        <h2 id="pages-title">{p.title}</h2>
        <p class="muted small">{p.intro}</p>
        <form class="fb-webhook-row" onSubmit={(event) => void add(event)} noValidate>
          <label class="sr-only" for="custom-page-pattern">
            {p.patternLabel}
          </label>
          <input
            id="custom-page-pattern"
            class="input"
            type="text"
            spellcheck={false}
            placeholder="https://kf.example.com/chat/*"
            value={pattern}
            aria-invalid={problem !== ''}
            aria-describedby="custom-page-hint"
            onInput={(event) => {
              setPattern(event.currentTarget.value);
              setProblem('');
            }}
          />
          <button type="submit" class="btn btn-primary">
            {p.add}
          </button>
        </form>
        <p
          id="custom-page-hint"
          class={problem ? 'custom-page-problem' : 'muted small'}
          role={problem ? 'alert' : undefined}
        >
          {problem || p.patternHint}
        </p>
      </section>
      <section class="panel panel--wide" aria-labelledby="pages-list-title">
        <h2 id="pages-list-title">{p.listTitle}</h2>
        {pages?.length === 0 && <p class="muted">{p.none}</p>}
        <ul class="custom-pages">
          {pages?.map((page) => (
            <li key={page.id} class="custom-page">
              <code class="custom-page-pattern">{page.pattern}</code>
              <span class={`custom-page-state${page.mapped && page.granted ? ' custom-page-state--ok' : ''}`}>
                {!page.granted ? p.revoked : page.mapped ? p.mapped : p.notMapped}
              </span>
              <button type="button" class="btn btn-primary" disabled={!page.granted} onClick={() => void map(page)}>
                {page.mapped ? p.remap : p.map}
              </button>
              <button type="button" class="btn" onClick={() => void remove(page)}>
                {p.remove}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
