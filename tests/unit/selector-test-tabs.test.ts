// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { feige } from '@/lib/adapters/feige';
import { bindSelectorOverrides } from '@/lib/adapters/overrides';
import { answerSelectorTests, testSelectorsOnTabs } from '@/lib/selector-overrides';

const FIX = { feige: { composer: ['textarea[data-qa-id="qa-editor-2026"]'] } };

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
    const ctx = { onInvalidated: vi.fn() };
    answerSelectorTests(ctx as never, feige, doc);
    const ask = (overrides: unknown) =>
      listener?.({ huashu: 1, type: 'testSelectors', overrides }, { id: fakeBrowser.runtime.id }) as Promise<{
        health: { input: boolean };
        error?: string;
      }>;

    expect((await ask(FIX)).health.input).toBe(true);
    expect(feige.health(doc).input).toBe(false);
    expect((await ask({})).health.input).toBe(false);
    // Checked again with this page's CSS parser.
    expect((await ask({ feige: { composer: ['div!'] } })).error).toMatch(/不是有效的 CSS 选择器/);
    // Not ours: no answer.
    expect(
      listener?.({ huashu: 1, type: 'testSelectors', overrides: FIX }, { id: 'another-extension' }),
    ).toBeUndefined();
    expect(listener?.({ huashu: 1, type: 'solutionsChanged' }, { id: fakeBrowser.runtime.id })).toBeUndefined();
  });

  test('the background collects chat tabs’ answers and skips tabs without Huashu', async () => {
    const health = { conversations: true, messages: true, input: true, send: true, orders: false };
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1 }, { id: 2 }, {}] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number) => {
      if (tabId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { adapter: 'feige', url: 'https://im.jinritemai.com/pc_seller_v2/main/workspace', title: '飞鸽', health };
    }) as never);
    await expect(testSelectorsOnTabs({ overrides: FIX })).resolves.toEqual([
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
      error: 'feige.composer 第 1 个「div!」：不是有效的 CSS 选择器',
    } as never);
    await expect(testSelectorsOnTabs({ overrides: FIX })).rejects.toThrow(/不是有效的 CSS 选择器/);
  });
});
