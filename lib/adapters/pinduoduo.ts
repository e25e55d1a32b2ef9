/**
 * 拼多多 merchant chat, https://mms.pinduoduo.com/chat-merchant/#/ (secondary to 飞鸽).
 *
 * Built from public automation code for the page (2025–2026: a Plasmo extension calibrated on the
 * live page, a Python RPA adapter with its tests, a session-list scanner) and the notes;
 * tested on saved pages reproducing them (tests/fixtures/pinduoduo-*.html). Current variant first,
 * then fallbacks, each with its source. No public source shows the order panel, so orders are never
 * read here: readOrders() is [] and the health check says so. Nothing outside this file knows these.
 */

import { onlyWaitTextsTicked, rowsContainer } from '@/lib/adapters/conversation-list';
import { defineAdapter, probe } from '@/lib/adapters/define';
import { latestMessageFrom, queryAll, queryFirst, queryOne, textareaComposer, textOf } from '@/lib/adapters/dom';
import { commonAncestor, listPadding, scrollableAncestor, squash, threadPadding } from '@/lib/adapters/page-text';
import type { ConversationSummary, HostAdapter, MessageSender, ThreadMessage } from '@/lib/adapters/types';
import { pinduoduoPage } from '@/lib/pages/pinduoduo';
import { copySelectors } from '@/lib/pages/types';
import { parseWaitText } from '@/lib/waiting/duration';

/** A private copy: selector overrides are bound into it in place (lib/adapters/overrides.ts). */
const SELECTORS = copySelectors(pinduoduoPage.selectors);

/** A row time showing the buyer is waiting: "45秒", "3分钟", "50秒后超时". */
const WAIT_TIME = /^\d+\s*(秒|分钟)/;

function composer(doc: Document): HTMLTextAreaElement | null {
  return queryOne<HTMLTextAreaElement>(doc, SELECTORS.composer);
}

function rowName(row: Element): string | undefined {
  return textOf(row, SELECTORS.conversationName);
}

function rowId(row: Element): string | undefined {
  const box = row.matches(SELECTORS.conversationBox.join(',')) ? row : queryFirst(row, SELECTORS.conversationBox);
  return box?.getAttribute('data-random')?.trim() || undefined;
}

function openRow(doc: Document): Element | null {
  const marked = queryFirst(doc, SELECTORS.openConversation);
  return marked?.closest(SELECTORS.conversationRow.join(',')) ?? marked;
}

function readMessage(row: HTMLElement): ThreadMessage | null {
  const id = queryFirst(row, SELECTORS.messageIndex)?.getAttribute('index')?.trim();
  if (!id) return null;
  let from: MessageSender | null = null;
  if (queryFirst(row, SELECTORS.systemItem)) from = 'system';
  else if (queryFirst(row, SELECTORS.buyerItem)) from = 'buyer';
  else if (queryFirst(row, SELECTORS.agentItem) || queryFirst(row, SELECTORS.robotItem)) from = 'agent';
  if (!from) return null;
  const text =
    from === 'system'
      ? (textOf(row, SELECTORS.systemText) ?? squash(row.textContent))
      : queryFirst(row, SELECTORS.messageText)?.textContent?.trim();
  return text ? { id, from, kind: 'text', text } : null;
}

function readThread(doc: Document): ThreadMessage[] {
  return queryAll(doc, SELECTORS.message)
    .map(readMessage)
    .filter((message): message is ThreadMessage => message !== null);
}

function readConversations(doc: Document): ConversationSummary[] {
  const waitingGroups = queryAll(doc, SELECTORS.waitingGroup);
  const rows: ConversationSummary[] = [];
  for (const row of queryAll(doc, SELECTORS.conversationRow)) {
    const name = rowName(row);
    if (!name) continue;
    const time = textOf(row, SELECTORS.conversationTime);
    const waitShown = time ? WAIT_TIME.test(time) : false;
    // "50秒后超时" is a countdown and gives no waiting time; "3分钟" does.
    const waitingSeconds = waitShown ? parseWaitText(time) : undefined;
    // No public source shows a sender on the preview: whether it is the buyer's is told by the row waiting.
    const preview = squash(queryFirst(row, SELECTORS.conversationPreview)?.textContent);
    rows.push({
      id: rowId(row) ?? name,
      name,
      waiting: waitingGroups.some((group) => group.contains(row)) || waitShown,
      // No public source shows the unread badge's markup.
      unread: 0,
      ...(waitingSeconds !== undefined ? { waitingSeconds } : {}),
      ...(preview ? { preview } : {}),
    });
  }
  return rows;
}

function latestAgentMessage(doc: Document): ThreadMessage | undefined {
  return latestMessageFrom(doc, SELECTORS.message.join(','), readMessage, 'agent');
}

function currentConversationId(doc: Document): string | null {
  const row = openRow(doc);
  return (row && (rowId(row) ?? rowName(row))) ?? null;
}

export const pinduoduo: HostAdapter = defineAdapter({
  id: 'pinduoduo',
  matches: pinduoduoPage.matches,
  selectors: SELECTORS,

  detect: (doc) => Boolean(queryFirst(doc, [SELECTORS.composer[0], SELECTORS.message[0]])),

  threadRoot(doc) {
    const messages = queryAll(doc, SELECTORS.message);
    const list = messages[0]?.parentElement ?? null;
    const input = composer(doc);
    if (list && input) return commonAncestor([list, input]);
    return list ?? input?.parentElement ?? null;
  },

  currentConversationId,

  buyerName(doc) {
    const row = openRow(doc);
    return row ? rowName(row) : undefined;
  },

  readThread,
  messageSelector: () => SELECTORS.message.join(','),
  readMessage,

  // No public source shows 拼多多's order panel: orders are never read, never guessed.
  readOrders: () => [],

  conversations: readConversations,
  conversationList: (doc) => rowsContainer(queryAll(doc, SELECTORS.conversationRow)),
  // A row's timer text ("3分钟") counting up changes nothing the list reports but the seconds.
  onlyWaitTimersTicked: onlyWaitTextsTicked,
  // Which attributes the page's markup changes is not known: every one is observed.
  conversationAttributes: null,

  openConversation(doc, id) {
    const row = queryAll(doc, SELECTORS.conversationRow).find((item) => (rowId(item) ?? rowName(item)) === id);
    if (!row) return false;
    // The page listens on the row's box when it has one.
    const box = row.matches(SELECTORS.conversationBox.join(',')) ? row : queryFirst(row, SELECTORS.conversationBox);
    (box ?? row).click();
    return true;
  },

  composer,

  composerArea(doc) {
    const input = composer(doc);
    if (!input) return null;
    return queryFirst(doc, SELECTORS.composerArea) ?? input;
  },

  ...textareaComposer({
    composer,
    sendButton: (doc) => queryFirst(doc, SELECTORS.sendButton),
    latestAgentMessage,
    threadRoot: (doc) => pinduoduo.threadRoot(doc),
  }),

  reserveThreadSpace: threadPadding((doc) => scrollableAncestor(queryAll(doc, SELECTORS.message).at(-1) ?? null)),
  reserveListSpace: listPadding((doc) => scrollableAncestor(queryFirst(doc, SELECTORS.conversationRow))),

  health: (doc) => ({
    conversations: probe(() => readConversations(doc).length > 0),
    messages: probe(
      () => currentConversationId(doc) !== null && readThread(doc).some((message) => message.from !== 'system'),
    ),
    input: probe(() => composer(doc) !== null),
    // Enter always sends here, so the send part is the input plus Enter when the button is not found.
    send: probe(() => queryFirst(doc, SELECTORS.sendButton) !== null || composer(doc) !== null),
    orders: false,
  }),

  actions: {},
});
