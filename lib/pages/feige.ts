/**
 * 飞鸽 (Douyin shop customer service), https://im.jinritemai.com/pc_seller_v2/main/workspace.
 *
 * We cannot open the real page from here. Every selector below comes from public automation code
 * for it (2025–2026) and is tested on saved pages reproducing those structures
 * (tests/fixtures/feige-*.html). Each list is current variant first, then fallbacks; each variant
 * says where the evidence came from. The page's hashed class names (e.g. `iD7SHBvMhm4OhfCsBGr1`)
 * rotate every few weeks and are deliberately not used. Nothing outside this file knows these.
 */
import { FEIGE_MATCHES } from '@/lib/pages/matches';
import type { PageDefinition } from '@/lib/pages/types';

export const feigePage = {
  id: 'feige',
  label: { zh: '飞鸽', en: 'Feige' },
  matches: FEIGE_MATCHES,
  selectors: {
    // ── Conversation list ────────────────────────────────────────────────────────────────────────
    conversationRow: [
      // The page's own QA hook; several independent public scripts (Python workers, a browser
      // extension, a Feige emulator) agree on it through the 2026-06 sidebar redesign.
      '[data-qa-id="qa-conversation-chat-item"]',
      // Rows also carry data-kora="conversation" (one public worker script, 2026). Less certain.
      '[data-kora="conversation"]',
    ],
    conversationName: [
      // The name sits in a title attribute (the redesign's "nameLine" element); the unread <sup>
      // badge also carries a title, hence :not(sup). One public worker and the notes.
      '[title]:not(sup)',
    ],
    conversationNameText: [
      // Readable prefix of a hashed class, "newNameContent-xxxx" (Feige emulator notes, 2026-06).
      // Last resort: the suffix rotates, the prefix has so far survived.
      '[class*="NameContent"]',
    ],
    conversationTime: [
      // "timerParticular-xxxx" shows the wait ("45秒") or the last message's time (emulator notes,
      // 2026-06). When it is gone, any leaf reading exactly "N秒/分钟/小时" is taken as the wait.
      '[class*="timerParticular"]',
    ],
    conversationPreview: [
      // The row's last message, "msgContent-xxxx": a public worker script (2026) reads the row's preview through this
      // readable prefix of the hashed class, and the Feige emulator notes name the same element. The page marks no
      // sender on it; a row under a waiting group is the buyer's unanswered message.
      '[class*="msgContent"]',
    ],
    unreadBadge: [
      // auxo (the page's design system) badge count; two public scripts.
      '.auxo-badge-count',
      // The badge is a <sup>; a <sup> without a number is a dot badge (one public worker script).
      'sup',
    ],
    waitingGroupLabel: [
      // Headers of the groups whose buyers wait for a reply: 待回复 (two public scripts, 2026), and
      // the timed-out groups a public worker script also treats as pending.
      '[data-btm="message_group_name_waitReply"]',
      '[data-btm="message_group_name_overtime"]',
      '[data-btm="message_group_name_overThreemins"]',
    ],
    groupLabel: [
      // Every group header: waitReply, overtime, overThreemins… (two public scripts, 2026).
      '[data-btm^="message_group_name_"]',
    ],

    // ── Open conversation ────────────────────────────────────────────────────────────────────────
    buyerName: [
      // The header: <div id="topbar-left-info"><span>买家昵称</span><span>添加备注</span></div>
      // (calibrated fixtures of a public Feige adapter, 2026; the notes).
      '#topbar-left-info span',
      '#topbar-left-info',
    ],
    message: [
      // Every message, in the page's own spelling "warpper" (all public sources agree; no fallback known).
      '[data-qa-id="qa-message-warpper"]',
    ],
    messageId: [
      // The message's id is data-id on the wrapper's first child (three public scripts).
      '[data-id]',
    ],
    buyerBubble: [
      // Stable semantic class on the buyer's bubble, next to hashed ones (every public source).
      '.messageNotMe',
    ],
    agentBubble: [
      // Stable semantic class on the shop's bubble (every public source).
      '.messageIsMe',
    ],
    agentRow: [
      // Fallback when the bubble classes go: the row's inline layout, row-reverse = our side
      // (a public userscript's XPath and the Feige emulator, which mirrors a live DOM capture).
      '[style*="flex-direction: row-reverse"]',
    ],
    buyerRow: [
      // …and row = the buyer's side. Checked after agentRow.
      '[style*="flex-direction: row"]',
    ],
    messageText: [
      // Text bubbles hold <pre><span>text</span></pre> (two public scripts, the emulator).
      'pre',
    ],

    // ── Composer ─────────────────────────────────────────────────────────────────────────────────
    composer: [
      // A plain textarea with the page's QA hook (every public source).
      'textarea[data-qa-id="qa-send-message-textarea"]',
      // Its placeholder reads "发送给 买家昵称，使用Enter 发送消息" (calibrated public fixture, 2026).
      'textarea[placeholder*="发送给"]',
    ],
    sendButton: [
      // A div, not a button (every public source). Without it, send() presses Enter, which the
      // placeholder above says sends; either way a send counts only once the bubble shows.
      '[data-qa-id="qa-send-message-button"]',
    ],

    // ── Order panel ──────────────────────────────────────────────────────────────────────────────
    orderItem: [
      // One collapse item of the ecom design system per order (calibrated public fixtures, 2026).
      // Other panels use the same component, so an item counts only with exactly one 19-digit number.
      '.ecom-collapse-item',
      // The header alone holds the order number and status (a public userscript, the notes).
      '.ecom-collapse-header',
    ],
    orderHeader: ['.ecom-collapse-header'],
    orderProduct: [
      // The product name's tracking hook (one calibrated public fixture, 2026). Less certain.
      '[data-btm="d5834"]',
    ],
  },
} satisfies PageDefinition;
