// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { ThreadReader } from '@/lib/adapters/thread-reader';
import type { HostAdapter } from '@/lib/adapters/types';
import { watchThread } from '@/lib/adapters/watch';
import { demoWorkbench } from '@/tests/unit/adapters';

const fixture = readFileSync(resolve(import.meta.dirname, '../fixtures/workbench.html'), 'utf8');

beforeEach(() => {
  document.documentElement.innerHTML = new DOMParser().parseFromString(fixture, 'text/html').documentElement.innerHTML;
});

function list(): HTMLElement {
  return document.querySelector('.msg-list') as HTMLElement;
}

function message(from: 'buyer' | 'agent', id: string, text: string): HTMLElement {
  const node = document.createElement('div');
  node.className = 'msg';
  Object.assign(node.dataset, { msgId: id, from, kind: 'text' });
  const body = document.createElement('div');
  body.className = 'msg-text';
  body.textContent = text;
  node.append(body);
  return node;
}

/** The demo adapter, counting how many message elements it reads. */
function countingAdapter() {
  const readMessage = vi.fn(demoWorkbench.readMessage);
  const adapter: HostAdapter = { ...demoWorkbench, readMessage };
  return { adapter, reads: () => readMessage.mock.calls.length };
}

/** Runs `change` and hands the page changes it made to the reader, as the watcher's observer would. */
function changes(reader: ThreadReader, change: () => void) {
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return reader.readChanges(records);
}

describe('ThreadReader', () => {
  test('reads the visible thread once, then only the message a change added, in a long thread', () => {
    for (let i = 0; i < 500; i++) list().append(message(i % 2 ? 'agent' : 'buyer', `old-${i}`, `旧消息 ${i}`));
    const { adapter, reads } = countingAdapter();
    const reader = new ThreadReader(document, adapter);
    expect(reader.readVisible()).toHaveLength(510);

    const before = reads();
    const added = changes(reader, () => list().append(message('buyer', 'new-1', '什么时候发货')));

    expect(added.map((item) => item.text)).toEqual(['什么时候发货']);
    expect(reads() - before).toBe(1);
  });

  test('reads each message of a block added at once, in thread order', () => {
    const reader = new ThreadReader(document, demoWorkbench);
    reader.readVisible();
    const block = document.createElement('div');
    block.append(message('buyer', 'a', '我要改地址'), message('buyer', 'b', '在吗'));
    expect(changes(reader, () => list().append(block)).map((item) => item.text)).toEqual(['我要改地址', '在吗']);
  });

  test('re-reads a message whose text the page fills in later, and keeps the new text', () => {
    const reader = new ThreadReader(document, demoWorkbench);
    reader.readVisible();
    const late = message('buyer', 'late', '');
    changes(reader, () => list().append(late));
    const changed = changes(reader, () => {
      (late.querySelector('.msg-text') as HTMLElement).textContent = '还没发货吗';
    });
    expect(changed).toMatchObject([{ id: 'late', text: '还没发货吗' }]);
    changes(reader, () => list().append(message('buyer', 'next', '好的')));
    expect(reader.earlierBuyerTexts('next', 5).at(-1)).toBe('还没发货吗');
  });

  test('the 5 earlier buyer texts come from what was read, even after the page dropped those nodes', () => {
    const reader = new ThreadReader(document, demoWorkbench);
    reader.readVisible();
    const texts = ['一', '二', '三', '四', '五', '六'];
    changes(reader, () => {
      for (const [i, text] of texts.entries()) list().append(message('buyer', `b${i}`, text));
      list().append(message('agent', 'a1', '亲，在的'));
    });
    // A virtualised list drops the nodes that scrolled far out of view.
    for (let i = 0; i < texts.length; i++) document.querySelector(`[data-msg-id="b${i}"]`)?.remove();
    changes(reader, () => list().append(message('buyer', 'ask', '还没发？')));

    expect(reader.earlierBuyerTexts('ask', 5)).toEqual(['二', '三', '四', '五', '六']);
  });

  test('older history loaded above the thread takes its place in order', () => {
    const reader = new ThreadReader(document, demoWorkbench);
    reader.readVisible();
    changes(reader, () => list().append(message('buyer', 'newest', '快递到哪了')));
    changes(reader, () => list().prepend(message('buyer', 'oldest', '我要改地址')));
    expect(reader.earlierBuyerTexts('newest', 5)[0]).toBe('我要改地址');
  });
});

describe('ThreadReader: has the buyer already said which order?', () => {
  test('not in a thread of texts; yes once an order card or a confirmation stands before the question', () => {
    list().replaceChildren(message('buyer', 't1', '你好'));
    const reader = new ThreadReader(document, demoWorkbench);
    reader.readVisible();
    changes(reader, () => list().append(message('buyer', 'q1', '什么时候发货')));
    expect(reader.settlesAnOrderBefore('q1')).toBe(false);

    const confirmation = message('buyer', 'c1', '是这个订单');
    Object.assign(confirmation.dataset, { kind: 'order-confirm', orderId: '6921847302918374651' });
    changes(reader, () => list().append(confirmation, message('buyer', 'q2', '还没发货吗')));
    expect(reader.settlesAnOrderBefore('q2')).toBe(true);
    // Only what stands before the question counts.
    expect(reader.settlesAnOrderBefore('q1')).toBe(false);
  });
});

describe('watchThread over the reader', () => {
  test('hands each new buyer message the earlier buyer texts, reading only the new messages', async () => {
    const { adapter, reads } = countingAdapter();
    const seen: { text: string; history: string[] }[] = [];
    const controller = new AbortController();
    watchThread(
      document,
      adapter,
      { onBuyerMessage: (_id, item, history) => seen.push({ text: item.text, history }), onConversationChange() {} },
      controller.signal,
    );
    const afterOpen = reads();
    list().append(message('buyer', 'n1', '我要改地址'));
    await new Promise((done) => setTimeout(done, 0));
    list().append(message('buyer', 'n2', '在吗'));
    await new Promise((done) => setTimeout(done, 0));
    controller.abort();

    expect(seen.map((item) => item.text)).toEqual(['我要改地址', '在吗']);
    expect(seen[1].history.at(-1)).toBe('我要改地址');
    expect(reads() - afterOpen).toBe(2);
  });

  test('a conversation switch reads the newly shown thread once and reports nothing from its history', async () => {
    const { adapter, reads } = countingAdapter();
    const opened: string[] = [];
    const buyers: string[] = [];
    const controller = new AbortController();
    watchThread(
      document,
      adapter,
      { onBuyerMessage: (_id, item) => buyers.push(item.text), onConversationChange: (id) => opened.push(id) },
      controller.signal,
    );
    const afterOpen = reads();
    const chat = document.querySelector('section.chat') as HTMLElement;
    chat.dataset.convId = 'c02';
    list().replaceChildren(message('buyer', 'c02-h1', '旧问题'), message('agent', 'c02-h2', '旧回答'));
    await new Promise((done) => setTimeout(done, 0));
    controller.abort();

    expect(opened).toEqual(['c01', 'c02']);
    expect(buyers).toEqual([]);
    expect(reads() - afterOpen).toBe(2);
  });
});
