// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { watchThread } from '@/lib/adapters/watch';
import { summarizeHealth } from '@/lib/pages/health';
import { pinduoduo } from '@/tests/unit/adapters';

interface FixturePage {
  buyerSays(text: string): string;
  draft(): string;
}

/** The fixture script's handle on window. */
const fixtureWindow = window as unknown as { pddFixture?: FixturePage };

function load(name: string): void {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  fixtureWindow.pddFixture = undefined;
}

/** Runs the fixture's inline script (innerHTML does not), which stands in for the page's own code. */
function startPage(): void {
  const script = [...document.querySelectorAll('script')].at(-1)?.textContent ?? '';
  new Function(script)();
}

describe('拼多多 adapter on the saved chat page (current selectors)', () => {
  beforeEach(() => load('pinduoduo-chat.html'));

  test('reads the session list: overdue and five-minute groups wait, ids from data-random, last messages', () => {
    expect(pinduoduo.detect(document)).toBe(true);
    expect(pinduoduo.conversations(document)).toEqual([
      {
        id: 'pdd-5fa2c9e1',
        name: 'pdd_用户8823',
        waiting: true,
        unread: 0,
        waitingSeconds: 360,
        preview: '我的快递怎么还没到',
      },
      { id: 'pdd-7c31e0b4', name: '快乐的小土豆', waiting: true, unread: 0, preview: '什么时候发货呀' },
      { id: 'pdd-19d8aa02', name: '陈阿姨', waiting: false, unread: 0, preview: '收到了，谢谢' },
    ]);
  });

  test('identifies the open conversation and reads its messages; the robot counts as the shop', () => {
    expect(pinduoduo.currentConversationId(document)).toBe('pdd-7c31e0b4');
    expect(pinduoduo.buyerName(document)).toBe('快乐的小土豆');
    expect(pinduoduo.readThread(document)).toEqual([
      { id: '1001', from: 'system', kind: 'text', text: '机器人已为您转接人工客服' },
      { id: '1002', from: 'buyer', kind: 'text', text: '这个花生油是今年的新油吗' },
      { id: '1003', from: 'agent', kind: 'text', text: '亲，您好，本店商品均为近期生产，请放心购买~' },
      { id: '1004', from: 'agent', kind: 'text', text: '是的亲，10月份压榨的新油' },
      { id: '1005', from: 'buyer', kind: 'text', text: '好的，什么时候发货呀' },
    ]);
  });

  test('never reads orders: [] and the health check says orders are missing', () => {
    expect(pinduoduo.readOrders(document)).toEqual([]);
    expect(pinduoduo.health(document)).toEqual({
      conversations: true,
      messages: true,
      input: true,
      send: true,
      orders: false,
    });
    expect(summarizeHealth(pinduoduo.health(document))).toMatchObject({
      badge: '!',
      missing: ['orders'],
      text: '未找到订单信息。仍可用：话术建议（按买家意图，不含订单信息）、复制到输入框、一键发送。',
    });
  });

  test('fills the textarea through the page’s input events and sends with the send button', async () => {
    startPage();
    await expect(pinduoduo.setDraft(document, '亲，今天18点前发出哦')).resolves.toBe(true);
    expect(fixtureWindow.pddFixture?.draft()).toBe('亲，今天18点前发出哦');

    await expect(pinduoduo.send(document)).resolves.toBe(true);

    expect(pinduoduo.readThread(document).at(-1)).toMatchObject({ from: 'agent', text: '亲，今天18点前发出哦' });
    expect(pinduoduo.readDraft(document)).toBe('');
  });

  test('the watcher reports a new buyer message once, and never the history', () => {
    startPage();
    const seen: string[] = [];
    const controller = new AbortController();
    watchThread(
      document,
      pinduoduo,
      { onBuyerMessage: (_id, message) => seen.push(message.text), onConversationChange: () => {} },
      controller.signal,
    );
    fixtureWindow.pddFixture?.buyerSays('能发顺丰吗');
    return vi.waitFor(() => expect(seen).toEqual(['能发顺丰吗'])).finally(() => controller.abort());
  });
});

describe('拼多多 adapter on a page with only the fallback structures', () => {
  beforeEach(() => load('pinduoduo-fallback.html'));

  test('reads .chat-nickname rows, the wait from div.chat-time > p, the open row marked on the li', () => {
    expect(pinduoduo.conversations(document)).toEqual([
      { id: 'pdd-2b6f0d17', name: '晴天娃娃', waiting: true, unread: 0, waitingSeconds: 180, preview: '可以便宜点吗' },
      { id: 'pdd-90ce44a1', name: '老李头', waiting: false, unread: 0, preview: '我要退货' },
    ]);
    expect(pinduoduo.currentConversationId(document)).toBe('pdd-90ce44a1');
  });

  test('reads li.onemsg outside #msgListContainer, .cs-item as the shop, text in p.chat-message-content', () => {
    expect(pinduoduo.readThread(document)).toEqual([
      { id: '3001', from: 'buyer', kind: 'text', text: '鞋子有点挤脚，我要退货' },
      { id: '3002', from: 'agent', kind: 'text', text: '亲，支持7天无理由退货，您在订单里申请就可以哦' },
    ]);
  });

  test('without a send button, Enter sends and the message is confirmed in the thread', async () => {
    startPage();
    await pinduoduo.setDraft(document, '好的亲，已为您登记退货');
    await expect(pinduoduo.send(document)).resolves.toBe(true);
    expect(pinduoduo.readThread(document).at(-1)).toMatchObject({ from: 'agent', text: '好的亲，已为您登记退货' });
  });

  test('when the open row cannot be identified, messages are reported missing and nothing is read as new', () => {
    document.querySelector('li.chat-item.active')?.classList.remove('active');
    expect(pinduoduo.currentConversationId(document)).toBeNull();
    expect(pinduoduo.health(document).messages).toBe(false);
    expect(summarizeHealth(pinduoduo.health(document)).features.suggest).toBe(false);
  });
});
