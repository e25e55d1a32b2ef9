// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SuggestionPopup, type SuggestionPopupProps } from '@/components/SuggestionPopup';
import { popupStrings } from '@/lib/i18n/popup';
import type { Solution } from '@/lib/solutions/types';

const solution: Solution = {
  conversationId: 'c1',
  messageId: 'm9',
  intent: 'ship_urge',
  intentLabel: '什么时候发货',
  confidence: 0.92,
  why: ['“什么时候” + “发货”'],
  order: { id: '6921847302918374651', product: '法式碎花连衣裙', status: '待发货' },
  node: 'awaiting_shipment',
  otherOrders: [{ id: '6921847302918370002', product: '蓝牙耳机', status: '已签收' }],
  replies: [
    { id: 'ship_urge.awaiting_shipment.1', text: '亲，您的订单将在今天18:00前发出哦', source: 'official' },
    { id: 'ship_urge.awaiting_shipment.2', text: '亲，仓库正在加急打包', source: 'official' },
  ],
  actions: [
    { id: 'send_order_card', label: '发送订单卡片', orderId: '6921847302918374651', enabled: true },
    { id: 'copy_tracking_no', label: '复制运单号', enabled: false, disabledReason: '该订单暂无运单号' },
  ],
  notices: [],
  omitted: [],
  second: null,
  urgent: false,
};

function renderPopup(overrides: Partial<SuggestionPopupProps> = {}) {
  const props: SuggestionPopupProps = {
    solution,
    buyerText: '什么时候发货',
    t: popupStrings('zh'),
    collapsed: false,
    onCopy: vi.fn(),
    onSend: vi.fn(),
    onAction: vi.fn(),
    onPickOrder: vi.fn(),
    onToggleCollapsed: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  render(<SuggestionPopup {...props} />);
  return props;
}

afterEach(cleanup);

describe('SuggestionPopup', () => {
  test('shows the intent, the order and each reply with copy and send', () => {
    const props = renderPopup();
    expect(screen.getByText('什么时候发货', { selector: 'strong' })).toBeTruthy();
    expect(screen.getByText('6921847302918374651')).toBeTruthy();
    expect(screen.getByText('待发货')).toBeTruthy();

    fireEvent.click(screen.getAllByRole('button', { name: '发送' })[1]);
    expect(props.onSend).toHaveBeenCalledWith(solution.replies[1]);
    fireEvent.click(screen.getAllByRole('button', { name: '复制' })[0]);
    expect(props.onCopy).toHaveBeenCalledWith(solution.replies[0]);
  });

  test('a disabled action says why and cannot run', () => {
    const props = renderPopup();
    const copyTracking = screen.getByRole('button', { name: '复制运单号' }) as HTMLButtonElement;
    expect(copyTracking.disabled).toBe(true);
    expect(copyTracking.title).toBe('该订单暂无运单号');
    fireEvent.click(screen.getByRole('button', { name: '发送订单卡片' }));
    expect(props.onAction).toHaveBeenCalledWith(solution.actions[0]);
  });

  test('shows hostile buyer text as text', () => {
    renderPopup({ buyerText: '<img src=x onerror=alert(1)>' });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('“<img src=x onerror=alert(1)>”')).toBeTruthy();
  });

  test('collapsed shows only the header; Escape collapses an open popup', () => {
    const { unmount } = render(
      <SuggestionPopup
        {...{ solution, buyerText: '', t: popupStrings('zh'), collapsed: true }}
        {...{ onCopy: vi.fn(), onSend: vi.fn(), onAction: vi.fn(), onPickOrder: vi.fn(), onClose: vi.fn() }}
        onToggleCollapsed={vi.fn()}
      />,
    );
    expect(screen.queryAllByRole('button', { name: '发送' })).toHaveLength(0);
    unmount();

    const props = renderPopup();
    fireEvent.keyDown(screen.getByRole('region', { name: '话术助手' }), { key: 'Escape' });
    expect(props.onToggleCollapsed).toHaveBeenCalled();
  });

  test('the reasons show on demand and picking another order is reported', () => {
    const props = renderPopup();
    expect(screen.queryByText('“什么时候” + “发货”')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '为什么推荐' }));
    expect(screen.getByText('“什么时候” + “发货”')).toBeTruthy();

    const select = screen.getByRole('combobox', { name: '切换订单' }) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: '6921847302918370002' } });
    expect(props.onPickOrder).toHaveBeenCalledWith('6921847302918370002');
  });

  test('the replies are a list that ↑/↓, Home and End move through, on the same button', () => {
    const three = {
      ...solution,
      replies: [
        ...solution.replies,
        { id: 'ship_urge.awaiting_shipment.3', text: '亲，已催促仓库', source: 'official' as const },
      ],
    };
    renderPopup({ solution: three });
    const list = screen.getByRole('list');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    const sends = screen.getAllByRole('button', { name: '发送' });
    const copies = screen.getAllByRole('button', { name: '复制' });

    sends[0].focus();
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(sends[1]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(document.activeElement).toBe(sends[2]);
    // The last reply stays put: the focus never leaves the list by an arrow.
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(sends[2]);

    copies[2].focus();
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(copies[1]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(document.activeElement).toBe(copies[0]);
    expect(list.contains(document.activeElement)).toBe(true);
  });

  test('English is available', () => {
    renderPopup({ t: popupStrings('en') });
    expect(screen.getAllByRole('button', { name: 'Send' })).toHaveLength(2);
    expect(screen.getByText('Awaiting shipment')).toBeTruthy();
  });

  test('a second request in the same message is named, not dropped', () => {
    renderPopup({ solution: { ...solution, second: { intent: 'invoice', label: '开发票' } } });
    expect(screen.getByText('还有一个问题：开发票')).toBeTruthy();
  });

  test('a message with one request names no second one', () => {
    renderPopup();
    expect(screen.queryByText(/还有一个问题/)).toBeNull();
  });
});

describe('compact: one line per reply and notice, opened on demand', () => {
  const withNotice = { ...solution, notices: ['该订单已超过承诺发货时间，按平台规则平台会先行赔付买家'] };

  test('a reply opens in full while the pointer or the focus is on it, and the card says it is peeking', () => {
    renderPopup({ solution: withNotice });
    const [first, second] = screen.getAllByRole('listitem');
    const card = screen.getByRole('region', { name: '话术助手' });
    expect(first.classList.contains('hs-reply--open')).toBe(false);
    expect(card.hasAttribute('data-peek')).toBe(false);

    fireEvent.mouseEnter(first);
    expect(first.classList.contains('hs-reply--open')).toBe(true);
    expect(card.hasAttribute('data-peek')).toBe(true);
    fireEvent.mouseLeave(first);
    expect(first.classList.contains('hs-reply--open')).toBe(false);

    fireEvent.focusIn(screen.getAllByRole('button', { name: '复制' })[1]);
    expect(second.classList.contains('hs-reply--open')).toBe(true);
    fireEvent.focusOut(screen.getAllByRole('button', { name: '复制' })[1]);
    expect(second.classList.contains('hs-reply--open')).toBe(false);
    expect(card.hasAttribute('data-peek')).toBe(false);
  });

  test('the notice is a chip whose button opens and closes it, keeping its whole text', () => {
    renderPopup({ solution: withNotice });
    const chip = screen.getByRole('button', { name: withNotice.notices[0] });
    expect(chip.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(chip);
    expect(chip.getAttribute('aria-expanded')).toBe('true');
    expect(chip.closest('.hs-notice')?.classList.contains('hs-notice--open')).toBe(true);
    fireEvent.click(chip);
    expect(chip.getAttribute('aria-expanded')).toBe('false');
  });

  test('为什么推荐 takes the replies’ place and gives it back', () => {
    renderPopup();
    fireEvent.click(screen.getByRole('button', { name: '为什么推荐' }));
    expect(screen.getByText('“什么时候” + “发货”')).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: '发送' })).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '收起原因' }));
    expect(screen.getAllByRole('button', { name: '发送' })).toHaveLength(2);
  });
});
