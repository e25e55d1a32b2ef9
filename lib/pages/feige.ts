/**
 * 飞鸽 (Douyin shop customer service), https://im.jinritemai.com/pc_seller_v2/main/workspace.
 *
 * We cannot open the real page from here. Every variant below comes from public automation code for it
 * (2025–2026) and is tested on saved pages reproducing those structures (tests/fixtures/feige-*.html); each says
 * where its evidence came from. The page's hashed class names (e.g. `iD7SHBvMhm4OhfCsBGr1`) rotate every few
 * weeks and are deliberately not used. Nothing outside this file knows these.
 */
import type { PageDefinition } from '@/lib/pages/definition';
import { FEIGE_MATCHES } from '@/lib/pages/matches';

/** Status labels an order header shows; the order keeps the label as read. */
const ORDER_STATUS =
  '^(待支付|待付款|已付款|待发货|备货中|已发货|运输中|已收货|已签收|交易成功|已完成|售后中|退款中|退款成功|已退款|已取消|已关闭)(（[^）]*）)?$';
/** Order numbers on Douyin are 19 digits (every public source). */
const ORDER_NUMBER = '\\d{19}';

export const feigePage = {
  id: 'feige',
  label: { zh: '飞鸽', en: 'Feige' },
  matches: FEIGE_MATCHES,
  composerKind: 'textarea',
  // The composer's placeholder reads "发送给 买家昵称，使用Enter 发送消息" (calibrated public fixture, 2026).
  sendKeys: 'Enter',
  // Wrappers the bubble and layout rules don't place are the page's own notices ("客服 … 接入", times).
  unmatchedMessages: 'system',
  orderCards: {
    word: '订单',
    number: ORDER_NUMBER,
    evidence: 'A buyer’s order card shows "订单号：<19 digits>" with no text bubble (calibrated public fixture, 2026).',
  },
  // A row timer showing how long the buyer has waited, e.g. "45秒", "3分钟", "1小时" (Feige emulator notes, 2026-06).
  waitText: '^\\d+\\s*(秒|分钟|小时)$',
  waitInAnyLeaf: true,
  parts: {
    detect: [
      { selector: '[data-qa-id="qa-message-warpper"]', evidence: 'The message wrapper’s QA hook (below).' },
      { selector: 'textarea[data-qa-id="qa-send-message-textarea"]', evidence: 'The composer’s QA hook (below).' },
      { selector: '[data-qa-id="qa-conversation-chat-item"]', evidence: 'The conversation row’s QA hook (below).' },
    ],

    // ── Conversation list ──────────────────────────────────────────────────────────────────────────
    conversationRow: [
      {
        selector: '[data-qa-id="qa-conversation-chat-item"]',
        evidence:
          'The page’s own QA hook; several independent public scripts (Python workers, a browser extension, a Feige emulator) agree on it through the 2026-06 sidebar redesign.',
      },
      {
        selector: '[data-kora="conversation"]',
        evidence: 'Rows also carry data-kora="conversation" (one public worker script, 2026). Less certain.',
      },
    ],
    conversationName: [
      {
        selector: '[title]:not(sup)',
        attribute: 'title',
        evidence:
          'The name sits in a title attribute (the redesign’s "nameLine" element); the unread <sup> badge also carries a title, hence :not(sup). One public worker and the issue’s notes.',
      },
      {
        selector: '[class*="NameContent"]',
        evidence:
          'Readable prefix of a hashed class, "newNameContent-xxxx" (Feige emulator notes, 2026-06). Last resort: the suffix rotates, the prefix has so far survived.',
      },
    ],
    conversationWait: [
      {
        selector: '[class*="timerParticular"]',
        evidence:
          '"timerParticular-xxxx" shows the wait ("45秒") or the last message’s time (emulator notes, 2026-06). When it is gone, any leaf reading exactly "N秒/分钟/小时" is taken as the wait.',
      },
    ],
    conversationPreview: [
      {
        selector: '[class*="msgContent"]',
        evidence:
          'The row’s last message, "msgContent-xxxx": a public worker script (2026) reads the row’s preview through this readable prefix of the hashed class, and the Feige emulator notes name the same element. The page marks no sender on it; a row under a waiting group is the buyer’s unanswered message.',
      },
    ],
    conversationUnread: [
      { selector: '.auxo-badge-count', evidence: 'auxo (the page’s design system) badge count; two public scripts.' },
      {
        selector: 'sup',
        evidence: 'The badge is a <sup>; a <sup> without a number is a dot badge (one public worker script).',
      },
    ],
    waitingGroupLabel: [
      {
        selector: '[data-btm="message_group_name_waitReply"]',
        evidence: 'The 待回复 group’s header (two public scripts, 2026).',
      },
      {
        selector: '[data-btm="message_group_name_overtime"]',
        evidence: 'A timed-out group a public worker script also treats as pending.',
      },
      {
        selector: '[data-btm="message_group_name_overThreemins"]',
        evidence: 'A timed-out group a public worker script also treats as pending.',
      },
    ],
    groupLabel: [
      {
        selector: '[data-btm^="message_group_name_"]',
        evidence: 'Every group header: waitReply, overtime, overThreemins… (two public scripts, 2026).',
      },
    ],

    // ── Open conversation ──────────────────────────────────────────────────────────────────────────
    buyerName: [
      {
        selector: '#topbar-left-info span',
        evidence:
          'The header: <div id="topbar-left-info"><span>买家昵称</span><span>添加备注</span></div> (calibrated fixtures of a public Feige adapter, 2026; the issue’s notes).',
      },
      { selector: '#topbar-left-info', evidence: 'The same header without its inner spans.' },
      {
        selector: 'textarea[placeholder*="发送给"]',
        attribute: 'placeholder',
        pattern: '^发送给\\s*(.+?)\\s*[，,]',
        evidence: 'The composer’s placeholder "发送给 买家昵称，使用Enter 发送消息" (calibrated public fixture, 2026).',
      },
    ],
    message: [
      {
        selector: '[data-qa-id="qa-message-warpper"]',
        evidence: 'Every message, in the page’s own spelling "warpper" (all public sources agree; no fallback known).',
      },
    ],
    messageId: [
      {
        selector: '[data-id]',
        attribute: 'data-id',
        evidence: 'The message’s id is data-id on the wrapper’s first child (three public scripts).',
      },
    ],
    agentMessage: [
      { selector: '.messageIsMe', evidence: 'Stable semantic class on the shop’s bubble (every public source).' },
      {
        selector: '[style*="flex-direction: row-reverse"]',
        evidence:
          'When the bubble classes go, the row’s inline layout: row-reverse = our side (a public userscript’s XPath and the Feige emulator, which mirrors a live DOM capture).',
      },
    ],
    buyerMessage: [
      { selector: '.messageNotMe', evidence: 'Stable semantic class on the buyer’s bubble (every public source).' },
      {
        selector: '[style*="flex-direction: row"]',
        evidence: '…and row = the buyer’s side; checked after the shop’s side, whose row-reverse it also matches.',
      },
    ],
    messageText: [
      {
        selector: 'pre',
        evidence: 'Text bubbles hold <pre><span>text</span></pre> (two public scripts, the emulator).',
      },
    ],

    // ── Composer ───────────────────────────────────────────────────────────────────────────────────
    composer: [
      {
        selector: 'textarea[data-qa-id="qa-send-message-textarea"]',
        evidence: 'A plain textarea with the page’s QA hook (every public source).',
      },
      {
        selector: 'textarea[placeholder*="发送给"]',
        evidence: 'Its placeholder reads "发送给 买家昵称，使用Enter 发送消息" (calibrated public fixture, 2026).',
      },
    ],
    sendButton: [
      {
        selector: '[data-qa-id="qa-send-message-button"]',
        evidence:
          'A div, not a button (every public source). Without it Enter sends (sendKeys); either way a send counts only once the bubble shows.',
      },
    ],

    // ── Order panel ────────────────────────────────────────────────────────────────────────────────
    orderItem: [
      {
        selector: '.ecom-collapse-item',
        evidence:
          'One collapse item of the ecom design system per order (calibrated public fixtures, 2026). Other panels use the same component, so an item counts only with exactly one order number.',
      },
      {
        selector: '.ecom-collapse-header',
        evidence: 'The header alone holds the order number and status (a public userscript, the issue’s notes).',
      },
    ],
    orderHeader: [{ selector: '.ecom-collapse-header', evidence: 'As orderItem.' }],
    orderId: [
      {
        leaf: ORDER_NUMBER,
        evidence:
          'The 19-digit number stands alone in the header, without a label (calibrated public fixtures, 2026); never picked among several.',
      },
    ],
    orderStatus: [
      {
        leaf: ORDER_STATUS,
        evidence: 'The header shows the status label beside the number (calibrated public fixtures).',
      },
    ],
    orderProduct: [
      {
        selector: '[data-btm="d5834"]',
        evidence: 'The product name’s tracking hook (one calibrated public fixture, 2026). Less certain.',
      },
    ],
    orderAmount: [{ label: '实付金额', evidence: 'Calibrated public fixtures, the issue’s notes.' }],
    orderPaidAt: [{ label: '付款时间', evidence: 'Calibrated public fixtures, the issue’s notes.' }],
  },
} satisfies PageDefinition;
