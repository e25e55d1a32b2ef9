// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SelectorsPage } from '@/entrypoints/options/SelectorsPage';
import type { Shop } from '@/entrypoints/options/shop';
import type { Language } from '@/lib/language';
import type { AdapterHealth } from '@/lib/pages/health';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { ShopData, ShopSnapshot } from '@/lib/store/types';

const callBackground = vi.fn();
vi.mock('@/lib/messages/background', () => ({ callBackground: (...args: unknown[]) => callBackground(...args) }));

const EMPTY: ShopData = { slots: [], disabledIntents: [], rules: [], settings: {} };
const FIX = { feige: { parts: { composer: [{ selector: 'textarea.editor' }] } } };
const ALL_FOUND: AdapterHealth = { conversations: true, messages: true, input: true, send: true, orders: true };

function snapshot(local: Partial<ShopData> = {}, managed: ShopData | null = null): ShopSnapshot {
  return {
    local: { ...EMPTY, selectorOverrides: {}, ...local },
    settings: DEFAULT_SETTINGS,
    managed,
    managedError: null,
    hits: {},
  };
}

function renderPage(data: ShopSnapshot, language: Language = 'zh') {
  const shop = {
    run: vi.fn(async (_type: string, payload: { overrides: unknown }) => ({
      ...data,
      local: { ...data.local, selectorOverrides: payload.overrides },
    })),
    setNotice: vi.fn(),
  } as unknown as Shop & { run: ReturnType<typeof vi.fn> };
  render(<SelectorsPage shop={shop} snapshot={data} language={language} />);
  return shop;
}

function type(text: string) {
  fireEvent.input(screen.getByRole('textbox'), { target: { value: text } });
}

beforeEach(() => callBackground.mockReset());
afterEach(cleanup);

describe('高级 · 页面选择器', () => {
  test('the saved overrides fill the textarea as written; the built-in definitions are listed with their evidence', () => {
    renderPage(snapshot({ selectorOverrides: FIX }));
    expect(JSON.parse((screen.getByRole('textbox') as HTMLTextAreaElement).value)).toEqual({
      feige: { parts: { composer: ['textarea.editor'] } },
    });
    expect(screen.getByText('飞鸽', { selector: 'summary' })).toBeTruthy();
    expect(screen.getAllByText('textarea[data-qa-id="qa-send-message-textarea"]').length).toBeGreaterThan(0);
    expect(screen.getAllByText('label: 付款时间').length).toBe(2);
    expect(screen.getByText('A plain textarea with the page’s QA hook (every public source).')).toBeTruthy();
  });

  test('a bad override shows why and neither tests nor saves', () => {
    const shop = renderPage(snapshot());
    type('{ "feige": { "parts": { "composer": ["textarea["] } } }');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(screen.getByRole('alert').textContent).toContain(
      'feige.composer 第 1 个「textarea[」：不是有效的 CSS 选择器',
    );
    fireEvent.click(screen.getByRole('button', { name: '校验并测试' }));
    expect(screen.getByRole('alert').textContent).toContain('不是有效的 CSS 选择器');
    expect(shop.run).not.toHaveBeenCalled();
    expect(callBackground).not.toHaveBeenCalled();
  });

  test('in English too', () => {
    renderPage(snapshot(), 'en');
    type('{ "feige": { "parts": { "composr": ["a"] } } }');
    fireEvent.click(screen.getByRole('button', { name: 'Check and test' }));
    expect(screen.getByRole('alert').textContent).toContain('Feige has no part or setting "composr"');
  });

  test('the test shows each part per chat tab, with the managed pack’s keys applied as they would be', async () => {
    callBackground.mockResolvedValue([
      {
        tabId: 7,
        adapter: 'feige',
        url: 'https://im.jinritemai.com/x',
        title: '飞鸽',
        health: { ...ALL_FOUND, input: false },
      },
    ]);
    renderPage(
      snapshot({}, { ...EMPTY, selectorOverrides: { feige: { parts: { sendButton: [{ selector: 'div.send' }] } } } }),
    );
    type(JSON.stringify(FIX));
    fireEvent.click(screen.getByRole('button', { name: '校验并测试' }));
    await waitFor(() => expect(document.querySelector('.selectors-tab')).toBeTruthy());
    expect(callBackground).toHaveBeenCalledWith('testSelectors', {
      overrides: {
        feige: { parts: { composer: [{ selector: 'textarea.editor' }], sendButton: [{ selector: 'div.send' }] } },
      },
    });
    const parts = [...document.querySelectorAll('.selectors-tab [data-part]')].map(
      (item) => `${item.getAttribute('data-part')}=${item.getAttribute('data-found')}`,
    );
    expect(parts).toEqual(['conversations=true', 'messages=true', 'input=false', 'send=true', 'orders=true']);
    expect(document.querySelector('.selectors-tab')?.textContent).toContain('未找到输入框');
  });

  test('no chat tab open: says so', async () => {
    callBackground.mockResolvedValue([]);
    renderPage(snapshot());
    type(JSON.stringify(FIX));
    fireEvent.click(screen.getByRole('button', { name: '校验并测试' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('没有找到打开的聊天页'));
  });

  test('保存 sends the checked overrides; 清除覆盖 sends {} after asking', async () => {
    const shop = renderPage(snapshot({ selectorOverrides: FIX }));
    type('{ "feige": { "parts": { "composer": [" textarea.new "] } } }');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(shop.run).toHaveBeenCalledTimes(1));
    expect(shop.run.mock.calls[0].slice(0, 2)).toEqual([
      'saveSelectorOverrides',
      { overrides: { feige: { parts: { composer: [{ selector: 'textarea.new' }] } } } },
    ]);
    Object.defineProperty(window, 'confirm', { value: vi.fn(() => true), configurable: true });
    fireEvent.click(screen.getByRole('button', { name: '清除覆盖' }));
    await waitFor(() => expect(shop.run).toHaveBeenCalledTimes(2));
    expect(shop.run.mock.calls[1].slice(0, 2)).toEqual(['saveSelectorOverrides', { overrides: {} }]);
  });
});
