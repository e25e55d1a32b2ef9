/**
 * The bundled merchant workbench (demo/), a stand-in for Douyin 飞鸽 that every e2e test drives.
 * Its DOM is documented in demo/README.md; the selectors below are the only place that knows it.
 */
import { LOCAL_DEMO_MATCHES } from '@/lib/pages/matches';
import type { PageDefinition } from '@/lib/pages/types';

export const demoWorkbenchPage = {
  id: 'demo-workbench',
  label: { zh: '演示工作台', en: 'demo workbench' },
  matches: LOCAL_DEMO_MATCHES,
  selectors: {
    thread: ['section.chat[data-conv-id]'],
    messageList: ['.msg-list'],
    message: ['.msg[data-msg-id]'],
    messageText: ['.msg-text'],
    messageTime: ['time.msg-time'],
    buyerName: ['.chat-header .chat-buyer-name'],
    composer: ['.composer-input[contenteditable="true"]'],
    composerArea: ['.composer'],
    sendButton: ['.composer-send'],
    orderItem: ['.order-panel .order-item[data-order-id]'],
    orderProduct: ['.order-product'],
    orderAmount: ['.order-amount'],
    orderStatus: ['.order-status'],
    orderPaidAt: ['time.order-paid-at'],
    orderPromise: ['time.order-promise'],
    orderCourier: ['.order-courier'],
    orderTracking: ['.order-tracking'],
    orderSendCard: ['.order-send-card'],
    orderEmpty: ['.order-panel .order-empty'],
    conversationRow: ['ul.conv-list > li.conv-item[data-conv-id]'],
    conversationName: ['.conv-name'],
    conversationUnread: ['.conv-unread'],
    conversationWait: ['.conv-wait'],
    // The last message's text, its writer in data-from (demo/README.md).
    conversationPreview: ['.conv-last'],
  },
} satisfies PageDefinition;
