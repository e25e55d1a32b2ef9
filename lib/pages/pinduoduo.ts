/**
 * 拼多多 merchant chat, https://mms.pinduoduo.com/chat-merchant/#/ (secondary to 飞鸽).
 *
 * Built from public automation code for the page (2025–2026: a Plasmo extension calibrated on the
 * live page, a Python RPA adapter with its tests, a session-list scanner) and the notes;
 * tested on saved pages reproducing them (tests/fixtures/pinduoduo-*.html). Current variant first,
 * then fallbacks, each with its source. No public source shows the order panel, so orders are never
 * read here: readOrders() is [] and the health check says so. Nothing outside this file knows these.
 */
import { PINDUODUO_MATCHES } from '@/lib/pages/matches';
import type { PageDefinition } from '@/lib/pages/types';

export const pinduoduoPage = {
  id: 'pinduoduo',
  label: { zh: '拼多多', en: 'Pinduoduo' },
  matches: PINDUODUO_MATCHES,
  selectors: {
    // ── Conversation list ────────────────────────────────────────────────────────────────────────
    conversationRow: [
      // Each session row (Python RPA adapter and a session-list scanner, 2026).
      'li.chat-item',
    ],
    conversationBox: [
      // The row's box, carrying the session id in data-random (Python RPA adapter and its tests).
      'div.chat-item-box',
    ],
    conversationName: [
      // Python RPA adapter's tests, 2026.
      'span.nickname-span',
      // The notes.
      '.chat-nickname',
    ],
    waitingGroup: [
      // Rows overdue for a reply, then rows within five minutes of it (Python RPA adapter's tests).
      'ul.timeout-unreply',
      'ul.five-minute',
    ],
    conversationTime: [
      // The notes: the row's time, "秒/分钟" while the buyer waits.
      'div.chat-time > p',
      // A countdown such as "50秒后超时" (Python RPA adapter's tests).
      'p.chat-unreply-time',
    ],
    conversationPreview: [
      // The session row's last message (Python RPA adapter's tests, 2026, read it as the row's last_message). No
      // public source shows whether the page marks who wrote it.
      'p.chat-message-content',
    ],
    openConversation: [
      // No public source shows how the open row is marked; "active" on the box is an assumption,
      // the weakest selector here. When it fails, the health check reports messages as missing.
      'div.chat-item-box.active[data-random]',
      'li.chat-item.active',
    ],

    // ── Open conversation ────────────────────────────────────────────────────────────────────────
    message: [
      // Every message row (Plasmo extension calibrated on the live page, 2026-09; Python RPA adapter).
      '#msgListContainer li.onemsg',
      'li.onemsg',
    ],
    messageIndex: [
      // The message's index attribute, used as its id (Python RPA adapter).
      '.msg-content[index]',
      '[index]',
    ],
    buyerItem: [
      // Python RPA adapter's tests; the Plasmo extension.
      '.buyer-item',
    ],
    agentItem: [
      // A human agent's message (Python RPA adapter's tests).
      '.seller-item',
      // The Plasmo extension's marker for the shop's side.
      '.cs-item',
    ],
    robotItem: [
      // The shop's auto-reply robot (Python RPA adapter's tests); counted as the shop's side.
      '.robot-item',
    ],
    systemItem: [
      // Python RPA adapter's tests.
      '.system-msg-31',
    ],
    messageText: [
      // The bubble's text (Plasmo extension, Python RPA adapter).
      '.msg-content-box',
      // The notes name p.chat-message-content for message text; public code shows it as the
      // session row's last-message preview. Kept as a fallback inside a message row only.
      'p.chat-message-content',
    ],
    systemText: ['.content-box'],

    // ── Composer ─────────────────────────────────────────────────────────────────────────────────
    composer: [
      // Every public source; the Plasmo extension fills it through the native setter + input event.
      'textarea#replyTextarea',
      // Its wrapper (Python RPA adapter: .reply-input .textarea-rect textarea#replyTextarea).
      '.reply-input textarea',
    ],
    composerArea: [
      // The input and the send button's footer share this block (Python RPA adapter).
      '.reply-input',
    ],
    sendButton: [
      // Python RPA adapter. Without it, send() presses Enter, which the issue says sends.
      '.reply-footer .send-btn',
    ],
  },
} satisfies PageDefinition;
