// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { watchThread } from '@/lib/adapters/watch';
import { ORDER_STATUS_LABELS } from '@/lib/orders/types';
import { demoWorkbench } from '@/tests/unit/adapters';

const fixture = readFileSync(resolve(import.meta.dirname, '../fixtures/workbench.html'), 'utf8');

beforeEach(() => {
  document.documentElement.innerHTML = new DOMParser().parseFromString(fixture, 'text/html').documentElement.innerHTML;
});

function appendMessage(from: 'buyer' | 'agent', id: string, text: string) {
  const message = document.createElement('div');
  message.className = 'msg';
  Object.assign(message.dataset, { msgId: id, from, kind: 'text' });
  const body = document.createElement('div');
  body.className = 'msg-text';
  body.textContent = text;
  message.append(body);
  document.querySelector('.msg-list')?.append(message);
}

// A stand-in execCommand (below) never outlives its test.
afterEach(() => Reflect.deleteProperty(document, 'execCommand'));

describe('demo workbench adapter on a saved page', () => {
  test('reads the open conversation, buyer and thread', () => {
    expect(demoWorkbench.currentConversationId(document)).toBe('c01');
    expect(demoWorkbench.buyerName(document)).toBe('橙子不酸');
    const thread = demoWorkbench.readThread(document);
    expect(thread.length).toBeGreaterThan(3);
    expect(new Set(thread.map((m) => m.from))).toEqual(new Set(['buyer', 'agent', 'system']));
    expect(thread.find((m) => m.kind === 'order-card')?.orderId).toMatch(/^\d{19}$/);
    expect(thread.every((m) => m.time === undefined || Number.isFinite(m.time))).toBe(true);
  });

  test('reads the buyer’s orders with status labels and ISO times', () => {
    const orders = demoWorkbench.readOrders(document);
    expect(orders.length).toBe(3);
    for (const order of orders) {
      expect(order.id).toMatch(/^\d{19}$/);
      expect(ORDER_STATUS_LABELS).toContain(order.status);
      if (order.paidAt) expect(Number.isNaN(Date.parse(order.paidAt))).toBe(false);
    }
    const shipped = orders.find((o) => o.status === '运输中');
    expect(shipped?.courier).toBeTruthy();
    expect(shipped?.trackingNo).toBeTruthy();
    expect(orders.find((o) => o.status === '待发货')?.promiseShipBy).toBeTruthy();
  });

  test('writes the composer through the browser’s editing command, which announces it with an input event', async () => {
    // happy-dom has no execCommand: this stand-in does what a browser's insertText does to a plain contenteditable.
    document.execCommand = (command: string, _ui?: boolean, value?: string) => {
      const range = document.getSelection()?.getRangeAt(0);
      if (command !== 'insertText' || !range) return false;
      range.deleteContents();
      range.insertNode(document.createTextNode(value ?? ''));
      document.activeElement?.dispatchEvent(
        new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }),
      );
      return true;
    };
    const seen: string[] = [];
    demoWorkbench.composer(document)?.addEventListener('input', (event) => {
      seen.push((event.currentTarget as HTMLElement).textContent ?? '');
    });
    await expect(demoWorkbench.setDraft(document, '亲，马上为您发货')).resolves.toBe(true);
    expect(demoWorkbench.readDraft(document)).toBe('亲，马上为您发货');
    expect(seen.at(-1)).toBe('亲，马上为您发货');
  });

  test('an engine without editing commands leaves the composer as it was, and setDraft says so', async () => {
    const composer = demoWorkbench.composer(document);
    if (!composer) throw new Error('the fixture has a composer');
    composer.textContent = '我先写一半';
    await expect(demoWorkbench.setDraft(document, '亲，马上为您发货')).resolves.toBe(false);
    expect(demoWorkbench.readDraft(document)).toBe('我先写一半');
  });

  test('a page without the composer or thread gives empty answers, never throws', async () => {
    document.body.innerHTML = '<main>改版后的页面</main>';
    expect(demoWorkbench.currentConversationId(document)).toBeNull();
    expect(demoWorkbench.readThread(document)).toEqual([]);
    expect(demoWorkbench.readOrders(document)).toEqual([]);
    await expect(demoWorkbench.setDraft(document, '你好')).resolves.toBe(false);
  });

  test('the watcher reports only new buyer messages, once, never history or the agent’s', async () => {
    const controller = new AbortController();
    const buyerMessages: string[] = [];
    const agentMessages: string[] = [];
    watchThread(
      document,
      demoWorkbench,
      {
        onBuyerMessage: (_id, message) => buyerMessages.push(message.text),
        onAgentMessage: (_id, message) => agentMessages.push(message.text),
        onConversationChange: () => {},
      },
      controller.signal,
    );
    appendMessage('buyer', 'new-1', '什么时候发货');
    appendMessage('agent', 'new-2', '亲，今天发');
    await new Promise((resolve) => setTimeout(resolve, 0));
    // A re-render of the same messages must not report them again.
    const list = document.querySelector('.msg-list') as HTMLElement;
    list.replaceChildren(...[...list.children].map((node) => node.cloneNode(true)));
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(buyerMessages).toEqual(['什么时候发货']);
    expect(agentMessages).toEqual(['亲，今天发']);
    controller.abort();
    appendMessage('buyer', 'new-3', '在吗');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(buyerMessages).toEqual(['什么时候发货']);
  });
});
