/**
 * The one adapter: reads any chat page through its page definition (lib/pages/definition.ts). Nothing here knows
 * a particular page; 飞鸽, 拼多多, the demo workbench and every page a shop maps are definitions.
 *
 * Every function reads the definition in force at call time, so binding an override (bind) takes effect at once,
 * even for a send already under way. The thread is still read incrementally (ThreadReader, watchThread): this
 * adapter only reads the one message element it is given.
 */
import { onlyWaitTextsTicked, rowsContainer } from '@/lib/adapters/conversation-list';
import { defineAdapter, probe } from '@/lib/adapters/define';
import { composerControls, latestMessageFrom, queryAll, queryOne } from '@/lib/adapters/dom';
import {
  commonAncestor,
  isoFromShown,
  labelValue,
  leafTexts,
  padScroller,
  scrollableAncestor,
  squash,
  uniqueLeaf,
} from '@/lib/adapters/page-text';
import type { ConversationSummary, HostAdapter, MessageKind, MessageSender, ThreadMessage } from '@/lib/adapters/types';
import type { Order } from '@/lib/orders/types';
import {
  isSelectorVariant,
  mergeDefinition,
  type PageDefinition,
  type PageOverride,
  type PartName,
  type SelectorVariant,
  selectorsOf,
  type Variants,
} from '@/lib/pages/definition';
import { parseWaitText } from '@/lib/waiting/duration';

const KINDS: readonly MessageKind[] = ['text', 'order-card', 'order-confirm'];
const SIDES = [
  ['system', 'systemMessage'],
  ['agent', 'agentMessage'],
  ['buyer', 'buyerMessage'],
] as const satisfies readonly (readonly [MessageSender, PartName])[];

const regexes = new Map<string, RegExp>();
/** A regular expression from a definition, compiled once per source and flags. */
function regex(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let compiled = regexes.get(key);
  if (!compiled) {
    compiled = new RegExp(source, flags);
    regexes.set(key, compiled);
  }
  return compiled;
}

/** A definition's pattern anchored to the whole text (leaf variants). */
const whole = (pattern: string) => regex(`^(?:${pattern})$`);

/** The element itself when it matches, else its first descendant that does. */
function within(scope: ParentNode, selector: string): HTMLElement | null {
  if (scope instanceof Element && scope.matches(selector)) return scope as HTMLElement;
  return scope.querySelector<HTMLElement>(selector);
}

/** The first element a part's selector variants find in `scope`, with the variant that found it. */
function find(scope: ParentNode, variants: Variants | undefined): { el: HTMLElement; variant: SelectorVariant } | null {
  for (const variant of variants ?? []) {
    if (!isSelectorVariant(variant)) continue;
    const el = within(scope, variant.selector);
    if (el) return { el, variant };
  }
  return null;
}

function findElement(scope: ParentNode, variants: Variants | undefined): HTMLElement | null {
  return find(scope, variants)?.el ?? null;
}

/** Every element matching any of the variants, in page order: groups and their headers, where all count. */
function findEvery(scope: ParentNode, variants: Variants | undefined): HTMLElement[] {
  const selector = selectorsOf(variants).join(',');
  return selector ? [...scope.querySelectorAll<HTMLElement>(selector)] : [];
}

/** The value a selector variant reads: the attribute or text, through its pattern. */
function selectorValue(el: Element, variant: SelectorVariant, multiline: boolean): string | undefined {
  const raw = variant.attribute ? el.getAttribute(variant.attribute) : el.textContent;
  let value = multiline ? (raw ?? '').trim() : squash(raw);
  if (variant.pattern) {
    const match = value.match(regex(variant.pattern));
    value = (match?.[1] ?? match?.[0] ?? '').trim();
  }
  return value || undefined;
}

/** The `time[datetime]` inside a labelled value, which says the time exactly where the text is shortened. */
function datetimeIn(el: Element): string | undefined {
  const time = el.matches('time[datetime]') ? el : el.querySelector('time[datetime]');
  return time?.getAttribute('datetime') ?? undefined;
}

/**
 * The value shown beside a label: the element after a leaf reading just the label (`<dt>付款时间</dt><dd>…</dd>`),
 * else the text after the label in the smallest element starting with it (`<div>实付金额 <b>¥89.00</b></div>`).
 */
function labelledValue(root: Element, label: string): string | undefined {
  for (const el of root.querySelectorAll('*')) {
    if (el.children.length > 0 || squash(el.textContent).replace(/[:：]$/, '') !== label) continue;
    const next = el.nextElementSibling;
    const value = next && (datetimeIn(next) ?? squash(next.textContent));
    if (value) return value;
  }
  return labelValue(root, label);
}

/**
 * A part's value in the first scope where a variant finds one, variant by variant (current variant first).
 * Text is squashed to one line unless `multiline` (a message's text keeps its lines).
 */
function readValue(scopes: readonly Element[], variants: Variants | undefined, multiline = false): string | undefined {
  for (const variant of variants ?? []) {
    for (const scope of scopes) {
      let value: string | undefined;
      if (isSelectorVariant(variant)) {
        const el = within(scope, variant.selector);
        value = el ? selectorValue(el, variant, multiline) : undefined;
      } else if ('label' in variant) value = labelledValue(scope, variant.label);
      else value = uniqueLeaf(scope, whole(variant.leaf));
      if (value) return value;
    }
  }
  return undefined;
}

/** A date-time read from the page as ISO 8601: a datetime attribute as it is, a shown one converted. */
function isoTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  return isoFromShown(value);
}

/** A short stable hash of a text, for ids derived from what a message shows. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** The adapter for `definition`; `bind` merges a shop's override over it, `bind(undefined)` restores it. */
export function createAdapter(definition: PageDefinition): HostAdapter {
  let page = definition;
  let override: PageOverride | undefined;
  const parts = () => page.parts;

  function composer(doc: Document): HTMLElement | null {
    return queryOne(doc, selectorsOf(parts().composer));
  }

  function sideOf(message: HTMLElement): MessageSender | null {
    for (const [from, part] of SIDES) if (findElement(message, parts()[part])) return from;
    return page.unmatchedMessages === 'system' ? 'system' : null;
  }

  /**
   * An id for a message on a page that shows none: its side, its text, and how many messages with the same text
   * come before it among its siblings. Only pages without a messageId part pay for that walk.
   */
  function derivedId(el: HTMLElement, from: MessageSender): string {
    const selector = selectorsOf(parts().message).join(',');
    let repeats = 0;
    for (let other = el.previousElementSibling; other; other = other.previousElementSibling) {
      if (other.matches(selector) && other.textContent === el.textContent) repeats++;
    }
    return `${from}:${hashText(el.textContent ?? '')}:${repeats}`;
  }

  /** A buyer's card without text that names exactly one order: an order card about it (definition.orderCards). */
  function orderCard(el: HTMLElement, id: string): ThreadMessage | null {
    const rule = page.orderCards;
    const text = el.textContent ?? '';
    if (!rule || !text.includes(rule.word)) return null;
    const numbers = new Set(text.match(regex(`(?<![0-9])(?:${rule.number})(?![0-9])`, 'g')) ?? []);
    const orderId = numbers.size === 1 ? [...numbers][0] : undefined;
    return orderId ? { id, from: 'buyer', kind: 'order-card', text: squash(text), orderId } : null;
  }

  function readMessage(el: HTMLElement): ThreadMessage | null {
    const from = sideOf(el);
    if (!from) return null;
    const idPart = parts().messageId;
    const shownId = idPart ? readValue([el], idPart) : undefined;
    if (idPart && !shownId) return null;
    const id = shownId ?? derivedId(el, from);
    if (from === 'system') {
      const text = readValue([el], parts().systemText, true) ?? squash(el.textContent);
      return text ? { id, from, kind: 'text', text } : null;
    }
    const text = readValue([el], parts().messageText, true);
    const shownKind = readValue([el], parts().messageKind) as MessageKind | undefined;
    const kind = shownKind && KINDS.includes(shownKind) ? shownKind : 'text';
    if (!text && kind === 'text') return from === 'buyer' ? orderCard(el, id) : null;
    const time = isoTime(readValue([el], parts().messageTime));
    const orderId = readValue([el], parts().messageOrderId);
    return {
      id,
      from,
      kind,
      text: text ?? '',
      ...(orderId ? { orderId } : {}),
      ...(time ? { time: Date.parse(time) } : {}),
    };
  }

  function messageElements(doc: Document): HTMLElement[] {
    const list = findElement(doc, parts().messageList);
    return queryAll(list ?? doc, selectorsOf(parts().message));
  }

  function readThread(doc: Document): ThreadMessage[] {
    return messageElements(doc)
      .map(readMessage)
      .filter((message): message is ThreadMessage => message !== null);
  }

  /** The block holding every message and the composer, when the definition names no thread element. */
  function threadRoot(doc: Document): Element | null {
    const named = findElement(doc, parts().thread);
    if (named) return named;
    const messages = messageElements(doc);
    const anchors = [messages[0]?.parentElement, messages.at(-1), composer(doc)].filter((node): node is HTMLElement =>
      Boolean(node),
    );
    if (anchors.length === 0) return null;
    if (anchors.length === 1) return anchors[0].parentElement;
    return commonAncestor(anchors);
  }

  // ── Conversation list ────────────────────────────────────────────────────────────────────────────

  function rows(doc: Document): HTMLElement[] {
    return queryAll(doc, selectorsOf(parts().conversationRow));
  }

  function rowName(row: Element): string | undefined {
    return readValue([row], parts().conversationName);
  }

  function rowId(row: Element): string | undefined {
    return readValue([row], parts().conversationId) ?? rowName(row);
  }

  function openRow(doc: Document): Element | null {
    const marked = findElement(doc, parts().openConversation);
    const rowSelector = selectorsOf(parts().conversationRow).join(',');
    return (rowSelector && marked?.closest(rowSelector)) || marked;
  }

  /** Whether the row shows its buyer waiting, and for how long when it says. */
  function waitOf(row: HTMLElement): { shown: boolean; seconds?: number } {
    const found = find(row, parts().conversationWait);
    if (found?.el.hidden) return { shown: false };
    if (found?.variant.attribute) {
      const seconds = Number.parseInt(found.el.getAttribute(found.variant.attribute) ?? '', 10);
      return Number.isFinite(seconds) && seconds >= 0 ? { shown: true, seconds } : { shown: true };
    }
    const shows = (text: string) => (page.waitText ? regex(page.waitText).test(text) : true);
    const text = found ? squash(found.el.textContent) : '';
    let waitText: string | undefined;
    if (text) waitText = shows(text) ? text : undefined;
    else if (page.waitInAnyLeaf && page.waitText) waitText = leafTexts(row).find(shows);
    if (waitText === undefined) return { shown: false };
    const seconds = parseWaitText(waitText);
    return seconds === undefined ? { shown: true } : { shown: true, seconds };
  }

  function unreadOf(row: HTMLElement): number {
    const badge = findElement(row, parts().conversationUnread);
    if (!badge || badge.hidden) return 0;
    const count = Number.parseInt(squash(badge.textContent), 10);
    // A badge without a number is a dot: at least one unread message.
    return Number.isFinite(count) && count > 0 ? count : 1;
  }

  /** Whether the row sits in a waiting group: inside one, or under a waiting group's header. */
  function inWaitingGroup(row: Element, groups: readonly Element[], labels: readonly Element[]): boolean {
    if (groups.some((group) => group.contains(row))) return true;
    const header = labels
      .filter((label) => label.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING)
      .at(-1);
    const waitingLabel = selectorsOf(parts().waitingGroupLabel).join(',');
    return Boolean(header && waitingLabel && header.matches(waitingLabel));
  }

  function readConversations(doc: Document): ConversationSummary[] {
    const groups = findEvery(doc, parts().waitingGroup);
    const labels = findEvery(doc, parts().groupLabel);
    const summaries: ConversationSummary[] = [];
    for (const row of rows(doc)) {
      const name = rowName(row);
      if (!name) continue;
      const wait = waitOf(row);
      const preview = readValue([row], parts().conversationPreview);
      summaries.push({
        id: readValue([row], parts().conversationId) ?? name,
        name,
        waiting: inWaitingGroup(row, groups, labels) || wait.shown,
        unread: unreadOf(row),
        ...(wait.seconds !== undefined ? { waitingSeconds: wait.seconds } : {}),
        ...(preview ? { preview } : {}),
      });
    }
    return summaries;
  }

  /**
   * Whether page changes only moved waiting timers on. Where the wait is read from an attribute the page keeps
   * out of conversationAttributes, any text change inside a timer is such a tick, settled by the changed node
   * alone (hundreds a second on a busy list); where it is read from the timer's text, the texts are compared.
   */
  function onlyWaitTimersTicked(records: readonly MutationRecord[]): boolean {
    const waitParts = parts().conversationWait ?? [];
    const byAttribute =
      waitParts.length > 0 && waitParts.every((variant) => isSelectorVariant(variant) && variant.attribute);
    if (!byAttribute) return onlyWaitTextsTicked(records);
    const timer = selectorsOf(waitParts).join(',');
    for (const record of records) {
      if (record.type === 'attributes') return false;
      const node = record.target;
      const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      if (!element?.closest(timer)) return false;
    }
    return true;
  }

  // ── Orders ───────────────────────────────────────────────────────────────────────────────────────

  function readOrder(item: HTMLElement): Order | null {
    const header = findElement(item, parts().orderHeader);
    const scopes = header ? [header, item] : [item];
    const id = readValue(scopes, parts().orderId);
    if (!id) return null;
    const fields: Omit<Order, 'id'> = {
      product: readValue(scopes, parts().orderProduct),
      amount: readValue(scopes, parts().orderAmount),
      status: readValue(scopes, parts().orderStatus),
      paidAt: isoTime(readValue(scopes, parts().orderPaidAt)),
      promiseShipBy: isoTime(readValue(scopes, parts().orderPromise)),
      courier: readValue(scopes, parts().orderCourier),
      trackingNo: readValue(scopes, parts().orderTracking),
    };
    const shown = Object.entries(fields).filter(([, value]) => value !== undefined);
    return { id, ...Object.fromEntries(shown) };
  }

  function orderItems(doc: Document): HTMLElement[] {
    return queryAll(doc, selectorsOf(parts().orderItem));
  }

  function readOrders(doc: Document): Order[] {
    const orders: Order[] = [];
    for (const item of orderItems(doc)) {
      const order = readOrder(item);
      if (order && !orders.some((known) => known.id === order.id)) orders.push(order);
    }
    return orders;
  }

  function findOrder(doc: Document, orderId: string): HTMLElement | undefined {
    return orderItems(doc).find((item) => readOrder(item)?.id === orderId);
  }

  // ── Composer and sending ─────────────────────────────────────────────────────────────────────────

  function currentConversationId(doc: Document): string | null {
    const shown = readValue([doc.documentElement], parts().openConversationId);
    if (shown) return shown;
    const row = openRow(doc);
    return (row && rowId(row)) || buyerName(doc) || null;
  }

  function buyerName(doc: Document): string | undefined {
    const shown = readValue([doc.documentElement], parts().buyerName);
    if (shown) return shown;
    const row = openRow(doc);
    return row ? rowName(row) : undefined;
  }

  function latestAgentMessage(doc: Document): ThreadMessage | undefined {
    return latestMessageFrom(doc, selectorsOf(parts().message).join(','), readMessage, 'agent');
  }

  /**
   * readDraft, setDraft and send through the insertion ladder (lib/adapters/editor-input.ts), which recognises a
   * textarea, a contenteditable element or a rich editor by the element itself. A send presses the send control, else
   * the definition's send keys; without either there is no way to send, and send() says so.
   */
  const controls = composerControls({
    composer,
    sendButton: (doc) => findElement(doc, parts().sendButton),
    get sendKey() {
      return page.sendKeys === 'Ctrl+Enter' ? 'ctrl-enter' : 'enter';
    },
    latestAgentMessage,
    threadRoot: (doc) => findElement(doc, parts().messageList) ?? threadRoot(doc),
  });
  const canSend = (doc: Document) =>
    findElement(doc, parts().sendButton) !== null || (Boolean(page.sendKeys) && composer(doc) !== null);

  /** The scroller holding the thread, looked up again only once it has left the page. */
  let scroller: HTMLElement | null = null;

  const adapter: HostAdapter = {
    id: definition.id,
    matches: definition.matches,
    definition: () => page,
    bind(next?: PageOverride) {
      override = next;
      page = mergeDefinition(definition, next);
      scroller = null;
    },
    bound: () => override,

    detect: (doc) => findElement(doc, parts().detect) !== null,
    threadRoot,
    currentConversationId,
    buyerName,
    readThread,
    messageSelector: () => selectorsOf(parts().message).join(','),
    readMessage,
    readOrders,

    composer,
    composerArea(doc) {
      const area = findElement(doc, parts().composerArea);
      if (area) return area;
      const input = composer(doc);
      const button = findElement(doc, parts().sendButton);
      if (!input || !button) return input;
      const common = commonAncestor([input, button]);
      return common instanceof HTMLElement && common !== doc.body ? common : input;
    },
    readDraft: controls.readDraft,
    setDraft: controls.setDraft,
    send: (doc) => (canSend(doc) ? controls.send(doc) : Promise.resolve(false)),
    reserveThreadSpace(doc, px) {
      if (!scroller?.isConnected || scroller.ownerDocument !== doc) {
        scroller = findElement(doc, parts().messageList) ?? scrollableAncestor(messageElements(doc).at(-1) ?? null);
      }
      padScroller(scroller, px);
    },

    conversations: readConversations,
    conversationList: (doc) => rowsContainer(rows(doc)),
    onlyWaitTimersTicked,
    conversationAttributes: definition.conversationAttributes ?? null,
    openConversation(doc, id) {
      const row = rows(doc).find((candidate) => rowId(candidate) === id);
      if (!row) return false;
      (findElement(row, parts().conversationClick) ?? row).click();
      row.scrollIntoView?.({ block: 'nearest' });
      return true;
    },

    health: (doc) => ({
      conversations: probe(() => readConversations(doc).length > 0),
      messages: probe(
        () => currentConversationId(doc) !== null && readThread(doc).some((message) => message.from !== 'system'),
      ),
      input: probe(() => composer(doc) !== null),
      // Where keys send, the composer is enough; a send counts only once the message shows either way.
      send: probe(() => canSend(doc)),
      orders: probe(() => readOrders(doc).length > 0 || findElement(doc, parts().orderEmpty) !== null),
    }),

    actions: {
      ...(definition.actions?.includes('send_order_card')
        ? {
            send_order_card(doc: Document, orderId: string) {
              const item = findOrder(doc, orderId);
              const button = item && findElement(item, parts().orderSendCard);
              if (!button) return false;
              button.click();
              return true;
            },
          }
        : {}),
      ...(definition.actions?.includes('open_order')
        ? {
            open_order(doc: Document, orderId: string) {
              const item = findOrder(doc, orderId);
              if (!item) return false;
              item.click();
              item.scrollIntoView?.({ block: 'nearest' });
              return true;
            },
          }
        : {}),
    },
  };
  return defineAdapter(adapter);
}
