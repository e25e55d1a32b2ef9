/**
 * 高级 · 页面选择器: when a workbench page changes before Huashu is updated, the shop admin writes a partial page
 * definition as JSON (new variants for some parts, some settings), tests it on the open chat tab (the page check
 * with the proposed overrides, nothing applied), then saves it; it travels in the reply pack. The JSON is checked
 * here with the browser's CSS parser before anything is sent: a bad override shows the reason and changes nothing.
 */

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Shop } from '@/entrypoints/options/shop';
import { errorText } from '@/lib/i18n/errors';
import { optionsStrings } from '@/lib/i18n/options';
import { pageCheckStrings } from '@/lib/i18n/page-check';
import { isRecord } from '@/lib/is-record';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';
import type { SelectorTestResult } from '@/lib/messages/tab-answers';
import { PAGES } from '@/lib/pages';
import { describeVariant, type PageDefinition } from '@/lib/pages/definition';
import { HEALTH_PARTS, summarizeHealth } from '@/lib/pages/health';
import {
  mergeSelectorOverrides,
  pageLabel,
  parseSelectorOverridesText,
  type SelectorOverrides,
} from '@/lib/pages/overrides';
import type { ShopSnapshot } from '@/lib/store/types';
import '@/entrypoints/options/selectors.css';

/** The overrides as the admin writes them: a variant that is only a selector shown as that selector. */
function toText(overrides: SelectorOverrides | undefined): string {
  if (!overrides || Object.keys(overrides).length === 0) return '';
  const compact = (_key: string, value: unknown) =>
    isRecord(value) && Object.keys(value).length === 1 && typeof value.selector === 'string' ? value.selector : value;
  return JSON.stringify(overrides, compact, 2);
}

const EXAMPLE = JSON.stringify(
  { feige: { parts: { composer: ['textarea[data-qa-id="qa-send-message-textarea"]'] } } },
  null,
  2,
);

interface Props {
  shop: Shop;
  snapshot: ShopSnapshot;
  language: Language;
  onDirty?(dirty: boolean): void;
}

type Check =
  | { kind: 'problem'; text: string }
  | { kind: 'testing' }
  | { kind: 'results'; results: SelectorTestResult[] }
  | null;

export function SelectorsPage({ shop, snapshot, language, onDirty }: Props) {
  const s = optionsStrings(language).selectors;
  const savedText = toText(snapshot.local.selectorOverrides);
  const [text, setText] = useState(savedText);
  const [check, setCheck] = useState<Check>(null);
  const [busy, setBusy] = useState(false);
  const dirty = text.trim() !== savedText.trim();
  const managed = snapshot.managed?.selectorOverrides ?? {};
  const managedKeys = Object.entries(managed).flatMap(([page, { parts, ...settings }]) =>
    [...Object.keys(parts ?? {}), ...Object.keys(settings)].map((key) => `${page}.${key}`),
  );

  useEffect(() => onDirty?.(dirty), [dirty, onDirty]);

  // The saved overrides changed elsewhere (a pack import, another window): follow them unless the admin is editing.
  const shown = useRef(savedText);
  useEffect(() => {
    setText((current) => (current.trim() === shown.current.trim() ? savedText : current));
    shown.current = savedText;
  }, [savedText]);

  /** The textarea's overrides, or null after showing why they can't be used. */
  function parsed(): SelectorOverrides | null {
    try {
      return parseSelectorOverridesText(text);
    } catch (error) {
      setCheck({ kind: 'problem', text: errorText(error, language) });
      return null;
    }
  }

  async function test() {
    const proposed = parsed();
    if (!proposed) return;
    setCheck({ kind: 'testing' });
    try {
      // What the chat tabs would use once saved: the managed pack's keys still win over the shop's own.
      const overrides = mergeSelectorOverrides(proposed, snapshot.managed?.selectorOverrides);
      setCheck({ kind: 'results', results: await callBackground('testSelectors', { overrides }) });
    } catch (error) {
      setCheck({ kind: 'problem', text: errorText(error, language) });
    }
  }

  async function save(overrides: SelectorOverrides | null, done: string) {
    if (!overrides) return;
    setBusy(true);
    const snapshotAfter = await shop.run('saveSelectorOverrides', { overrides }, done);
    setBusy(false);
    if (snapshotAfter) {
      setText(toText(snapshotAfter.local.selectorOverrides));
      if (check?.kind === 'problem') setCheck(null);
    }
  }

  return (
    <div class="selectors">
      <section class="panel panel--wide" aria-labelledby="selectors-title">
        <h2 id="selectors-title">{s.title}</h2>
        <p class="muted">{s.intro}</p>
        <p class="muted small">{s.format}</p>
        {managedKeys.length > 0 && (
          <p class="banner banner--info" role="note">
            {s.managed(managedKeys.join('、'))}
          </p>
        )}
        <label class="field-label" for="selector-json">
          {s.label}
          {dirty && <span class="badge badge--edited">{s.dirty}</span>}
        </label>
        <textarea
          id="selector-json"
          class="input selectors-json"
          spellcheck={false}
          rows={10}
          placeholder={EXAMPLE}
          value={text}
          aria-invalid={check?.kind === 'problem'}
          aria-describedby="selector-check"
          onInput={(event) => {
            setText((event.target as HTMLTextAreaElement).value);
            if (check?.kind === 'problem') setCheck(null);
          }}
        />
        <div class="selectors-actions">
          <button type="button" class="btn" disabled={busy} onClick={() => void test()}>
            {s.test}
          </button>
          <button
            type="button"
            class="btn btn-primary"
            disabled={busy || !dirty}
            onClick={() => void save(parsed(), s.saved)}
          >
            {s.save}
          </button>
          <button
            type="button"
            class="btn btn-danger"
            disabled={busy || savedText === ''}
            onClick={() => {
              if (window.confirm(s.clearConfirm)) void save({}, s.cleared);
            }}
          >
            {s.clear}
          </button>
        </div>
        <div id="selector-check" aria-live="polite">
          {check?.kind === 'problem' && (
            <p class="banner banner--warn selectors-problem" role="alert">
              {check.text}
            </p>
          )}
          {check?.kind === 'testing' && <p class="muted">{s.testing}</p>}
          {check?.kind === 'results' && <TestResults results={check.results} language={language} />}
        </div>
      </section>

      <section class="panel panel--wide" aria-labelledby="selectors-reference">
        <h2 id="selectors-reference">{s.reference}</h2>
        <p class="muted small">{s.referenceHint}</p>
        {PAGES.map((page) => (
          <details key={page.id} class="selectors-ref">
            <summary>
              {page.label[language]} <code>{page.id}</code>
            </summary>
            <dl>
              {Object.entries(page.parts).map(([part, variants]) => (
                <div key={part} class="selectors-ref-row" data-part={part}>
                  <dt>
                    <code>{part}</code>
                  </dt>
                  <dd>
                    {(variants ?? []).map((variant) => (
                      <div key={describeVariant(variant)} class="selectors-ref-variant">
                        <code>{describeVariant(variant)}</code>
                        {variant.evidence && <span class="muted small">{variant.evidence}</span>}
                      </div>
                    ))}
                  </dd>
                </div>
              ))}
              <div class="selectors-ref-row">
                <dt>{s.settings}</dt>
                <dd>
                  <code>{JSON.stringify(pageSettings(page))}</code>
                </dd>
              </div>
            </dl>
          </details>
        ))}
      </section>
    </div>
  );
}

/** A definition's settings besides its parts and its name, as the reference shows them. */
function pageSettings({ id: _id, label: _label, matches: _matches, parts: _parts, ...settings }: PageDefinition) {
  return settings;
}

function TestResults({ results, language }: { results: SelectorTestResult[]; language: Language }) {
  const s = optionsStrings(language).selectors;
  if (results.length === 0) {
    return (
      <p class="banner banner--warn selectors-problem" role="alert">
        {s.valid} {s.noTab}
      </p>
    );
  }
  return (
    <div class="selectors-results">
      <p class="muted small">
        {s.valid} {s.resultsTitle}
      </p>
      {results.map((result) => {
        const summary = summarizeHealth(result.health, language);
        return (
          <div
            key={result.tabId}
            class={`selectors-tab${summary.ok ? ' selectors-tab--ok' : ''}`}
            data-tab={result.tabId}
          >
            <p class="selectors-tab-title">
              <strong>{pageLabel(result.adapter, language)}</strong>{' '}
              <span class="muted small">{result.title || result.url}</span>
            </p>
            <ul class="selectors-parts">
              {HEALTH_PARTS.map((part) => (
                <li
                  key={part}
                  class={result.health[part] ? 'part part--ok' : 'part part--missing'}
                  data-part={part}
                  data-found={String(result.health[part])}
                >
                  <span aria-hidden="true">{result.health[part] ? '✓' : '✗'}</span>{' '}
                  {pageCheckStrings(language).parts[part]}
                  <span class="sr-only">{result.health[part] ? s.found : s.missing}</span>
                </li>
              ))}
            </ul>
            <p class="small">{summary.text}</p>
          </div>
        );
      })}
    </div>
  );
}
