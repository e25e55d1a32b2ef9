/**
 * The bundled merchant workbench (demo/), a stand-in for Douyin 飞鸽 that every e2e test drives.
 * Its DOM is documented in demo/README.md; the selectors below are the only place that knows it.
 */

import { rowsContainer } from '@/lib/adapters/conversation-list';
import { defineAdapter, probe } from '@/lib/adapters/define';
import {
  datetimeOf,
  latestMessageFrom,
  queryAll,
  queryFirst,
  queryOne,
  sendAndConfirm,
  setEditableText,
  textOf,
} from '@/lib/adapters/dom';
import { listPadding, padScroller, scrollableAncestor, squash } from '@/lib/adapters/page-text';
import type { ConversationSummary, HostAdapter, MessageKind, MessageSender, ThreadMessage } from '@/lib/adapters/types';
import type { Order } from '@/lib/orders/types';
import { demoWorkbenchPage } from '@/lib/pages/demo-workbench';
import { copySelectors } from '@/lib/pages/types';

/** A private copy: selector overrides are bound into it in place (lib/adapters/overrides.ts). */
const SELECTORS = copySelectors(demoWorkbenchPage.selectors);

const SENDERS: readonly MessageSender[] = ['buyer', 'agent', 'system'];
const KINDS: readonly MessageKind[] = ['text', 'order-card', 'order-confirm'];

function readMessage(el: HTMLElement): ThreadMessage | null {
  const id = el.dataset.msgId;
  const from = el.dataset.from as MessageSender;
  if (!id || !SENDERS.includes(from)) return null;
  const kind = KINDS.includes(el.dataset.kind as MessageKind) ? (el.dataset.kind as MessageKind) : 'text';
  const time = datetimeOf(el, SELECTORS.messageTime);
  return {
    id,
    from,
    kind,
    text: textOf(el, SELECTORS.messageText) ?? '',
    orderId: el.dataset.orderId || undefined,
    time: time ? Date.parse(time) : undefined,
  };
}

function readOrder(el: HTMLElement): Order {
  return {
    id: el.dataset.orderId ?? '',
    product: textOf(el, SELECTORS.orderProduct),
    amount: textOf(el, SELECTORS.orderAmount),
    status: textOf(el, SELECTORS.orderStatus),
    paidAt: datetimeOf(el, SELECTORS.orderPaidAt),
    promiseShipBy: datetimeOf(el, SELECTORS.orderPromise),
    courier: textOf(el, SELECTORS.orderCourier),
    trackingNo: textOf(el, SELECTORS.orderTracking),
  };
}

function findOrder(doc: Document, orderId: string): HTMLElement | null {
  return queryAll(doc, SELECTORS.orderItem).find((el) => el.dataset.orderId === orderId) ?? null;
}

function readConversations(doc: Document): ConversationSummary[] {
  return queryAll(doc, SELECTORS.conversationRow).map((row) => {
    const unread = queryFirst(row, SELECTORS.conversationUnread);
    const wait = queryFirst(row, SELECTORS.conversationWait);
    const count = unread && !unread.hidden ? Number.parseInt(unread.textContent ?? '', 10) : 0;
    const waiting = Boolean(wait && !wait.hidden);
    const seconds = waiting ? Number.parseInt(wait?.dataset.waitSeconds ?? '', 10) : Number.NaN;
    // The workbench says who wrote the last message; only the buyer's is their preview.
    const last = queryFirst(row, SELECTORS.conversationPreview);
    const preview = last?.dataset.from === 'buyer' ? squash(last.textContent) : '';
    return {
      id: row.dataset.convId ?? '',
      name: textOf(row, SELECTORS.conversationName) ?? '',
      waiting,
      unread: Number.isFinite(count) ? count : 0,
      ...(Number.isFinite(seconds) && seconds >= 0 ? { waitingSeconds: seconds } : {}),
      ...(preview ? { preview } : {}),
    };
  });
}

/**
 * The workbench redraws every waiting row's timer each second: its seconds attribute and its text. Whether the buyer
 * waits is only the timer's `hidden` attribute (a wait that starts again hides and shows it), so a change of the
 * timer's text is a tick, and its seconds attribute is not observed (CONVERSATION_ATTRIBUTES). Checked by the changed
 * node alone, for the hundreds of such changes each second.
 */
/**
 * What readConversations reads from attributes: the row's id, whether the unread badge and the timer show, and who
 * wrote the last message.
 */
const CONVERSATION_ATTRIBUTES = ['data-conv-id', 'hidden', 'data-from'];

function onlyWaitTimersTicked(records: readonly MutationRecord[]): boolean {
  const timer = SELECTORS.conversationWait.join(',');
  for (const record of records) {
    if (record.type === 'attributes') return false;
    const node = record.target;
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (!element?.matches(timer)) return false;
  }
  return true;
}

export const demoWorkbench: HostAdapter = defineAdapter({
  id: 'demo-workbench',
  matches: demoWorkbenchPage.matches,
  selectors: SELECTORS,

  detect: (doc) => Boolean(queryFirst(doc, SELECTORS.thread) ?? queryOne(doc, SELECTORS.composer)),

  threadRoot: (doc) => queryFirst(doc, SELECTORS.thread),

  currentConversationId: (doc) => queryFirst(doc, SELECTORS.thread)?.dataset.convId ?? null,

  buyerName: (doc) => textOf(doc, SELECTORS.buyerName),

  readThread(doc) {
    const list = queryFirst(doc, SELECTORS.messageList);
    if (!list) return [];
    return queryAll(list, SELECTORS.message)
      .map(readMessage)
      .filter((message): message is ThreadMessage => message !== null);
  },

  messageSelector: () => SELECTORS.message.join(','),
  readMessage,

  readOrders: (doc) => queryAll(doc, SELECTORS.orderItem).map(readOrder),

  composer: (doc) => queryOne(doc, SELECTORS.composer),

  composerArea: (doc) => queryFirst(doc, SELECTORS.composerArea) ?? queryOne(doc, SELECTORS.composer),

  readDraft: (doc) => queryOne(doc, SELECTORS.composer)?.innerText.replace(/\n$/, '') ?? '',

  setDraft(doc, text) {
    const composer = queryOne(doc, SELECTORS.composer);
    if (!composer) return false;
    setEditableText(composer, text);
    return true;
  },

  send(doc) {
    const button = queryFirst(doc, SELECTORS.sendButton);
    const list = queryFirst(doc, SELECTORS.messageList);
    if (!button || !list) return Promise.resolve(false);
    return sendAndConfirm({
      text: demoWorkbench.readDraft(doc),
      latestAgentMessage: () => latestMessageFrom(doc, SELECTORS.message.join(','), readMessage, 'agent'),
      trigger: () => button.click(),
      root: list,
    });
  },

  conversations: readConversations,
  conversationList: (doc) => rowsContainer(queryAll(doc, SELECTORS.conversationRow)),
  onlyWaitTimersTicked,
  conversationAttributes: CONVERSATION_ATTRIBUTES,

  openConversation(doc, id) {
    const row = queryAll(doc, SELECTORS.conversationRow).find((item) => item.dataset.convId === id);
    if (!row) return false;
    row.click();
    row.scrollIntoView({ block: 'nearest' });
    return true;
  },

  health: (doc) => ({
    conversations: probe(() => readConversations(doc).length > 0),
    messages: probe(
      () =>
        demoWorkbench.currentConversationId(doc) !== null &&
        demoWorkbench.readThread(doc).some((message) => message.from !== 'system'),
    ),
    input: probe(() => queryOne(doc, SELECTORS.composer) !== null),
    send: probe(() => queryFirst(doc, SELECTORS.sendButton) !== null),
    orders: probe(() => demoWorkbench.readOrders(doc).length > 0 || queryFirst(doc, SELECTORS.orderEmpty) !== null),
  }),

  reserveThreadSpace: (doc, px) => padScroller(queryFirst(doc, SELECTORS.messageList), px),
  reserveListSpace: listPadding((doc) => scrollableAncestor(queryFirst(doc, SELECTORS.conversationRow))),

  actions: {
    send_order_card(doc, orderId) {
      const item = findOrder(doc, orderId);
      const button = item && queryFirst(item, SELECTORS.orderSendCard);
      if (!button) return false;
      button.click();
      return true;
    },
    open_order(doc, orderId) {
      const item = findOrder(doc, orderId);
      if (!item) return false;
      item.click();
      item.scrollIntoView({ block: 'nearest' });
      return true;
    },
  },
});
