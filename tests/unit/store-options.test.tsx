// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { RepliesPage } from '@/entrypoints/options/RepliesPage';
import type { Shop } from '@/entrypoints/options/shop';
import { optionsStrings } from '@/lib/i18n/options';
import { CodedError } from '@/lib/messages/errors';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { ShopSnapshot } from '@/lib/store/types';

const OFFICIAL_1 = 'ship_urge.awaiting_shipment.1';

function snapshot(partial: Partial<ShopSnapshot> = {}): ShopSnapshot {
  return {
    local: { slots: [], disabledIntents: [], rules: [], settings: {} },
    settings: DEFAULT_SETTINGS,
    managed: null,
    managedError: null,
    hits: {},
    ...partial,
  };
}

function renderPage(data: ShopSnapshot) {
  const shop = { run: vi.fn(async () => data), setNotice: vi.fn() } as unknown as Shop;
  render(
    <RepliesPage
      shop={shop}
      snapshot={data}
      t={optionsStrings('zh')}
      guard={(action) => action()}
      onDirty={() => {}}
    />,
  );
  fireEvent.click(screen.getByRole('tab', { name: '待发货' }));
  return shop;
}

function card(replyId: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-reply-id="${replyId}"]`);
  if (!element) throw new Error(`no card for ${replyId}`);
  return element;
}

afterEach(cleanup);

describe('the options page’s replies', () => {
  test('a managed reply is marked and offers no edit; the shop’s own edit beside it stays editable', () => {
    renderPage(
      snapshot({
        local: {
          slots: [
            {
              intent: 'ship_urge',
              situation: 'awaiting_shipment',
              overrides: { 'ship_urge.awaiting_shipment.2': '本店改的' },
              own: [],
              order: [],
            },
          ],
          disabledIntents: [],
          rules: [],
          settings: {},
        },
        managed: {
          slots: [
            {
              intent: 'ship_urge',
              situation: 'awaiting_shipment',
              overrides: { [OFFICIAL_1]: '总部话术' },
              own: [],
              order: [],
            },
          ],
          disabledIntents: [],
          rules: [],
          settings: {},
        },
      }),
    );

    const managed = within(card(OFFICIAL_1));
    expect(managed.getByText('管理员下发')).toBeTruthy();
    expect(managed.getByText('总部话术')).toBeTruthy();
    expect(managed.queryByRole('button', { name: '编辑' })).toBeNull();
    expect(managed.getByText(/只读/)).toBeTruthy();

    const edited = within(card('ship_urge.awaiting_shipment.2'));
    expect(edited.getByText('已修改')).toBeTruthy();
    expect(edited.getByRole('button', { name: '编辑' })).toBeTruthy();
  });

  test('the intent list shows each intent’s hit count so far', () => {
    renderPage(snapshot({ hits: { ship_urge: 12, logistics: 3 } }));
    const item = (id: string) => document.querySelector<HTMLElement>(`[data-intent="${id}"]`)?.textContent;
    expect(item('ship_urge')).toContain('命中 12');
    expect(item('logistics')).toContain('命中 3');
    expect(item('invoice')).toContain('命中 0');
  });

  test('the preview fills variables from a sample order and marks them', () => {
    renderPage(snapshot());
    const variable = card(OFFICIAL_1).querySelector('[data-variable="订单号"]');
    expect(variable?.textContent).toMatch(/^\d{19}$/);
  });

  test('replies past the popup’s three are marked as not shown', () => {
    renderPage(
      snapshot({
        local: {
          slots: [
            {
              intent: 'ship_urge',
              situation: 'awaiting_shipment',
              overrides: {},
              own: [{ id: 'own.a', text: '本店自己的' }],
              order: [],
            },
          ],
          disabledIntents: [],
          rules: [],
          settings: {},
        },
      }),
    );
    const items = [...document.querySelectorAll('.reply-list > li')];
    const cut = items.findIndex((item) => item.classList.contains('popup-cut'));
    expect(cut).toBe(3);
    expect(items[cut + 1].getAttribute('data-reply-id')).toBe('own.a');
  });

  test('moving a reply up sends the new order', () => {
    const shop = renderPage(snapshot());
    fireEvent.click(within(card('ship_urge.awaiting_shipment.2')).getByRole('button', { name: '上移 2' }));
    expect(shop.run).toHaveBeenCalledWith('reorderReplies', {
      intent: 'ship_urge',
      situation: 'awaiting_shipment',
      order: ['ship_urge.awaiting_shipment.2', OFFICIAL_1, 'ship_urge.awaiting_shipment.3'],
    });
  });

  test('a save refused as a conflict shows both texts, keeps the edit, and 用我的覆盖 saves from their text', async () => {
    const data = snapshot();
    let refuse = true;
    const run = vi.fn(
      async (_type: string, payload: { text: string }, _done?: string, refused?: (e: unknown) => boolean) => {
        if (refuse) {
          refuse = false;
          refused?.(new CodedError('replyConflict', { theirs: '亲，<b>对方</b>的版本', yours: payload.text }));
          return undefined;
        }
        return data;
      },
    );
    const shop = { run, setNotice: vi.fn() } as unknown as Shop;
    render(<RepliesPage shop={shop} snapshot={data} t={optionsStrings('zh')} guard={(a) => a()} onDirty={() => {}} />);
    fireEvent.click(screen.getByRole('tab', { name: '待发货' }));
    fireEvent.click(within(card(OFFICIAL_1)).getByRole('button', { name: '编辑' }));
    const area = card(OFFICIAL_1).querySelector('textarea') as HTMLTextAreaElement;
    const started = area.value;
    fireEvent.input(area, { target: { value: '亲，我的版本' } });
    fireEvent.click(within(card(OFFICIAL_1)).getByRole('button', { name: '保存' }));
    const panel = await waitFor(() => card(OFFICIAL_1).querySelector('.reply-conflict') as HTMLElement);
    expect(run).toHaveBeenLastCalledWith(
      'saveReply',
      { intent: 'ship_urge', situation: 'awaiting_shipment', replyId: OFFICIAL_1, text: '亲，我的版本', base: started },
      expect.any(String),
      expect.any(Function),
    );
    // Their text shows as text, not HTML; mine is still in the editor.
    expect(panel.querySelector('[data-conflict="theirs"]')?.textContent).toBe('亲，<b>对方</b>的版本');
    expect(panel.querySelector('[data-conflict="yours"]')?.textContent).toBe('亲，我的版本');
    expect((card(OFFICIAL_1).querySelector('textarea') as HTMLTextAreaElement).value).toBe('亲，我的版本');
    fireEvent.click(within(panel).getByRole('button', { name: '用我的覆盖' }));
    await waitFor(() =>
      expect(run).toHaveBeenLastCalledWith(
        'saveReply',
        expect.objectContaining({ text: '亲，我的版本', base: '亲，<b>对方</b>的版本' }),
        expect.any(String),
        expect.any(Function),
      ),
    );
  });
});
