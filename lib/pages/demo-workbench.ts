/**
 * The bundled merchant workbench (demo/), a stand-in for Douyin 飞鸽 that every e2e test drives. Its DOM is
 * documented in demo/README.md; this definition is the only place that knows it. The evidence is the workbench's
 * own source (demo/public/workbench.js), which this project writes.
 */
import type { PageDefinition } from '@/lib/pages/definition';
import { LOCAL_DEMO_MATCHES } from '@/lib/pages/matches';

const SOURCE = 'demo/public/workbench.js';

export const demoWorkbenchPage = {
  id: 'demo-workbench',
  label: { zh: '演示工作台', en: 'demo workbench' },
  matches: LOCAL_DEMO_MATCHES,
  // A contenteditable div by default; ?editor=textarea|lexical|slate|quill|tiptap swaps in that composer, which the
  // insertion ladder (lib/adapters/editor-input.ts) recognises by the element itself.
  composerKind: 'contenteditable',
  unmatchedMessages: 'skip',
  // The workbench redraws every waiting row's timer each second (its text and data-wait-seconds); whether the
  // buyer waits is only the timer's `hidden` attribute, so the timer's seconds attribute is not observed. data-from
  // says who wrote the row's preview.
  conversationAttributes: ['data-conv-id', 'hidden', 'data-from'],
  actions: ['send_order_card', 'open_order'],
  parts: {
    detect: [
      { selector: 'section.chat[data-conv-id]', evidence: SOURCE },
      { selector: '.composer-input[contenteditable="true"]', evidence: SOURCE },
    ],
    thread: [{ selector: 'section.chat[data-conv-id]', evidence: SOURCE }],
    messageList: [{ selector: '.msg-list', evidence: SOURCE }],
    openConversationId: [{ selector: 'section.chat[data-conv-id]', attribute: 'data-conv-id', evidence: SOURCE }],
    buyerName: [{ selector: '.chat-header .chat-buyer-name', evidence: SOURCE }],
    message: [{ selector: '.msg[data-msg-id]', evidence: SOURCE }],
    messageId: [{ selector: '[data-msg-id]', attribute: 'data-msg-id', evidence: SOURCE }],
    messageText: [{ selector: '.msg-text', evidence: SOURCE }],
    systemText: [{ selector: '.msg-text', evidence: SOURCE }],
    messageTime: [{ selector: 'time.msg-time', attribute: 'datetime', evidence: SOURCE }],
    messageKind: [{ selector: '[data-kind]', attribute: 'data-kind', evidence: SOURCE }],
    messageOrderId: [{ selector: '[data-order-id]', attribute: 'data-order-id', evidence: SOURCE }],
    systemMessage: [{ selector: '[data-from="system"]', evidence: SOURCE }],
    agentMessage: [{ selector: '[data-from="agent"]', evidence: SOURCE }],
    buyerMessage: [{ selector: '[data-from="buyer"]', evidence: SOURCE }],
    composer: [
      { selector: '.composer-input[contenteditable="true"]', evidence: SOURCE },
      { selector: '.composer textarea.composer-input', evidence: `${SOURCE}: ?editor=textarea, a plain textarea` },
      {
        selector: '.composer [data-lexical-editor="true"]',
        evidence: '?editor=lexical: Lexical sets data-lexical-editor on its root element (its documented DOM).',
      },
      {
        selector: '.composer [data-slate-editor="true"]',
        evidence: '?editor=slate: slate-react’s Editable renders data-slate-editor (its documented DOM).',
      },
      {
        selector: '.composer .ql-editor[contenteditable="true"]',
        evidence: '?editor=quill: Quill’s editable is .ql-editor (its documented DOM).',
      },
      {
        selector: '.composer .ProseMirror[contenteditable="true"]',
        evidence: '?editor=tiptap: ProseMirror’s (TipTap’s) editable is .ProseMirror (its documented DOM).',
      },
    ],
    composerArea: [{ selector: '.composer', evidence: SOURCE }],
    sendButton: [{ selector: '.composer-send', evidence: SOURCE }],
    conversationRow: [{ selector: 'ul.conv-list > li.conv-item[data-conv-id]', evidence: SOURCE }],
    conversationId: [{ selector: '[data-conv-id]', attribute: 'data-conv-id', evidence: SOURCE }],
    conversationName: [{ selector: '.conv-name', evidence: SOURCE }],
    conversationUnread: [{ selector: '.conv-unread', evidence: SOURCE }],
    conversationWait: [{ selector: '.conv-wait', attribute: 'data-wait-seconds', evidence: SOURCE }],
    conversationPreview: [
      {
        selector: '.conv-last[data-from="buyer"]',
        evidence: `${SOURCE}: the last message's text, its writer in data-from (demo/README.md); only the buyer's is their preview`,
      },
    ],
    orderItem: [{ selector: '.order-panel .order-item[data-order-id]', evidence: SOURCE }],
    orderEmpty: [{ selector: '.order-panel .order-empty', evidence: SOURCE }],
    orderId: [
      { label: '订单号', evidence: `${SOURCE}: renderOrderItem, the head's 订单号 label` },
      { selector: '[data-order-id]', attribute: 'data-order-id', evidence: SOURCE },
    ],
    orderProduct: [{ selector: '.order-product', evidence: SOURCE }],
    orderAmount: [{ selector: '.order-amount', evidence: `${SOURCE}: shown without a label` }],
    orderStatus: [{ selector: '.order-status', evidence: `${SOURCE}: shown without a label` }],
    orderPaidAt: [
      { label: '付款时间', evidence: `${SOURCE}: renderOrderItem's fields` },
      { selector: 'time.order-paid-at', attribute: 'datetime', evidence: SOURCE },
    ],
    orderPromise: [
      { label: '承诺发货时间', evidence: `${SOURCE}: renderOrderItem's fields` },
      { selector: 'time.order-promise', attribute: 'datetime', evidence: SOURCE },
    ],
    orderCourier: [
      { label: '物流公司', evidence: `${SOURCE}: renderOrderItem's fields` },
      { selector: '.order-courier', evidence: SOURCE },
    ],
    orderTracking: [
      { label: '运单号', evidence: `${SOURCE}: renderOrderItem's fields` },
      { selector: '.order-tracking', evidence: SOURCE },
    ],
    orderSendCard: [{ selector: '.order-send-card', evidence: SOURCE }],
  },
} satisfies PageDefinition;
