/**
 * 飞鸽 (Douyin shop customer service), https://im.jinritemai.com/pc_seller_v2/main/workspace.
 *
 * We cannot open the real page from here. Every selector below comes from public automation code
 * for it (2025–2026) and is tested on saved pages reproducing those structures
 * (tests/fixtures/feige-*.html). Each list is current variant first, then fallbacks; each variant
 * says where the evidence came from. The page's hashed class names (e.g. `iD7SHBvMhm4OhfCsBGr1`)
 * rotate every few weeks and are deliberately not used. Nothing outside this file knows these.
 */

import { onlyWaitTextsTicked, rowsContainer } from '@/lib/adapters/conversation-list';
import { defineAdapter, probe } from '@/lib/adapters/define';
import { latestMessageFrom, queryAll, queryFirst, queryOne, textareaComposer, textOf } from '@/lib/adapters/dom';
import {
  commonAncestor,
  isoFromShown,
  labelValue,
  leafTexts,
  listPadding,
  scrollableAncestor,
  squash,
  threadPadding,
  uniqueLeaf,
} from '@/lib/adapters/page-text';
import type { ConversationSummary, HostAdapter, MessageSender, ThreadMessage } from '@/lib/adapters/types';
import type { Order } from '@/lib/orders/types';
import { feigePage } from '@/lib/pages/feige';
import { copySelectors } from '@/lib/pages/types';
import { parseWaitText } from '@/lib/waiting/duration';

/** A private copy: selector overrides are bound into it in place (lib/adapters/overrides.ts). */
const SELECTORS = copySelectors(feigePage.selectors);

/** Order numbers on Douyin are 19 digits (every public source). */
const ORDER_NUMBER = /^\d{19}$/;
const ORDER_NUMBER_IN_TEXT = /(?<!\d)\d{19}(?!\d)/g;
/** Status labels an order header shows; the Order keeps the label as read. */
const ORDER_STATUS =
  /^(待支付|待付款|已付款|待发货|备货中|已发货|运输中|已收货|已签收|交易成功|已完成|售后中|退款中|退款成功|已退款|已取消|已关闭)(（[^）]*）)?$/;
/** Labels of the order panel's fields (calibrated public fixtures, the notes). */
const LABELS = { amount: '实付金额', paidAt: '付款时间' } as const;
/** A row timer showing how long the buyer has waited, e.g. "45秒", "3分钟", "1小时". */
const WAIT_TIME = /^\d+\s*(秒|分钟|小时)$/;
/** "发送给 买家昵称，使用Enter 发送消息" → 买家昵称. */
const PLACEHOLDER_NAME = /^发送给\s*(.+?)\s*[，,]/;

function composer(doc: Document): HTMLTextAreaElement | null {
  return queryOne<HTMLTextAreaElement>(doc, SELECTORS.composer);
}

function buyerName(doc: Document): string | undefined {
  const header = textOf(doc, SELECTORS.buyerName);
  if (header) return header;
  return composer(doc)?.placeholder.match(PLACEHOLDER_NAME)?.[1];
}

function sideByLayout(wrapper: Element): MessageSender {
  if (queryFirst(wrapper, SELECTORS.agentRow)) return 'agent';
  if (queryFirst(wrapper, SELECTORS.buyerRow)) return 'buyer';
  return 'system';
}

/** The one distinct 19-digit number in an element's text, or undefined. */
function uniqueOrderNumber(el: Element): string | undefined {
  const numbers = new Set(el.textContent?.match(ORDER_NUMBER_IN_TEXT) ?? []);
  return numbers.size === 1 ? [...numbers][0] : undefined;
}

function readMessage(wrapper: HTMLElement): ThreadMessage | null {
  const id = (wrapper.matches(SELECTORS.messageId.join(',')) ? wrapper : queryFirst(wrapper, SELECTORS.messageId))
    ?.getAttribute('data-id')
    ?.trim();
  if (!id) return null;
  const buyerBubble = queryFirst(wrapper, SELECTORS.buyerBubble);
  const agentBubble = buyerBubble ? null : queryFirst(wrapper, SELECTORS.agentBubble);
  const bubble = buyerBubble ?? agentBubble;
  const from: MessageSender = buyerBubble ? 'buyer' : agentBubble ? 'agent' : sideByLayout(wrapper);
  if (from === 'system') {
    const text = squash(wrapper.textContent);
    return text ? { id, from, kind: 'text', text } : null;
  }
  const pre = queryFirst(bubble ?? wrapper, SELECTORS.messageText);
  const text = (pre ?? bubble)?.textContent?.trim();
  if (text) return { id, from, kind: 'text', text };
  // No text bubble: images and product cards are skipped; a buyer's card naming one order is an order card.
  const orderId = from === 'buyer' && wrapper.textContent?.includes('订单') ? uniqueOrderNumber(wrapper) : undefined;
  return orderId ? { id, from, kind: 'order-card', text: squash(wrapper.textContent), orderId } : null;
}

function readThread(doc: Document): ThreadMessage[] {
  return queryAll(doc, SELECTORS.message)
    .map(readMessage)
    .filter((message): message is ThreadMessage => message !== null);
}

function readOrder(item: HTMLElement): Order | null {
  const header = item.matches(SELECTORS.orderHeader.join(',')) ? item : queryFirst(item, SELECTORS.orderHeader);
  // The number must stand alone in one element, and be the only one: never pick among several.
  const id = (header && uniqueLeaf(header, ORDER_NUMBER)) ?? uniqueLeaf(item, ORDER_NUMBER);
  if (!id) return null;
  return {
    id,
    product: textOf(item, SELECTORS.orderProduct),
    amount: labelValue(item, LABELS.amount),
    status: (header && uniqueLeaf(header, ORDER_STATUS)) ?? uniqueLeaf(item, ORDER_STATUS),
    paidAt: isoFromShown(labelValue(item, LABELS.paidAt)),
  };
}

function readOrders(doc: Document): Order[] {
  const orders: Order[] = [];
  for (const item of queryAll(doc, SELECTORS.orderItem)) {
    const order = readOrder(item);
    if (order && !orders.some((known) => known.id === order.id)) orders.push(order);
  }
  return orders;
}

/** A row belongs to the group whose header comes last before it; rows under a waiting group's header wait. */
function inWaitingGroup(row: Element, labels: readonly Element[]): boolean {
  const header = labels.filter((label) => label.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1);
  return Boolean(header?.matches(SELECTORS.waitingGroupLabel.join(',')));
}

function readConversations(doc: Document): ConversationSummary[] {
  const labels = queryAll(doc, SELECTORS.groupLabel);
  const rows: ConversationSummary[] = [];
  for (const row of queryAll(doc, SELECTORS.conversationRow)) {
    const name = rowName(row);
    if (!name) continue;
    const timer = textOf(row, SELECTORS.conversationTime);
    const waitText = timer
      ? WAIT_TIME.test(timer)
        ? timer
        : undefined
      : leafTexts(row).find((text) => WAIT_TIME.test(text));
    const waitShown = waitText !== undefined;
    const waitingSeconds = parseWaitText(waitText);
    const badge = queryFirst(row, SELECTORS.unreadBadge);
    const count = Number.parseInt(squash(badge?.textContent), 10);
    // The page marks no sender on the preview: whether it is the buyer's is told by the row waiting.
    const preview = squash(queryFirst(row, SELECTORS.conversationPreview)?.textContent);
    rows.push({
      id: name,
      name,
      waiting: inWaitingGroup(row, labels) || waitShown,
      unread: badge ? (Number.isFinite(count) && count > 0 ? count : 1) : 0,
      ...(waitingSeconds !== undefined ? { waitingSeconds } : {}),
      ...(preview ? { preview } : {}),
    });
  }
  return rows;
}

function rowName(row: Element): string | undefined {
  return (
    squash(queryFirst(row, SELECTORS.conversationName)?.getAttribute('title')) ||
    textOf(row, SELECTORS.conversationNameText)
  );
}

function conversationRow(doc: Document, name: string): HTMLElement | undefined {
  return queryAll(doc, SELECTORS.conversationRow).find((row) => rowName(row) === name);
}

/** The block holding every message and the composer; the watcher observes it. */
function threadRoot(doc: Document): Element | null {
  const messages = queryAll(doc, SELECTORS.message);
  const anchors = [messages[0], messages.at(-1), composer(doc)].filter((node): node is HTMLElement => Boolean(node));
  if (anchors.length === 0) return null;
  if (anchors.length === 1) return anchors[0].parentElement;
  return commonAncestor(anchors);
}

function latestAgentMessage(doc: Document): ThreadMessage | undefined {
  return latestMessageFrom(doc, SELECTORS.message.join(','), readMessage, 'agent');
}

export const feige: HostAdapter = defineAdapter({
  id: 'feige',
  matches: feigePage.matches,
  selectors: SELECTORS,

  detect: (doc) =>
    Boolean(queryFirst(doc, [...SELECTORS.message, SELECTORS.composer[0], SELECTORS.conversationRow[0]])),

  threadRoot,

  // The page shows no conversation id we know of; the buyer's name in the header stands for it.
  currentConversationId: (doc) => buyerName(doc) ?? null,

  buyerName,
  readThread,
  messageSelector: () => SELECTORS.message.join(','),
  readMessage,
  readOrders,
  conversations: readConversations,
  conversationList: (doc) => rowsContainer(queryAll(doc, SELECTORS.conversationRow)),
  // A row's timer text ("3分钟") counting up changes nothing the list reports but the seconds.
  onlyWaitTimersTicked: onlyWaitTextsTicked,
  // Which attributes the page's markup changes is not known: every one is observed.
  conversationAttributes: null,

  openConversation(doc, id) {
    // Rows carry no id we know of: the buyer's name stands for it (see currentConversationId).
    const row = conversationRow(doc, id);
    if (!row) return false;
    row.click();
    return true;
  },

  composer,

  composerArea(doc) {
    const input = composer(doc);
    const button = queryFirst(doc, SELECTORS.sendButton);
    if (!input) return null;
    if (!button) return input;
    const area = commonAncestor([input, button]);
    return area instanceof HTMLElement && area !== doc.body ? area : input;
  },

  ...textareaComposer({
    composer,
    sendButton: (doc) => queryFirst(doc, SELECTORS.sendButton),
    latestAgentMessage,
    threadRoot: threadRoot,
  }),

  reserveThreadSpace: threadPadding((doc) => scrollableAncestor(queryAll(doc, SELECTORS.message).at(-1) ?? null)),
  reserveListSpace: listPadding((doc) => scrollableAncestor(queryFirst(doc, SELECTORS.conversationRow))),

  health: (doc) => ({
    conversations: probe(() => readConversations(doc).length > 0),
    messages: probe(() => buyerName(doc) !== undefined && readThread(doc).some((message) => message.from !== 'system')),
    input: probe(() => composer(doc) !== null),
    send: probe(() => queryFirst(doc, SELECTORS.sendButton) !== null),
    orders: probe(() => readOrders(doc).length > 0),
  }),

  // No host-side actions are known for 飞鸽 yet: order cards and order opening stay disabled, with the reason.
  actions: {},
});
