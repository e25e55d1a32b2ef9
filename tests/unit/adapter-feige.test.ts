// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { watchThread } from '@/lib/adapters/watch';
import { summarizeHealth } from '@/lib/pages/health';
import { feige } from '@/tests/unit/adapters';

interface FixturePage {
  buyerSays(text: string): string;
  draft(): string;
  agentTexts(): string[];
}

/** The fixture script's handle on window. */
const fixtureWindow = window as unknown as { feigeFixture?: FixturePage };

function load(name: string): void {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  fixtureWindow.feigeFixture = undefined;
}

/** Runs the fixture's inline script (innerHTML does not), which stands in for the page's own code. */
function startPage(): FixturePage {
  const script = [...document.querySelectorAll('script')].at(-1)?.textContent ?? '';
  new Function(script)();
  if (!fixtureWindow.feigeFixture) throw new Error('the fixture script did not start');
  return fixtureWindow.feigeFixture;
}

const textarea = () => document.querySelector('textarea') as HTMLTextAreaElement;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('飞鸽 adapter on the saved workspace (current selectors)', () => {
  beforeEach(() => load('feige-workspace.html'));

  test('recognises the page by its DOM', () => {
    expect(feige.detect(document)).toBe(true);
  });

  test('reads the conversation list with the waiting group, unread badges and each row’s last message', () => {
    expect(feige.conversations(document)).toEqual([
      {
        id: '橙子不酸',
        name: '橙子不酸',
        waiting: true,
        unread: 2,
        waitingSeconds: 120,
        preview: '我昨天就拍了，怎么还没发货',
      },
      { id: '阿杰同学', name: '阿杰同学', waiting: true, unread: 1, waitingSeconds: 45, preview: '在吗？能改地址吗' },
      { id: '小美爱吃鱼', name: '小美爱吃鱼', waiting: false, unread: 0, preview: '好的谢谢亲' },
      { id: '王女士', name: '王女士', waiting: false, unread: 0, preview: '[图片]' },
      { id: 'Lily_0923', name: 'Lily_0923', waiting: false, unread: 0, preview: '退款什么时候到账' },
    ]);
  });

  test('a row under another group still waits when its timer shows seconds, minutes or hours', () => {
    const timer = document.querySelectorAll('[class*="timerParticular"]')[2];
    timer.textContent = '5分钟';
    expect(feige.conversations(document)[2]).toMatchObject({ name: '小美爱吃鱼', waiting: true });
  });

  test('identifies the open conversation by the buyer in the header', () => {
    expect(feige.currentConversationId(document)).toBe('橙子不酸');
    expect(feige.buyerName(document)).toBe('橙子不酸');
  });

  test('reads buyer and agent bubbles, system lines and the buyer’s order card; skips images and product cards', () => {
    expect(feige.readThread(document)).toEqual([
      { id: '7439001_time', from: 'system', kind: 'text', text: '昨天 15:36' },
      { id: '7439002_CsAssign_1', from: 'system', kind: 'text', text: '客服 小鹿优选旗舰店-阿青 接入' },
      { id: '7439004', from: 'buyer', kind: 'text', text: '你好，这款纯棉T恤还有白色L码吗？' },
      { id: '7439005', from: 'agent', kind: 'text', text: '亲，白色L码有现货的，今天下单48小时内发出哦~' },
      {
        id: '7439006',
        from: 'buyer',
        kind: 'order-card',
        orderId: '6921847302918374651',
        text: '用户发来订单 订单号：6921847302918374651 小鹿优选 纯棉短袖T恤 白色 L ×1 待发货 实付 ¥89.00',
      },
      { id: '7439008', from: 'buyer', kind: 'text', text: '我昨天就拍了，怎么还没发货' },
      { id: '7439009', from: 'agent', kind: 'text', text: '亲，已经帮您催仓库了，请耐心等待一下哦' },
    ]);
  });

  test('reads orders from the order panel, and only collapse items that show one order number', () => {
    expect(feige.readOrders(document)).toEqual([
      {
        id: '6921847302918374651',
        product: '小鹿优选 纯棉短袖T恤 白色 L',
        amount: '¥89.00',
        status: '待发货',
        paidAt: '2026-11-23T20:15:42',
      },
      {
        id: '6921730945812063378',
        product: undefined,
        amount: undefined,
        status: '已签收',
        paidAt: undefined,
      },
    ]);
  });

  test('still reads order numbers and status when only the collapse headers are left', () => {
    for (const item of document.querySelectorAll('.ecom-collapse-item')) item.classList.remove('ecom-collapse-item');
    expect(feige.readOrders(document).map(({ id, status }) => ({ id, status }))).toEqual([
      { id: '6921847302918374651', status: '待发货' },
      { id: '6921730945812063378', status: '已签收' },
    ]);
  });

  test('an order panel showing two numbers in one order is not guessed from', () => {
    const header = document.querySelector('.ecom-collapse-header') as HTMLElement;
    header.insertAdjacentHTML('beforeend', '<div>6921847302918374652</div>');
    document.querySelectorAll('.ecom-collapse-item')[1].remove();
    expect(feige.readOrders(document)).toEqual([]);
    expect(feige.health(document).orders).toBe(false);
  });

  test('finds every part: the health check is all green', () => {
    expect(feige.health(document)).toEqual({
      conversations: true,
      messages: true,
      input: true,
      send: true,
      orders: true,
    });
  });

  test('the thread root holds every message and the composer; the composer area holds the send button', () => {
    const root = feige.threadRoot(document);
    expect(root?.querySelectorAll('[data-qa-id="qa-message-warpper"]').length).toBe(9);
    expect(root?.contains(textarea())).toBe(true);
    const area = feige.composerArea(document);
    expect(area?.contains(textarea())).toBe(true);
    expect(area?.querySelector('[data-qa-id="qa-send-message-button"]')).not.toBeNull();
  });

  test('setDraft goes through the native setter, so a React-like page’s state sees the text', async () => {
    const page = startPage();
    // Writing the property directly is what React ignores: the page's state stays empty.
    textarea().value = '直接赋值';
    textarea().dispatchEvent(new Event('input', { bubbles: true }));
    expect(page.draft()).toBe('');

    await expect(feige.setDraft(document, '亲，今天下午就给您发出哦')).resolves.toBe(true);
    expect(feige.readDraft(document)).toBe('亲，今天下午就给您发出哦');
    expect(page.draft()).toBe('亲，今天下午就给您发出哦');
  });

  test('send clicks the send div and resolves true once a new .messageIsMe bubble shows that text', async () => {
    const page = startPage();
    await feige.setDraft(document, '亲，今天下午就给您发出哦');

    await expect(feige.send(document)).resolves.toBe(true);

    expect(page.agentTexts().at(-1)).toBe('亲，今天下午就给您发出哦');
    expect(textarea().value).toBe('');
    expect(feige.readThread(document).at(-1)).toMatchObject({ from: 'agent', text: '亲，今天下午就给您发出哦' });
  });

  test('send resolves false when no bubble appears in time, and with an empty composer', async () => {
    // No page script: clicking the send div does nothing.
    await expect(feige.setDraft(document, '亲，在的')).resolves.toBe(true);
    vi.useFakeTimers();
    try {
      let sent: boolean | undefined;
      void feige.send(document).then((result) => {
        sent = result;
      });
      await vi.advanceTimersByTimeAsync(2900);
      expect(sent).toBeUndefined();
      await vi.advanceTimersByTimeAsync(200);
      expect(sent).toBe(false);
    } finally {
      vi.useRealTimers();
    }
    await feige.setDraft(document, '   ');
    await expect(feige.send(document)).resolves.toBe(false);
  });

  test('the watcher reports a new buyer bubble once, and never the history', () => {
    const page = startPage();
    const seen: string[] = [];
    const controller = new AbortController();
    watchThread(
      document,
      feige,
      { onBuyerMessage: (_id, message) => seen.push(message.text), onConversationChange: () => {} },
      controller.signal,
    );
    expect(seen).toEqual([]);
    page.buyerSays('亲，什么时候发货呀');
    return vi.waitFor(() => expect(seen).toEqual(['亲，什么时候发货呀'])).finally(() => controller.abort());
  });
});

describe('飞鸽 adapter on a page with only the fallback structures', () => {
  beforeEach(() => load('feige-fallback.html'));

  test('reads rows by data-kora, names from NameContent, the wait from bare text, a dot badge as 1 unread', () => {
    expect(feige.detect(document)).toBe(true);
    // The preview here has no msgContent class: it is not read (no selector guesses among the row's texts).
    expect(feige.conversations(document)).toEqual([
      { id: '阿杰同学', name: '阿杰同学', waiting: true, unread: 1, waitingSeconds: 180 },
      { id: '小美爱吃鱼', name: '小美爱吃鱼', waiting: false, unread: 0 },
    ]);
  });

  test('takes the buyer from the textarea’s placeholder and the sides from the rows’ layout', () => {
    expect(feige.currentConversationId(document)).toBe('阿杰同学');
    expect(feige.readThread(document)).toEqual([
      { id: '8120001_CsAssign_1', from: 'system', kind: 'text', text: '客服 小鹿优选旗舰店-阿青 接入' },
      { id: '8120002', from: 'buyer', kind: 'text', text: '在吗？我想改一下收货地址' },
      { id: '8120003', from: 'agent', kind: 'text', text: '亲，在的，请把新地址发给我哦' },
    ]);
  });

  test('an order number inside a sentence is not read: no orders, and the health check says so', () => {
    expect(feige.readOrders(document)).toEqual([]);
    // Without its button, Enter sends here (the definition's sendKeys), so sending still counts as found.
    expect(feige.health(document)).toEqual({
      conversations: true,
      messages: true,
      input: true,
      send: true,
      orders: false,
    });
    expect(summarizeHealth(feige.health(document)).text).toBe(
      '未找到订单信息。仍可用：话术建议（按买家意图，不含订单信息）、复制到输入框、一键发送。',
    );
  });

  test('without the send button, send presses Enter and still waits for the bubble', async () => {
    startPage();
    await feige.setDraft(document, '好的亲，请把新地址发我');
    await expect(feige.send(document)).resolves.toBe(true);
    expect(feige.readThread(document).at(-1)).toMatchObject({ from: 'agent', text: '好的亲，请把新地址发我' });
  });
});

describe('飞鸽 adapter on a page that is not there', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '<head></head><body><p>登录飞鸽客服系统</p></body>';
  });

  test('every part reads as missing; nothing throws', async () => {
    expect(feige.detect(document)).toBe(false);
    expect(feige.threadRoot(document)).toBeNull();
    expect(feige.currentConversationId(document)).toBeNull();
    expect(feige.buyerName(document)).toBeUndefined();
    expect(feige.readThread(document)).toEqual([]);
    expect(feige.readOrders(document)).toEqual([]);
    expect(feige.conversations(document)).toEqual([]);
    expect(feige.composer(document)).toBeNull();
    expect(feige.composerArea(document)).toBeNull();
    expect(feige.readDraft(document)).toBe('');
    await expect(feige.setDraft(document, '你好')).resolves.toBe(false);
    await expect(feige.send(document)).resolves.toBe(false);
    const before = document.documentElement.outerHTML;
    feige.reserveThreadSpace(document, 120);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(Object.values(feige.health(document)).some(Boolean)).toBe(false);
    expect(summarizeHealth(feige.health(document)).badge).toBe('×');
  });
});
