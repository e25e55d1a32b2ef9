import { errorText } from '@/lib/i18n/errors';
/**
 * 高级 · 页面选择器: when a workbench page changes before Huashu is updated, the shop admin adds selector
 * variants as JSON, tests them on the open chat tab (the page check with the proposed overrides, nothing
 * applied), then saves them; they travel in the reply pack. The JSON is checked here with the browser's CSS
 * parser before anything is sent: a bad override shows the reason and changes nothing.
 */

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Shop } from '@/entrypoints/options/shop';
import { PART_LABELS, summarizeHealth } from '@/lib/adapters/health';
import { HEALTH_PARTS } from '@/lib/adapters/types';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';
import type { SelectorTestResult } from '@/lib/messages/tab-map';
import { PAGES } from '@/lib/pages';
import {
  mergeSelectorOverrides,
  pageLabel,
  parseSelectorOverridesText,
  type SelectorOverrides,
} from '@/lib/pages/overrides';
import type { ShopSnapshot } from '@/lib/store/types';
import '@/entrypoints/options/selectors.css';

const TEXT = {
  zh: {
    tab: '高级 · 页面选择器',
    title: '页面选择器覆盖',
    intro:
      '聊天页面改版后，话术助手可能找不到某个部分（会话列表、聊天消息、输入框、发送按钮、订单信息）。在这里用 JSON 为选择器补充新写法：新写法优先尝试，内置写法仍作后备。保存后立即对已打开的聊天页生效，并随话术包导出，全店坐席导入即可一起修复。',
    format:
      '格式：{ "页面": { "选择器名": ["CSS 选择器", …] } }，页面为 feige（飞鸽）、pinduoduo（拼多多）或 demo-workbench（演示工作台）。',
    managed: (keys: string) => `管理员已统一下发以下选择器，以下发的为准：${keys}`,
    label: '选择器覆盖（JSON）',
    test: '校验并测试',
    save: '保存',
    clear: '清除覆盖',
    clearConfirm: '清除全部页面选择器覆盖，恢复内置写法？',
    saved: '页面选择器已保存，已打开的聊天页已更新',
    cleared: '已清除页面选择器覆盖',
    valid: 'JSON 校验通过。',
    testing: '正在检查已打开的聊天页…',
    noTab: '没有找到打开的聊天页：请先在另一个标签页打开飞鸽、拼多多或演示工作台，再点「校验并测试」。',
    resultsTitle: '测试结果（使用上面的内容，尚未保存）',
    found: '已找到',
    missing: '未找到',
    reference: '内置选择器（参考）',
    referenceHint: '每个选择器名下的写法按顺序尝试，第一个能找到的生效。',
    dirty: '有未保存的修改',
  },
  en: {
    tab: 'Advanced · page selectors',
    title: 'Page selector overrides',
    intro:
      'When a chat page changes, Huashu may no longer find one of its parts (conversation list, chat messages, input box, send button, order details). Add new selector variants here as JSON: they are tried first, the built-in ones still follow. Saving applies them to open chat tabs at once, and they travel in the reply pack, so importing it fixes every agent.',
    format: 'Format: { "page": { "selectorKey": ["CSS selector", …] } }; pages are feige, pinduoduo or demo-workbench.',
    managed: (keys: string) => `Your administrator set these selectors, which take precedence: ${keys}`,
    label: 'Selector overrides (JSON)',
    test: 'Check and test',
    save: 'Save',
    clear: 'Clear overrides',
    clearConfirm: 'Clear every page selector override and go back to the built-in selectors?',
    saved: 'Page selectors saved; open chat tabs updated',
    cleared: 'Page selector overrides cleared',
    valid: 'The JSON is valid.',
    testing: 'Checking open chat tabs…',
    noTab:
      'No open chat tab found: open Feige, Pinduoduo or the demo workbench in another tab, then click “Check and test”.',
    resultsTitle: 'Test result (with the text above, not saved yet)',
    found: 'found',
    missing: 'not found',
    reference: 'Built-in selectors (reference)',
    referenceHint: 'Each key’s variants are tried in order; the first that matches wins.',
    dirty: 'Unsaved changes',
  },
} as const;

export function selectorsTabLabel(language: Language): string {
  return TEXT[language].tab;
}

function toText(overrides: SelectorOverrides | undefined): string {
  return overrides && Object.keys(overrides).length > 0 ? JSON.stringify(overrides, null, 2) : '';
}

const EXAMPLE = JSON.stringify({ feige: { composer: ['textarea[data-qa-id="qa-send-message-textarea"]'] } }, null, 2);

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
  const s = TEXT[language];
  const savedText = toText(snapshot.local.selectorOverrides);
  const [text, setText] = useState(savedText);
  const [check, setCheck] = useState<Check>(null);
  const [busy, setBusy] = useState(false);
  const dirty = text.trim() !== savedText.trim();
  const managed = snapshot.managed?.selectorOverrides ?? {};
  const managedKeys = Object.entries(managed).flatMap(([adapter, keys]) =>
    Object.keys(keys).map((key) => `${adapter}.${key}`),
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
      return parseSelectorOverridesText(text, language);
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
              {Object.entries(page.selectors).map(([key, variants]) => (
                <div key={key} class="selectors-ref-row">
                  <dt>
                    <code>{key}</code>
                  </dt>
                  <dd>
                    {variants.map((variant) => (
                      <code key={variant}>{variant}</code>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        ))}
      </section>
    </div>
  );
}

function TestResults({ results, language }: { results: SelectorTestResult[]; language: Language }) {
  const s = TEXT[language];
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
                  <span aria-hidden="true">{result.health[part] ? '✓' : '✗'}</span> {PART_LABELS[language][part]}
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
