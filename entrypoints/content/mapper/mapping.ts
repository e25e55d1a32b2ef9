/**
 * The page mapper's model: what the admin picked for each part, and the page definition it makes. The admin clicks
 * elements; the selectors come from lib/pages/propose-selector.ts; widening and narrowing move a pick up or down
 * its ancestors. Everything is read from the live page on each call, so the checks show what the page shows now.
 */
import {
  ancestorAt,
  proposeRepeatedSelector,
  proposeSelector,
  proposeSenderRule,
  proposeWithin,
  repeatedUnit,
  type SelectorProposal,
  type SenderRule,
} from '@/lib/pages/propose-selector';

export const MAPPER_PARTS = [
  'messageList',
  'buyerMessage',
  'agentMessage',
  'composer',
  'sendButton',
  'buyerName',
  'conversationRow',
  'orderPanel',
] as const;
export type MapperPart = (typeof MAPPER_PARTS)[number];
/** Without these Huashu can neither read a buyer's message nor write a reply. */
export const REQUIRED_MAPPER_PARTS: readonly MapperPart[] = ['messageList', 'buyerMessage', 'agentMessage', 'composer'];

/** One pick: the element clicked, and how many steps above it the part is (widen +1, narrow −1). */
export interface Pick {
  clicked: Element;
  depth: number;
}
export type Picks = Partial<Record<MapperPart, Pick>>;

/** The order panel's fields, found by the labels Chinese shop pages show beside them rather than by position. */
const ORDER_LABELS = {
  orderId: '订单号',
  orderAmount: '实付金额',
  orderPaidAt: '付款时间',
  orderPromise: '承诺发货时间',
  orderCourier: '物流公司',
  orderTracking: '运单号',
} as const;

const EDITABLE = 'textarea, input[type="text"], input:not([type]), [contenteditable=""], [contenteditable="true"]';
const PRESSABLE = 'button, [role="button"], input[type="submit"], input[type="button"], a';
/** Markers the rich editors put on their editable root. */
const RICH_EDITOR = '[data-lexical-editor], [data-slate-editor], .ProseMirror, .ql-editor, .public-DraftEditor-content';

/**
 * A click, as the part it stands for: the input box is the editable element at or around the click, the send
 * button the control around it, a message its repeated unit in the list (the bubble, not the text inside).
 */
export function pickFor(part: MapperPart, clicked: Element, picks: Picks): Pick {
  if (part === 'composer') {
    const editable = clicked.closest(EDITABLE) ?? clicked.querySelector(EDITABLE) ?? clicked;
    return { clicked: editable, depth: 0 };
  }
  if (part === 'sendButton') return { clicked: clicked.closest(PRESSABLE) ?? clicked, depth: 0 };
  const list = picks.messageList && elementOf(picks.messageList);
  if ((part === 'buyerMessage' || part === 'agentMessage') && list?.contains(clicked) && list !== clicked) {
    return { clicked, depth: distance(clicked, repeatedUnit(clicked, list)) };
  }
  if (part === 'conversationRow') {
    return { clicked, depth: distance(clicked, repeatedUnit(clicked, clicked.ownerDocument.body)) };
  }
  return { clicked, depth: 0 };
}

function distance(from: Element, to: Element): number {
  let steps = 0;
  for (let node: Element | null = from; node && node !== to; node = node.parentElement) steps++;
  return steps;
}

export function elementOf(pick: Pick): Element {
  return ancestorAt(pick.clicked, pick.depth);
}

/** Moves a pick one step wider (its parent) or narrower (back toward the click). */
export function step(pick: Pick, direction: 'wider' | 'narrower'): Pick {
  if (direction === 'narrower') return { ...pick, depth: Math.max(0, pick.depth - 1) };
  const wider = { ...pick, depth: pick.depth + 1 };
  return elementOf(wider) === elementOf(pick) ? pick : wider;
}

/** A part's selector now, with how many elements of the page it matches. */
export interface PartProposal extends SelectorProposal {
  /** Whether the part is found as a page definition needs it: exactly one for single parts, some for repeated ones. */
  ok: boolean;
  /** For the buyer's and the agent's message: what tells that side's messages from the other's. */
  rule?: string;
}

export interface Mapping {
  parts: Partial<Record<MapperPart, PartProposal>>;
  /** The selector matching every message of the list (buyer's and agent's). */
  message: PartProposal | null;
  /** The message's text, relative to a message. */
  messageText: string;
  sender: SenderRule | null;
}

function single(proposal: SelectorProposal): PartProposal {
  return { ...proposal, ok: proposal.count === 1 };
}

/** Every selector the picks make, read from the page as it is now. */
export function mapPage(picks: Picks): Mapping {
  const parts: Mapping['parts'] = {};
  const list = picks.messageList && elementOf(picks.messageList);
  if (list) parts.messageList = single(proposeSelector(list));
  for (const part of ['composer', 'sendButton', 'buyerName', 'orderPanel'] as const) {
    const pick = picks[part];
    if (pick) parts[part] = single(proposeSelector(elementOf(pick)));
  }
  const row = picks.conversationRow && elementOf(picks.conversationRow);
  if (row?.parentElement) {
    const proposal = proposeRepeatedSelector(row, row.ownerDocument.body);
    parts.conversationRow = { ...proposal, ok: proposal.count >= 1 };
  }
  // A message is inside the list: widened up to the list or past it, it is shown as not found.
  const inList = (el: Element | undefined) => (el && list && list !== el && list.contains(el) ? el : undefined);
  for (const part of ['buyerMessage', 'agentMessage'] as const) {
    const pick = picks[part];
    if (pick && !inList(elementOf(pick))) parts[part] = { ...proposeSelector(elementOf(pick)), ok: false };
  }
  const buyer = inList(picks.buyerMessage && elementOf(picks.buyerMessage));
  const agent = inList(picks.agentMessage && elementOf(picks.agentMessage));
  let message: PartProposal | null = null;
  let messageText = '';
  let sender: SenderRule | null = null;
  if (list && buyer) {
    message = messageSelector(buyer, agent, list);
    messageText = textSelector(picks.buyerMessage as Pick, buyer, agent);
    parts.buyerMessage = { ...message, element: buyer };
  }
  if (list && agent && message) parts.agentMessage = { ...message, element: agent };
  if (buyer && agent && buyer !== agent) sender = proposeSenderRule(buyer, agent);
  const senderOk = sender !== null;
  if (parts.buyerMessage)
    Object.assign(parts.buyerMessage, { ok: parts.buyerMessage.ok && senderOk, rule: sender?.buyer });
  if (parts.agentMessage)
    Object.assign(parts.agentMessage, { ok: parts.agentMessage.ok && senderOk, rule: sender?.agent });
  return { parts, message, messageText, sender };
}

/** One selector for both sides' messages; two joined when no single one finds both. */
function messageSelector(buyer: Element, agent: Element | undefined, list: Element): PartProposal {
  const fromBuyer = proposeRepeatedSelector(buyer, list);
  if (!agent || agent.matches(fromBuyer.selector)) return { ...fromBuyer, ok: fromBuyer.count >= 1 };
  const fromAgent = proposeRepeatedSelector(agent, list);
  if (buyer.matches(fromAgent.selector)) return { ...fromAgent, ok: fromAgent.count >= 1 };
  const both = `${fromBuyer.selector}, ${fromAgent.selector}`;
  const count = buyer.ownerDocument.querySelectorAll(both).length;
  return { selector: both, count, element: buyer, ok: count >= 1 };
}

/** The text inside a message: what the admin clicked in the buyer's message, when the agent's has the same. */
function textSelector(pick: Pick, buyer: Element, agent: Element | undefined): string {
  const inner = proposeWithin(buyer, pick.clicked);
  if (!inner) return ':scope';
  return !agent || agent.querySelector(inner) ? inner : ':scope';
}

/** Which side each message on the page reads as under the rule, in page order. */
export function markMessages(mapping: Mapping, doc: Document): { el: Element; side: 'buyer' | 'agent' | null }[] {
  if (!mapping.message) return [];
  const holds = (el: Element, rule: string) => el.matches(rule) || el.querySelector(rule) !== null;
  return Array.from(doc.querySelectorAll(mapping.message.selector)).map((el) => ({
    el,
    side: !mapping.sender
      ? null
      : holds(el, mapping.sender.agent)
        ? 'agent'
        : holds(el, mapping.sender.buyer)
          ? 'buyer'
          : null,
  }));
}

export function composerKindOf(composer: Element): 'textarea' | 'contenteditable' | 'rich' {
  if (composer.matches('textarea, input')) return 'textarea';
  return composer.closest(RICH_EDITOR) || composer.querySelector(RICH_EDITOR) ? 'rich' : 'contenteditable';
}

/**
 * The page definition the picks make, as plain data for the background to check and store; null until the required
 * parts are found and buyer and agent are told apart. The background sets the id and match patterns itself.
 */
export function definitionOf(
  mapping: Mapping,
  page: { id: string; pattern: string; host: string },
  today: string,
): Record<string, unknown> | null {
  const { parts, message, sender } = mapping;
  if (!message || !sender) return null;
  if (REQUIRED_MAPPER_PARTS.some((part) => !parts[part]?.ok)) return null;
  const evidence = (count: number) => `page mapper ${today}: matched ${count}`;
  const variant = (proposal: SelectorProposal) => [{ selector: proposal.selector, evidence: evidence(proposal.count) }];
  const composer = parts.composer as PartProposal;
  const definitionParts: Record<string, unknown> = {
    messageList: variant(parts.messageList as PartProposal),
    message: variant(message),
    messageText: [{ selector: mapping.messageText, evidence: evidence(message.count) }],
    buyerMessage: [{ selector: sender.buyer, evidence: `page mapper ${today}: the buyer message picked` }],
    agentMessage: [{ selector: sender.agent, evidence: `page mapper ${today}: the agent message picked` }],
    composer: variant(composer),
  };
  if (parts.sendButton?.ok) definitionParts.sendButton = variant(parts.sendButton);
  if (parts.buyerName?.ok) definitionParts.buyerName = variant(parts.buyerName);
  // A page with neither a conversation list nor a buyer name shows one conversation: the page's title names it.
  if (!parts.buyerName?.ok && !parts.conversationRow?.ok) {
    definitionParts.openConversationId = [{ selector: 'head > title', evidence: 'one conversation per page' }];
  }
  if (parts.conversationRow?.ok) definitionParts.conversationRow = variant(parts.conversationRow);
  if (parts.orderPanel?.ok) {
    definitionParts.orderItem = variant(parts.orderPanel);
    for (const [part, label] of Object.entries(ORDER_LABELS)) {
      definitionParts[part] = [{ label, evidence: `the label ${label}, as shop pages show it` }];
    }
  }
  return {
    id: page.id,
    label: { zh: page.host, en: page.host },
    matches: [page.pattern],
    composerKind: composerKindOf(composer.element),
    // Without a send button the page is sent to with Enter, as chat pages do.
    ...(!parts.sendButton?.ok && { sendKeys: 'Enter' }),
    // Date lines and notices between messages are neither side's.
    unmatchedMessages: 'skip',
    parts: definitionParts,
  };
}
