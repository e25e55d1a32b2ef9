/**
 * 拼多多 merchant chat, https://mms.pinduoduo.com/chat-merchant/#/ (secondary to 飞鸽).
 *
 * Built from public automation code for the page (2025–2026: a Plasmo extension calibrated on the live page, a
 * Python RPA adapter with its tests, a session-list scanner) and the notes; tested on saved pages
 * reproducing them (tests/fixtures/pinduoduo-*.html). Each variant says where its evidence came from. No public
 * source shows the order panel, so no order part is defined: orders are never read, and the health check says so.
 */
import type { PageDefinition } from '@/lib/pages/definition';
import { PINDUODUO_MATCHES } from '@/lib/pages/matches';

export const pinduoduoPage = {
  id: 'pinduoduo',
  label: { zh: '拼多多', en: 'Pinduoduo' },
  matches: PINDUODUO_MATCHES,
  composerKind: 'textarea',
  // The issue: Enter sends. Used when the send button is not found.
  sendKeys: 'Enter',
  // Rows none of the side markers place are not messages Huashu reads.
  unmatchedMessages: 'skip',
  // A row time showing the buyer is waiting: "45秒", "3分钟", "50秒后超时" (the countdown gives no waiting time).
  waitText: '^\\d+\\s*(秒|分钟)',
  parts: {
    detect: [
      { selector: 'textarea#replyTextarea', evidence: 'The composer (below).' },
      { selector: '#msgListContainer li.onemsg', evidence: 'A message row (below).' },
    ],

    // ── Conversation list ──────────────────────────────────────────────────────────────────────────
    conversationRow: [{ selector: 'li.chat-item', evidence: 'Python RPA adapter and a session-list scanner, 2026.' }],
    conversationId: [
      {
        selector: 'div.chat-item-box',
        attribute: 'data-random',
        evidence: 'The row’s box carries the session id in data-random (Python RPA adapter and its tests).',
      },
    ],
    conversationClick: [
      { selector: 'div.chat-item-box', evidence: 'The page listens on the row’s box (Python RPA adapter).' },
    ],
    conversationName: [
      { selector: 'span.nickname-span', evidence: 'Python RPA adapter’s tests, 2026.' },
      { selector: '.chat-nickname', evidence: 'The issue’s notes.' },
    ],
    waitingGroup: [
      { selector: 'ul.timeout-unreply', evidence: 'Rows overdue for a reply (Python RPA adapter’s tests).' },
      { selector: 'ul.five-minute', evidence: 'Rows within five minutes of it (Python RPA adapter’s tests).' },
    ],
    conversationWait: [
      {
        selector: 'div.chat-time > p',
        evidence: 'The issue’s notes: the row’s time, "秒/分钟" while the buyer waits.',
      },
      { selector: 'p.chat-unreply-time', evidence: 'A countdown such as "50秒后超时" (Python RPA adapter’s tests).' },
    ],
    conversationPreview: [
      {
        selector: 'p.chat-message-content',
        evidence:
          'The session row’s last message (Python RPA adapter’s tests, 2026, read it as the row’s last_message). No public source shows whether the page marks who wrote it.',
      },
    ],
    openConversation: [
      {
        selector: 'div.chat-item-box.active[data-random]',
        evidence:
          'No public source shows how the open row is marked; "active" on the box is an assumption, the weakest variant here. When it fails, the health check reports messages as missing.',
      },
      { selector: 'li.chat-item.active', evidence: 'The same assumption on the row.' },
    ],

    // ── Open conversation ──────────────────────────────────────────────────────────────────────────
    message: [
      {
        selector: '#msgListContainer li.onemsg',
        evidence: 'Every message row (Plasmo extension calibrated on the live page, 2026-09; Python RPA adapter).',
      },
      { selector: 'li.onemsg', evidence: 'The same rows outside their known container.' },
    ],
    messageId: [
      {
        selector: '.msg-content[index]',
        attribute: 'index',
        evidence: 'The message’s index attribute, used as its id (Python RPA adapter).',
      },
      { selector: '[index]', attribute: 'index', evidence: 'The same attribute on another element.' },
    ],
    systemMessage: [{ selector: '.system-msg-31', evidence: 'Python RPA adapter’s tests.' }],
    agentMessage: [
      { selector: '.seller-item', evidence: 'A human agent’s message (Python RPA adapter’s tests).' },
      { selector: '.cs-item', evidence: 'The Plasmo extension’s marker for the shop’s side.' },
      {
        selector: '.robot-item',
        evidence: 'The shop’s auto-reply robot (Python RPA adapter’s tests); counted as the shop’s side.',
      },
    ],
    buyerMessage: [{ selector: '.buyer-item', evidence: 'Python RPA adapter’s tests; the Plasmo extension.' }],
    messageText: [
      { selector: '.msg-content-box', evidence: 'The bubble’s text (Plasmo extension, Python RPA adapter).' },
      {
        selector: 'p.chat-message-content',
        evidence:
          'The issue’s notes name it for message text; public code shows it as the session row’s last-message preview. A fallback inside a message row only.',
      },
    ],
    systemText: [{ selector: '.content-box', evidence: 'Python RPA adapter’s tests.' }],

    // ── Composer ───────────────────────────────────────────────────────────────────────────────────
    composer: [
      {
        selector: 'textarea#replyTextarea',
        evidence: 'Every public source; the Plasmo extension fills it through the native setter + input event.',
      },
      {
        selector: '.reply-input textarea',
        evidence: 'Its wrapper (Python RPA adapter: .reply-input .textarea-rect textarea#replyTextarea).',
      },
    ],
    composerArea: [
      {
        selector: '.reply-input',
        evidence: 'The input and the send button’s footer share this block (Python RPA adapter).',
      },
    ],
    sendButton: [
      { selector: '.reply-footer .send-btn', evidence: 'Python RPA adapter. Without it Enter sends (sendKeys).' },
    ],
  },
} satisfies PageDefinition;
