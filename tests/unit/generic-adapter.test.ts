// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { createAdapter } from '@/lib/adapters/generic';
import type { ThreadMessage } from '@/lib/adapters/types';
import { watchThread } from '@/lib/adapters/watch';
import { checkPageDefinition, type PageDefinition } from '@/lib/pages/definition';

/**
 * A helpdesk none of the built-in pages resembles: sides by an attribute, no message ids, a textarea that sends on
 * Ctrl+Enter with no send button, order fields under labels in varying order and markup.
 */
const helpdesk = {
  id: 'helpdesk',
  label: { zh: '客服台', en: 'Helpdesk' },
  matches: ['https://desk.example.com/*'],
  composerKind: 'textarea',
  sendKeys: 'Ctrl+Enter',
  unmatchedMessages: 'skip',
  parts: {
    messageList: [{ selector: 'ol.timeline', evidence: 'test page' }],
    message: [{ selector: 'ol.timeline > li', evidence: 'test page' }],
    messageText: [{ selector: '.body', evidence: 'test page' }],
    buyerMessage: [{ selector: '[data-author="customer"]', evidence: 'test page' }],
    agentMessage: [{ selector: '[data-author="staff"]', evidence: 'test page' }],
    buyerName: [
      { selector: 'header[title]', attribute: 'title', pattern: '^与\\s*(.+?)\\s*的对话$', evidence: 'test page' },
    ],
    composer: [{ selector: 'textarea.reply', evidence: 'test page' }],
    conversationRow: [{ selector: 'nav li', evidence: 'test page' }],
    conversationName: [{ selector: '.who', evidence: 'test page' }],
    waitingGroup: [{ selector: 'nav ul.pending', evidence: 'test page' }],
    orderItem: [{ selector: 'aside section', evidence: 'test page' }],
    orderId: [{ label: '订单号', evidence: 'test page' }],
    orderAmount: [{ label: '实付金额', evidence: 'test page' }],
    orderPaidAt: [{ label: '付款时间', evidence: 'test page' }],
    orderStatus: [{ leaf: '已发货|待发货', evidence: 'test page' }],
    orderTracking: [{ label: '运单号', evidence: 'test page' }],
  },
} satisfies PageDefinition;

const PAGE = `
  <nav>
    <ul class="pending"><li><span class="who">小王</span></li></ul>
    <ul><li><span class="who">老李</span></li></ul>
  </nav>
  <main>
    <header title="与 小王 的对话">小王</header>
    <ol class="timeline">
      <li data-author="customer"><div class="body">在吗</div></li>
      <li data-author="staff"><div class="body">在的亲</div></li>
      <li data-author="bot"><div class="body">（系统消息）</div></li>
      <li data-author="customer"><div class="body">在吗</div></li>
    </ol>
    <textarea class="reply"></textarea>
  </main>
  <aside>
    <section>
      <dl><dt>付款时间</dt><dd><time datetime="2026-11-20T10:02:00">11-20 10:02</time></dd></dl>
      <p><span>订单号</span><span>A1001</span></p>
      <p>实付金额：¥12.00</p>
      <em>已发货</em>
      <dl><dt>运单号</dt><dd>SF123</dd></dl>
    </section>
    <section>
      <p>实付金额 <b>¥30.00</b></p>
      <p><span>订单号：</span><span>A1002</span></p>
      <p><span>付款时间</span><span>2026/11/21 08:30</span></p>
      <em>待发货</em>
    </section>
  </aside>`;

const adapter = createAdapter(helpdesk);

function startPage(): void {
  document.body.innerHTML = PAGE;
  // The page's own behaviour: Ctrl+Enter sends what the textarea holds (no send button).
  const reply = document.querySelector<HTMLTextAreaElement>('textarea.reply');
  reply?.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !event.ctrlKey || !reply.value.trim()) return;
    const item = document.createElement('li');
    item.dataset.author = 'staff';
    item.innerHTML = '<div class="body"></div>';
    (item.firstElementChild as HTMLElement).textContent = reply.value;
    document.querySelector('ol.timeline')?.append(item);
    reply.value = '';
  });
}

afterEach(() => adapter.bind(undefined));

describe('the generic adapter on a page only its definition describes', () => {
  test('the definition passes the schema', () => {
    expect(checkPageDefinition(helpdesk).success).toBe(true);
  });

  test('tells the sides by an attribute rule, skips what it does not place, and derives ids that tell repeats apart', () => {
    startPage();
    const thread = adapter.readThread(document);
    expect(thread.map((message) => [message.from, message.text])).toEqual([
      ['buyer', '在吗'],
      ['agent', '在的亲'],
      ['buyer', '在吗'],
    ]);
    expect(new Set(thread.map((message) => message.id)).size).toBe(3);
    // The same message reads with the same id again.
    expect(adapter.readThread(document).map((message) => message.id)).toEqual(thread.map((message) => message.id));
  });

  test('reads the buyer from an attribute through the pattern; the name stands for the conversation', () => {
    startPage();
    expect(adapter.buyerName(document)).toBe('小王');
    expect(adapter.currentConversationId(document)).toBe('小王');
  });

  test('reads order fields by their labels, wherever and however each order shows them', () => {
    startPage();
    expect(adapter.readOrders(document)).toEqual([
      { id: 'A1001', amount: '¥12.00', paidAt: '2026-11-20T10:02:00', status: '已发货', trackingNo: 'SF123' },
      { id: 'A1002', amount: '¥30.00', paidAt: '2026-11-21T08:30:00', status: '待发货' },
    ]);
  });

  test('a row inside a waiting group waits; one outside does not', () => {
    startPage();
    expect(adapter.conversations(document)).toEqual([
      { id: '小王', name: '小王', waiting: true, unread: 0 },
      { id: '老李', name: '老李', waiting: false, unread: 0 },
    ]);
  });

  test('without a send button, send presses the definition’s Ctrl+Enter and waits for the message to show', async () => {
    startPage();
    expect(adapter.health(document).send).toBe(true);
    await expect(adapter.setDraft(document, '好的，马上处理')).resolves.toBe(true);
    await expect(adapter.send(document)).resolves.toBe(true);
    expect(adapter.readThread(document).at(-1)).toMatchObject({ from: 'agent', text: '好的，马上处理' });
  });

  test('the watcher reports a new buyer message once, even one repeating an earlier text', async () => {
    startPage();
    const seen: ThreadMessage[] = [];
    const lifetime = new AbortController();
    watchThread(
      document,
      adapter,
      { onBuyerMessage: (_id, message) => seen.push(message), onConversationChange() {} },
      lifetime.signal,
    );
    const item = document.createElement('li');
    item.dataset.author = 'customer';
    item.innerHTML = '<div class="body">在吗</div>';
    document.querySelector('ol.timeline')?.append(item);
    await new Promise((resolve) => setTimeout(resolve, 0));
    lifetime.abort();
    expect(seen.map((message) => message.text)).toEqual(['在吗']);
  });

  test('an override adds a way to find a part and changes a setting; unbinding restores the definition', () => {
    startPage();
    document.querySelector('textarea.reply')?.setAttribute('class', 'reply-2027');
    expect(adapter.health(document).input).toBe(false);
    adapter.bind({ parts: { composer: [{ selector: 'textarea.reply-2027' }] }, sendKeys: 'Enter' });
    expect(adapter.health(document).input).toBe(true);
    expect(adapter.definition().sendKeys).toBe('Enter');
    adapter.bind(undefined);
    expect(adapter.health(document).input).toBe(false);
    expect(adapter.definition()).toBe(helpdesk);
  });
});
