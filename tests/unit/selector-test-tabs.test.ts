// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { testSelectorsOnTabs } from '@/entrypoints/background/selector-test';
import { answerSelectorTests } from '@/entrypoints/content/selector-test';
import { bindSelectorOverrides } from '@/lib/adapters/overrides';
import { errorText } from '@/lib/i18n/errors';
import { serveTab } from '@/lib/messages/tab';
import { feige } from '@/tests/unit/adapters';
import { asyncRefusal } from '@/tests/unit/message-helpers';

const FIX = { feige: { parts: { composer: [{ selector: 'textarea[data-qa-id="qa-editor-2026"]' }] } } };

function changedFeige(): Document {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures/feige-workspace.html'), 'utf8')
    .replaceAll('qa-send-message-textarea', 'qa-editor-2026')
    .replace('placeholder="发送给 橙子不酸，使用Enter 发送消息"', 'placeholder="回复 橙子不酸"');
  return new DOMParser().parseFromString(html, 'text/html');
}

afterEach(() => {
  bindSelectorOverrides(feige, {});
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('test on the open chat tab', () => {
  test('the chat tab answers with its page check under the proposed overrides and keeps its own', async () => {
    const doc = changedFeige();
    let listener: ((message: unknown, sender: { id?: string }) => unknown) | undefined;
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((fn) => {
      listener = fn as typeof listener;
    });
    answerSelectorTests(serveTab(new AbortController().signal), feige, doc);
    type Answer = { health: { input: boolean }; problem?: unknown };
    const ask = (overrides: unknown, id = fakeBrowser.runtime.id) =>
      listener?.({ huashu: 1, type: 'testSelectors', payload: { overrides } }, { id }) as Promise<Answer> | undefined;

    expect((await ask(FIX))?.health.input).toBe(true);
    expect(feige.health(doc).input).toBe(false);
    expect((await ask({}))?.health.input).toBe(false);
    // Checked again with this page's CSS parser.
    expect(errorText((await ask({ feige: { parts: { composer: ['div!'] } } }))?.problem, 'zh')).toMatch(
      /不是有效的 CSS 选择器/,
    );
    // Not ours, or a request this frame doesn't handle: no answer.
    expect(ask(FIX, 'another-extension')).toBeUndefined();
    expect(
      listener?.({ huashu: 1, type: 'solutionsChanged', payload: {} }, { id: fakeBrowser.runtime.id }),
    ).toBeUndefined();
  });

  test('the dispatcher stops listening when the content script is invalidated', () => {
    const removed = vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener');
    const lifetime = new AbortController();
    serveTab(lifetime.signal);
    expect(removed).not.toHaveBeenCalled();
    lifetime.abort();
    expect(removed).toHaveBeenCalledTimes(1);
  });

  test('the background collects chat tabs’ answers and skips tabs without Huashu', async () => {
    const health = { conversations: true, messages: true, input: true, send: true, orders: false };
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1 }, { id: 2 }, { id: 3 }, {}] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number) => {
      if (tabId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
      // A page that answers nonsense is skipped like one without Huashu.
      if (tabId === 3) return { adapter: 'feige', health: 'all good' };
      return { adapter: 'feige', url: 'https://im.jinritemai.com/pc_seller_v2/main/workspace', title: '飞鸽', health };
    }) as never);
    await expect(testSelectorsOnTabs({ overrides: FIX }, {})).resolves.toEqual([
      {
        tabId: 1,
        adapter: 'feige',
        url: 'https://im.jinritemai.com/pc_seller_v2/main/workspace',
        title: '飞鸽',
        health,
      },
    ]);
  });

  test('a tab whose page refuses an override says why', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1 }] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({
      problem: { code: 'invalidField', params: { field: 'selectorOverrides' } },
    } as never);
    expect(await asyncRefusal(() => Promise.resolve(testSelectorsOnTabs({ overrides: FIX }, {})))).toBe(
      '页面选择器无效',
    );
  });
});
