// Demo stand-in for the Douyin Feige merchant chat workbench.
// The extension treats this as a third-party page: the DOM classes and data attributes below are a contract
// its adapter reads, and window.demo is the buyer simulator the e2e tests drive. Keep both stable.

const TIME_ZONE = 'Asia/Shanghai';
const LATE_AFTER_SECONDS = 180;
const MINUTE_MS = 60_000;

const STATUS_CLASS = {
  待支付: 'status-unpaid',
  待发货: 'status-to-ship',
  已发货: 'status-shipping',
  运输中: 'status-shipping',
  已签收: 'status-done',
  售后中: 'status-after-sale',
  已关闭: 'status-closed',
};

const CARD_ANSWER_TEXT = {
  confirmed: '买家已确认是这个订单',
  'picked-other': '买家选择了其他订单',
};

const QUICK_QUESTIONS = ['在吗？', '什么时候发货？', '快递到哪了？', '可以改地址吗？', '我要退款', '能开发票吗？'];

// ---------------------------------------------------------------------------
// Time formatting, always in Shanghai time whatever the machine's zone is.

const shanghaiFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(date) {
  const parts = {};
  for (const part of shanghaiFormat.formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

function formatClock(date) {
  const { hour, minute } = shanghaiParts(date);
  return `${hour}:${minute}`;
}

function formatMonthDayClock(date) {
  const { month, day, hour, minute } = shanghaiParts(date);
  return `${month}-${day} ${hour}:${minute}`;
}

function shanghaiDayKey(date) {
  const { year, month, day } = shanghaiParts(date);
  return `${year}-${month}-${day}`;
}

/** "今天" / "昨天" / "MM-DD", as chat dividers and list rows show older days. */
function formatDayLabel(date, now = new Date()) {
  const key = shanghaiDayKey(date);
  if (key === shanghaiDayKey(now)) return '今天';
  if (key === shanghaiDayKey(new Date(now.getTime() - 24 * 60 * MINUTE_MS))) return '昨天';
  const { month, day } = shanghaiParts(date);
  return `${month}-${day}`;
}

/** 45 → "45秒", 65 → "1分05秒", 3900 → "1小时05分". */
function formatWait(seconds) {
  if (seconds < 60) return `${seconds}秒`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}分${String(seconds % 60).padStart(2, '0')}秒`;
  return `${Math.floor(seconds / 3600)}小时${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}分`;
}

/** 150 → "2小时30分", 40 → "40分钟". */
function formatDuration(minutes) {
  const whole = Math.max(1, Math.round(minutes));
  if (whole < 60) return `${whole}分钟`;
  const rest = whole % 60;
  return rest ? `${Math.floor(whole / 60)}小时${rest}分` : `${Math.floor(whole / 60)}小时`;
}

function formatAmount(yuan) {
  return `¥${Number(yuan).toFixed(2)}`;
}

// ---------------------------------------------------------------------------
// State. The fixture's times are relative ("minutes ago"), turned into dates when the page loads or resets.

let fixture = null;
let state = null;
// Never reset, so ids of messages created after a reset never collide with ones still held by a caller.
let messageSeq = 0;

function minutesFrom(now, minutes) {
  return new Date(now.getTime() + minutes * MINUTE_MS);
}

function buildOrder(raw, now) {
  return {
    id: raw.id,
    product: raw.product,
    sku: raw.sku ?? '',
    quantity: raw.quantity ?? 1,
    amount: formatAmount(raw.amount),
    status: raw.status,
    paidAt: raw.paidAtMinutesAgo == null ? null : minutesFrom(now, -raw.paidAtMinutesAgo),
    promiseShipBy: raw.promiseShipInMinutes == null ? null : minutesFrom(now, raw.promiseShipInMinutes),
    courier: raw.courier ?? null,
    trackingNo: raw.trackingNo ?? null,
    image: raw.image ?? { color: '#d9dde5', label: '商品' },
  };
}

function buildConversation(raw, now) {
  const orders = (raw.orders ?? []).map((order) => buildOrder(order, now));
  const messages = raw.messages.map((message, index) => ({
    id: `${raw.id}-h${index + 1}`,
    from: message.from,
    kind: message.kind,
    orderId: message.orderId ?? null,
    text: message.text ?? '',
    at: minutesFrom(now, -message.minutesAgo),
    answer: message.answer ?? null,
    pickerOpen: false,
  }));
  const conversation = {
    id: raw.id,
    buyerName: raw.buyerName,
    avatarColor: raw.avatarColor,
    tags: raw.tags ?? [],
    unread: raw.unread ?? 0,
    draft: '',
    orders,
    messages,
  };
  for (const message of messages) {
    if (message.kind === 'order-card') message.text = orderSummary(conversation, message.orderId);
  }
  return conversation;
}

function buildState(raw) {
  // Whole seconds keep the ISO times readable and the waiting counters in step with the clock.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const conversations = new Map(raw.conversations.map((conv) => [conv.id, buildConversation(conv, now)]));
  return { shop: raw.shop, conversations, currentId: raw.openFirst, focusedOrderId: null };
}

function conversationById(id) {
  const conversation = state.conversations.get(String(id));
  if (!conversation) throw new Error(`Unknown conversation: ${id}`);
  return conversation;
}

function currentConversation() {
  return state.conversations.get(state.currentId);
}

function findOrder(conversation, orderId) {
  return conversation.orders.find((order) => order.id === String(orderId)) ?? null;
}

function orderSummary(conversation, orderId) {
  const order = findOrder(conversation, orderId);
  return order ? `[订单] ${order.product} ${order.amount}` : `[订单] ${orderId}`;
}

/** The buyer has been waiting since their first message after the agent's last one. */
function oldestUnansweredBuyerMessage(conversation) {
  let oldest = null;
  for (let i = conversation.messages.length - 1; i >= 0; i--) {
    const message = conversation.messages[i];
    if (message.from === 'agent') break;
    if (message.from === 'buyer') oldest = message;
  }
  return oldest;
}

function waitingSeconds(conversation) {
  const oldest = oldestUnansweredBuyerMessage(conversation);
  return oldest ? Math.max(0, Math.floor((Date.now() - oldest.at.getTime()) / 1000)) : 0;
}

function lastMessageText(message) {
  if (!message) return '';
  return message.text.replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------
// DOM helpers. Text always goes in through textContent: buyer text is untrusted and must show literally.

function el(tag, { className, text, attrs, data, title } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  if (title) node.title = title;
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value != null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, value] of Object.entries(data ?? {})) {
    if (value != null) node.dataset[name] = String(value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function timeElement(className, date, text) {
  return el('time', { className, text, attrs: { datetime: date.toISOString() } });
}

function avatar(className, label, color) {
  const node = el('span', { className, text: label, attrs: { 'aria-hidden': 'true' } });
  node.style.backgroundColor = color;
  return node;
}

function firstChar(text) {
  return Array.from(text ?? '?')[0] ?? '?';
}

const dom = {};

function collectDom() {
  const pick = (selector) => document.querySelector(selector);
  Object.assign(dom, {
    convList: pick('.conv-list'),
    convSearch: pick('.conv-search'),
    countAll: pick('.count-all'),
    countWaiting: pick('.count-waiting'),
    shopName: pick('.shop-name'),
    agentName: pick('.agent-name'),
    agentStatus: pick('.agent-status-text'),
    chat: pick('.chat'),
    chatAvatar: pick('.chat-avatar'),
    chatName: pick('.chat-buyer-name'),
    chatTags: pick('.chat-buyer-tags'),
    msgList: pick('.msg-list'),
    composer: pick('.composer-input'),
    sendButton: pick('.composer-send'),
    orderPanel: pick('.order-panel'),
    orderSummary: pick('.order-summary'),
    orderList: pick('.order-list'),
    simConv: pick('.sim-conv'),
    simQuick: pick('.sim-quick'),
    simText: pick('.sim-text'),
    simSend: pick('.sim-send'),
    simOrder: pick('.sim-order'),
    simSendOrder: pick('.sim-send-order'),
  });
}

// ---------------------------------------------------------------------------
// Conversation list (left). Rows are built once and then updated in place.

function renderConversationList() {
  const rows = [...state.conversations.values()].map(renderConversationRow);
  dom.convList.replaceChildren(...rows);
  for (const conversation of state.conversations.values()) updateConversationRow(conversation);
  dom.countAll.textContent = String(state.conversations.size);
}

function renderConversationRow(conversation) {
  return el('li', { className: 'conv-item', attrs: { role: 'option' }, data: { convId: conversation.id } }, [
    avatar('conv-avatar', firstChar(conversation.buyerName), conversation.avatarColor),
    el('div', { className: 'conv-main' }, [
      el('div', { className: 'conv-line' }, [
        el('span', { className: 'conv-name', text: conversation.buyerName }),
        el('span', { className: 'conv-time' }),
      ]),
      el('div', { className: 'conv-line' }, [
        el('span', { className: 'conv-last' }),
        el('span', { className: 'conv-unread' }),
      ]),
      el('span', { className: 'conv-wait' }),
    ]),
  ]);
}

function conversationRow(conversationId) {
  return dom.convList.querySelector(`.conv-item[data-conv-id="${CSS.escape(conversationId)}"]`);
}

function updateConversationRow(conversation) {
  const row = conversationRow(conversation.id);
  if (!row) return;
  const selected = conversation.id === state.currentId;
  row.setAttribute('aria-selected', String(selected));
  row.classList.toggle('is-active', selected);
  const last = conversation.messages.at(-1);
  const lastText = lastMessageText(last);
  const lastNode = row.querySelector('.conv-last');
  lastNode.textContent = lastText;
  lastNode.title = lastText;
  // Who wrote it, as a page may mark the shop's own last message: only a buyer's preview tells their mood.
  if (last) lastNode.dataset.from = last.from;
  else delete lastNode.dataset.from;
  const timeNode = row.querySelector('.conv-time');
  timeNode.textContent = last ? rowTimeLabel(last.at) : '';
  const unreadNode = row.querySelector('.conv-unread');
  unreadNode.textContent = String(conversation.unread);
  unreadNode.hidden = conversation.unread === 0;
  updateWaitBadge(row, conversation);
}

function rowTimeLabel(date) {
  const day = formatDayLabel(date);
  return day === '今天' ? formatClock(date) : day;
}

function updateWaitBadge(row, conversation) {
  const seconds = waitingSeconds(conversation);
  const waiting = oldestUnansweredBuyerMessage(conversation) !== null;
  const badge = row.querySelector('.conv-wait');
  // This runs every second: only touch what changed, so observers of the page see no needless mutations.
  setIfChanged(badge.dataset, 'waitSeconds', String(seconds));
  setIfChanged(badge, 'textContent', waiting ? `等待 ${formatWait(seconds)}` : '');
  setIfChanged(badge, 'hidden', !waiting);
  badge.classList.toggle('is-late', waiting && seconds >= LATE_AFTER_SECONDS);
}

function setIfChanged(target, key, value) {
  if (target[key] !== value) target[key] = value;
}

function tickWaitingTimes() {
  let waitingCount = 0;
  for (const conversation of state.conversations.values()) {
    const row = conversationRow(conversation.id);
    if (row) updateWaitBadge(row, conversation);
    if (oldestUnansweredBuyerMessage(conversation)) waitingCount++;
  }
  setIfChanged(dom.countWaiting, 'textContent', String(waitingCount));
}

function filterConversationRows() {
  const query = dom.convSearch.value.trim().toLowerCase();
  for (const row of dom.convList.children) {
    const name = row.querySelector('.conv-name').textContent.toLowerCase();
    row.classList.toggle('is-filtered', query !== '' && !name.includes(query));
  }
}

// ---------------------------------------------------------------------------
// Thread (centre). A switch re-renders the whole list, like a framework would; new messages are appended.

function renderChat() {
  const conversation = currentConversation();
  dom.chat.dataset.convId = conversation.id;
  dom.chatAvatar.textContent = firstChar(conversation.buyerName);
  dom.chatAvatar.style.backgroundColor = conversation.avatarColor;
  dom.chatName.textContent = conversation.buyerName;
  dom.chatTags.replaceChildren(...conversation.tags.map((tag) => el('span', { className: 'buyer-tag', text: tag })));
  const nodes = [];
  let previous = null;
  for (const message of conversation.messages) {
    if (startsNewDay(previous, message)) nodes.push(renderDayDivider(message.at));
    nodes.push(renderMessage(conversation, message));
    previous = message;
  }
  dom.msgList.replaceChildren(...nodes);
  scrollThreadToBottom();
}

function startsNewDay(previous, message) {
  return !previous || shanghaiDayKey(previous.at) !== shanghaiDayKey(message.at);
}

function renderDayDivider(date) {
  return el('div', { className: 'msg-divider', attrs: { role: 'separator' } }, [
    el('span', { text: `${formatDayLabel(date)} ${formatClock(date)}` }),
  ]);
}

function scrollThreadToBottom() {
  dom.msgList.scrollTop = dom.msgList.scrollHeight;
}

function renderMessage(conversation, message) {
  const node = el('div', {
    className: `msg msg--${message.from}`,
    data: { msgId: message.id, from: message.from, kind: message.kind, orderId: message.orderId },
  });
  if (message.from === 'system') {
    node.append(
      el('div', { className: 'msg-system' }, [
        el('span', { className: 'msg-text', text: message.text }),
        timeElement('msg-time', message.at, formatClock(message.at)),
      ]),
    );
    return node;
  }
  const isBuyer = message.from === 'buyer';
  const senderName = isBuyer ? conversation.buyerName : state.shop.agentName;
  node.append(
    isBuyer
      ? avatar('msg-avatar', firstChar(conversation.buyerName), conversation.avatarColor)
      : avatar('msg-avatar msg-avatar--agent', state.shop.agentAvatar ?? firstChar(state.shop.agentName), '#1966ff'),
    el('div', { className: 'msg-body' }, [
      el('div', { className: 'msg-meta' }, [
        el('span', { className: 'msg-sender', text: senderName }),
        timeElement('msg-time', message.at, formatClock(message.at)),
      ]),
      renderBubble(conversation, message),
    ]),
  );
  return node;
}

function renderBubble(conversation, message) {
  if (message.kind === 'order-card') {
    const bubble = el('div', { className: 'msg-bubble msg-bubble--card' }, [
      el('span', { className: 'msg-text visually-hidden', text: message.text }),
      renderOrderCardMini(findOrder(conversation, message.orderId), message.orderId),
    ]);
    if (message.from === 'agent') bubble.append(renderCardActions(conversation, message));
    return bubble;
  }
  const bubble = el('div', { className: 'msg-bubble' }, [el('div', { className: 'msg-text', text: message.text })]);
  if (message.kind === 'order-confirm') {
    const order = findOrder(conversation, message.orderId);
    const reference = order ? `${order.product}` : message.orderId;
    bubble.append(el('div', { className: 'msg-ref', text: `订单号 ${message.orderId} · ${reference}` }));
  }
  return bubble;
}

function renderOrderCardMini(order, orderId) {
  if (!order) return el('div', { className: 'order-card-mini', text: `订单 ${orderId}`, data: { orderId } });
  return el('div', { className: 'order-card-mini', data: { orderId: order.id }, title: '在订单面板中查看' }, [
    el('div', { className: 'ocm-head' }, [
      el('span', { className: 'ocm-id', text: `订单号 ${order.id}` }),
      el('span', { className: `ocm-status status-tag ${STATUS_CLASS[order.status] ?? ''}`, text: order.status }),
    ]),
    el('div', { className: 'ocm-main' }, [
      productImage('ocm-image', order),
      el('div', { className: 'ocm-info' }, [
        el('div', { className: 'ocm-product', text: order.product }),
        el('div', { className: 'ocm-sku', text: `${order.sku} ×${order.quantity}` }),
      ]),
      el('span', { className: 'ocm-amount', text: order.amount }),
    ]),
  ]);
}

function productImage(className, order) {
  const node = el('div', { className, text: order.image.label, attrs: { 'aria-hidden': 'true' } });
  node.style.backgroundColor = order.image.color;
  return node;
}

/** What the buyer sees under an agent's order card, shown here so a person can play the buyer. */
function renderCardActions(conversation, message) {
  const answered = message.answer !== null;
  const actions = el('div', { className: 'card-actions' }, [
    el('span', { className: 'card-actions-label', text: '买家端', title: '买家在抖音里看到的按钮（演示）' }),
    el('button', { className: 'card-confirm', text: '是这个', attrs: { type: 'button', disabled: answered } }),
    el('button', { className: 'card-pick-other', text: '选其他订单', attrs: { type: 'button', disabled: answered } }),
  ]);
  if (answered) actions.append(el('span', { className: 'card-answer', text: CARD_ANSWER_TEXT[message.answer] }));
  if (!answered && message.pickerOpen) actions.append(renderCardPicker(conversation, message));
  return actions;
}

function renderCardPicker(conversation, message) {
  const others = conversation.orders.filter((order) => order.id !== message.orderId);
  const options = others.map((order) =>
    el('button', { className: 'card-pick-option', attrs: { type: 'button' }, data: { orderId: order.id } }, [
      productImage('cpo-image', order),
      el('span', { className: 'cpo-product', text: order.product }),
      el('span', { className: 'cpo-meta', text: `${order.amount} · ${order.status}` }),
    ]),
  );
  return el('div', { className: 'card-picker' }, [
    el('div', { className: 'card-picker-title', text: others.length ? '请选择要咨询的订单' : '没有其他订单' }),
    ...options,
    el('button', { className: 'card-picker-cancel', text: '取消', attrs: { type: 'button' } }),
  ]);
}

function messageNode(messageId) {
  return dom.msgList.querySelector(`.msg[data-msg-id="${CSS.escape(messageId)}"]`);
}

/** Updates a card's buyer buttons in place, so the message node itself keeps its identity. */
function refreshCardActions(conversation, message) {
  if (conversation.id !== state.currentId) return;
  const actions = messageNode(message.id)?.querySelector('.card-actions');
  actions?.replaceWith(renderCardActions(conversation, message));
}

// ---------------------------------------------------------------------------
// Messages: every new message, whoever sends it, goes through addMessage.

function addMessage(conversation, { from, kind, text = '', orderId = null }) {
  messageSeq++;
  const message = {
    id: `${conversation.id}-m${messageSeq}`,
    from,
    kind,
    orderId: orderId == null ? null : String(orderId),
    text: kind === 'order-card' ? orderSummary(conversation, orderId) : text,
    at: new Date(),
    answer: null,
    pickerOpen: false,
  };
  const previous = conversation.messages.at(-1) ?? null;
  conversation.messages.push(message);
  const isOpen = conversation.id === state.currentId;
  if (from === 'buyer' && !isOpen) conversation.unread++;
  if (isOpen) {
    if (startsNewDay(previous, message)) dom.msgList.append(renderDayDivider(message.at));
    dom.msgList.append(renderMessage(conversation, message));
    scrollThreadToBottom();
  }
  updateConversationRow(conversation);
  tickWaitingTimes();
  return message.id;
}

function latestAgentOrderCard(conversation) {
  return conversation.messages.findLast((m) => m.from === 'agent' && m.kind === 'order-card') ?? null;
}

function confirmCard(conversation, card) {
  if (card.answer !== null) return false;
  card.answer = 'confirmed';
  card.pickerOpen = false;
  refreshCardActions(conversation, card);
  return addMessage(conversation, { from: 'buyer', kind: 'order-confirm', orderId: card.orderId, text: '是这个订单' });
}

function pickOtherOrder(conversation, card, orderId) {
  if (card.answer !== null || !findOrder(conversation, orderId)) return false;
  card.answer = 'picked-other';
  card.pickerOpen = false;
  refreshCardActions(conversation, card);
  return addMessage(conversation, { from: 'buyer', kind: 'order-card', orderId });
}

function toggleCardPicker(conversation, card, open) {
  if (card.answer !== null) return;
  card.pickerOpen = open;
  refreshCardActions(conversation, card);
}

// ---------------------------------------------------------------------------
// Orders panel (right).

function renderOrders() {
  const conversation = currentConversation();
  state.focusedOrderId = null;
  dom.orderSummary.textContent = conversation.orders.length ? `共 ${conversation.orders.length} 笔订单` : '';
  if (!conversation.orders.length) {
    dom.orderList.replaceChildren(el('div', { className: 'order-empty', text: '暂无订单' }));
    return;
  }
  dom.orderList.replaceChildren(...conversation.orders.map(renderOrderItem));
  dom.orderList.scrollTop = 0;
}

function renderOrderItem(order) {
  const fields = [];
  if (order.paidAt) {
    fields.push(orderField('付款时间', timeElement('order-paid-at', order.paidAt, formatMonthDayClock(order.paidAt))));
  }
  if (order.promiseShipBy) {
    const promise = timeElement('order-promise', order.promiseShipBy, formatMonthDayClock(order.promiseShipBy));
    fields.push(orderField('承诺发货时间', promise, shipDeadlineHint(order)));
  }
  if (order.courier)
    fields.push(orderField('物流公司', el('span', { className: 'order-courier', text: order.courier })));
  if (order.trackingNo) {
    fields.push(orderField('运单号', el('span', { className: 'order-tracking', text: order.trackingNo })));
  }
  return el('div', { className: 'order-item', data: { orderId: order.id } }, [
    el('div', { className: 'order-head' }, [
      el('span', { className: 'order-label', text: '订单号' }),
      el('span', { className: 'order-id', text: order.id }),
      el('span', { className: `order-status status-tag ${STATUS_CLASS[order.status] ?? ''}`, text: order.status }),
    ]),
    el('div', { className: 'order-goods' }, [
      productImage('order-image', order),
      el('div', { className: 'order-goods-info' }, [
        el('div', { className: 'order-product', text: order.product, title: order.product }),
        el('div', { className: 'order-sku', text: `${order.sku} ×${order.quantity}` }),
      ]),
      el('div', { className: 'order-amount', text: order.amount }),
    ]),
    el('dl', { className: 'order-fields' }, fields),
    el('div', { className: 'order-actions' }, [
      el('button', { className: 'order-send-card', text: '发送订单卡片', attrs: { type: 'button' } }),
    ]),
  ]);
}

function orderField(label, ...valueNodes) {
  return el('div', { className: 'order-field' }, [el('dt', { text: label }), el('dd', {}, valueNodes)]);
}

/** Next to the ship-by time of an unshipped order: how late it is, or how long is left. */
function shipDeadlineHint(order) {
  if (order.status !== '待发货') return null;
  const minutesLeft = (order.promiseShipBy.getTime() - Date.now()) / MINUTE_MS;
  if (minutesLeft < 0)
    return el('span', { className: 'order-deadline is-overdue', text: `已超时 ${formatDuration(-minutesLeft)}` });
  if (minutesLeft < 24 * 60)
    return el('span', { className: 'order-deadline is-soon', text: `剩 ${formatDuration(minutesLeft)}` });
  return null;
}

function focusOrder(orderId) {
  state.focusedOrderId = orderId;
  for (const item of dom.orderList.querySelectorAll('.order-item')) {
    item.classList.toggle('is-focused', item.dataset.orderId === orderId);
  }
  dom.orderList.querySelector(`.order-item[data-order-id="${CSS.escape(orderId)}"]`)?.scrollIntoView({
    block: 'nearest',
  });
}

// ---------------------------------------------------------------------------
// Composer. Like a framework page, the draft lives in state and only `input` events update it;
// sending reads that state, never the DOM. `?editor=textarea` makes it a plain textarea, and
// `?editor=lexical|slate|quill|tiptap` mounts that rich editor from npm (bundled by demo/build-editors.mjs): its own
// state then holds the draft, read and written only through the editor's API, so only text that reached the
// editor's state is ever sent.

const RICH_EDITORS = ['lexical', 'slate', 'quill', 'tiptap'];
const composerKind = new URLSearchParams(location.search).get('editor') ?? 'contenteditable';
/** `?sendkey=keypress`: Enter sends from keypress alone, as some React chat pages listen (keydown by default). */
const sendKeyEvent = new URLSearchParams(location.search).get('sendkey') === 'keypress' ? 'keypress' : 'keydown';
/** The mounted rich editor: { root, getText(), setText(text) }, or null for the built-in composers. */
let richEditor = null;

async function mountComposer() {
  if (composerKind === 'contenteditable') return;
  const original = dom.composer;
  if (composerKind === 'textarea') {
    dom.composer = el('textarea', {
      className: 'composer-input composer-textarea',
      attrs: { 'aria-label': '输入消息', placeholder: original.dataset.placeholder },
    });
    original.replaceWith(dom.composer);
    return;
  }
  if (!RICH_EDITORS.includes(composerKind)) throw new Error(`Unknown editor: ${composerKind}`);
  const container = el('div', { className: `composer-editor composer-editor--${composerKind}` });
  original.replaceWith(container);
  const { mountEditor } = await import(`./editors/${composerKind}.js`);
  richEditor = mountEditor(container);
  dom.composer = container;
}

/** The draft as the page's state holds it: the rich editor's text, else the draft kept from input events. */
function composerText(conversation) {
  return richEditor ? richEditor.getText() : conversation.draft;
}

function showDraft(conversation) {
  if (richEditor) richEditor.setText(conversation.draft);
  else if (composerKind === 'textarea') dom.composer.value = conversation.draft;
  // innerText, not textContent: it turns the draft's newlines into line breaks.
  else dom.composer.innerText = conversation.draft;
}

function onComposerInput() {
  const conversation = currentConversation();
  if (composerKind === 'textarea') {
    conversation.draft = dom.composer.value;
    return;
  }
  // An emptied contenteditable keeps a stray <br>; clearing it keeps the :empty placeholder working.
  if (dom.composer.textContent === '') {
    conversation.draft = '';
    if (dom.composer.childNodes.length) dom.composer.replaceChildren();
    return;
  }
  // innerText, not textContent: it keeps the line breaks the agent typed (<br>, <div>) as newlines.
  conversation.draft = dom.composer.innerText;
}

function onComposerSendKey(event) {
  if (event.key !== 'Enter' || event.shiftKey) return;
  // Enter while an IME is composing picks a candidate; it must not send.
  if (event.isComposing || event.keyCode === 229) return;
  event.preventDefault();
  // Listened to in the capture phase: a rich editor must not also turn this Enter into a new paragraph.
  event.stopPropagation();
  sendDraft();
}

function onComposerPaste(event) {
  // Paste plain text only, as chat composers do; insertText fires `input`, which updates the draft.
  event.preventDefault();
  const text = event.clipboardData?.getData('text/plain') ?? '';
  document.execCommand('insertText', false, text);
}

function sendDraft() {
  const conversation = currentConversation();
  const text = composerText(conversation).trim();
  if (!text) return;
  conversation.draft = '';
  if (richEditor) richEditor.setText('');
  else if (composerKind === 'textarea') dom.composer.value = '';
  else dom.composer.replaceChildren();
  addMessage(conversation, { from: 'agent', kind: 'text', text });
}

// ---------------------------------------------------------------------------
// Switching conversations.

function openConversation(id) {
  const conversation = conversationById(id);
  const switching = conversation.id !== state.currentId;
  const previousId = state.currentId;
  state.currentId = conversation.id;
  conversation.unread = 0;
  if (switching) {
    const previous = state.conversations.get(previousId);
    // A rich editor keeps the draft in its own state: the conversation keeps it while another one is open.
    if (previous && richEditor) previous.draft = richEditor.getText();
    if (previous) updateConversationRow(previous);
    renderChat();
    renderOrders();
    showDraft(conversation);
    syncSimulatorConversation();
  }
  updateConversationRow(conversation);
}

function renderAll() {
  renderConversationList();
  filterConversationRows();
  renderChat();
  renderOrders();
  showDraft(currentConversation());
  renderSimulatorOptions();
  tickWaitingTimes();
}

// ---------------------------------------------------------------------------
// Buyer simulator panel, for people trying the page by hand.

function renderSimulatorOptions() {
  const options = [...state.conversations.values()].map((conversation) =>
    el('option', { text: conversation.buyerName, attrs: { value: conversation.id } }),
  );
  dom.simConv.replaceChildren(...options);
  dom.simQuick.replaceChildren(
    ...QUICK_QUESTIONS.map((question) =>
      el('button', { className: 'sim-chip', text: question, attrs: { type: 'button' }, data: { text: question } }),
    ),
  );
  syncSimulatorConversation();
}

function syncSimulatorConversation() {
  dom.simConv.value = state.currentId;
  renderSimulatorOrders();
}

function renderSimulatorOrders() {
  const conversation = state.conversations.get(dom.simConv.value);
  const orders = conversation?.orders ?? [];
  const options = orders.map((order) =>
    el('option', { text: `${order.status} · ${order.product}`, attrs: { value: order.id } }),
  );
  if (!options.length) options.push(el('option', { text: '该买家暂无订单', attrs: { value: '' } }));
  dom.simOrder.replaceChildren(...options);
  dom.simOrder.disabled = orders.length === 0;
  dom.simSendOrder.disabled = orders.length === 0;
}

function simulatorSay(text) {
  const trimmed = text.trim();
  if (!trimmed) return;
  addMessage(conversationById(dom.simConv.value), { from: 'buyer', kind: 'text', text: trimmed });
}

// ---------------------------------------------------------------------------
// Event wiring (delegated, so re-rendered nodes need no rebinding).

function cardContext(target) {
  const node = target.closest('.msg');
  const conversation = currentConversation();
  const card = conversation.messages.find((message) => message.id === node?.dataset.msgId);
  return card ? { conversation, card } : null;
}

function onThreadClick(event) {
  const target = event.target;
  const context = cardContext(target);
  if (context && target.closest('.card-confirm')) confirmCard(context.conversation, context.card);
  else if (context && target.closest('.card-pick-other')) toggleCardPicker(context.conversation, context.card, true);
  else if (context && target.closest('.card-picker-cancel'))
    toggleCardPicker(context.conversation, context.card, false);
  else if (context && target.closest('.card-pick-option')) {
    pickOtherOrder(context.conversation, context.card, target.closest('.card-pick-option').dataset.orderId);
  } else if (target.closest('.order-card-mini')) focusOrder(target.closest('.order-card-mini').dataset.orderId);
}

function onOrderPanelClick(event) {
  const item = event.target.closest('.order-item');
  if (!item) return;
  if (event.target.closest('.order-send-card')) {
    addMessage(currentConversation(), { from: 'agent', kind: 'order-card', orderId: item.dataset.orderId });
    return;
  }
  focusOrder(item.dataset.orderId);
}

function wireEvents() {
  dom.convList.addEventListener('click', (event) => {
    const row = event.target.closest('.conv-item');
    if (row) openConversation(row.dataset.convId);
  });
  dom.convSearch.addEventListener('input', filterConversationRows);
  dom.msgList.addEventListener('click', onThreadClick);
  dom.orderPanel.addEventListener('click', onOrderPanelClick);
  if (!richEditor) dom.composer.addEventListener('input', onComposerInput);
  dom.composer.addEventListener(sendKeyEvent, onComposerSendKey, { capture: true });
  if (composerKind === 'contenteditable') dom.composer.addEventListener('paste', onComposerPaste);
  // Keep the caret in the composer when the button is pressed.
  dom.sendButton.addEventListener('mousedown', (event) => event.preventDefault());
  dom.sendButton.addEventListener('click', sendDraft);
  dom.simConv.addEventListener('change', renderSimulatorOrders);
  dom.simQuick.addEventListener('click', (event) => {
    const chip = event.target.closest('.sim-chip');
    if (chip) simulatorSay(chip.dataset.text);
  });
  dom.simSend.addEventListener('click', () => {
    simulatorSay(dom.simText.value);
    dom.simText.value = '';
  });
  dom.simText.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    simulatorSay(dom.simText.value);
    dom.simText.value = '';
  });
  dom.simSendOrder.addEventListener('click', () => {
    if (dom.simOrder.value) demo.buyerSendsOrder(dom.simConv.value, dom.simOrder.value);
  });
}

// ---------------------------------------------------------------------------
// window.demo: the scriptable buyer simulator the e2e tests use.

function orderForApi(order) {
  const result = { id: order.id, product: order.product, amount: order.amount, status: order.status };
  if (order.paidAt) result.paidAt = order.paidAt.toISOString();
  if (order.promiseShipBy) result.promiseShipBy = order.promiseShipBy.toISOString();
  if (order.courier) result.courier = order.courier;
  if (order.trackingNo) result.trackingNo = order.trackingNo;
  return result;
}

function messageForApi(message) {
  const result = { id: message.id, from: message.from, kind: message.kind, text: message.text };
  if (message.orderId) result.orderId = message.orderId;
  return result;
}

const demo = {
  conversations() {
    return [...state.conversations.values()].map((conversation) => ({
      id: conversation.id,
      buyerName: conversation.buyerName,
      waitingSeconds: waitingSeconds(conversation),
      orders: conversation.orders.map(orderForApi),
    }));
  },
  open(id) {
    openConversation(id);
  },
  buyerSays(id, text) {
    return addMessage(conversationById(id), { from: 'buyer', kind: 'text', text: String(text) });
  },
  buyerSendsOrder(id, orderId) {
    const conversation = conversationById(id);
    if (!findOrder(conversation, orderId)) throw new Error(`Conversation ${id} has no order ${orderId}`);
    return addMessage(conversation, { from: 'buyer', kind: 'order-card', orderId });
  },
  buyerConfirms(id) {
    const conversation = conversationById(id);
    const card = latestAgentOrderCard(conversation);
    return card ? confirmCard(conversation, card) !== false : false;
  },
  thread(id) {
    return conversationById(id).messages.map(messageForApi);
  },
  reset() {
    state = buildState(fixture);
    renderAll();
  },
  currentId() {
    return state.currentId;
  },
  /** The open conversation's draft as the page would send it, read through the editor's own API for rich editors. */
  editorText() {
    return composerText(currentConversation());
  },
  /** contenteditable (the default), textarea, or the rich editor mounted by ?editor=. */
  composerKind() {
    return composerKind;
  },
};

// ---------------------------------------------------------------------------

async function loadFixture() {
  const response = await fetch(new URL('./fixture.json', import.meta.url));
  if (!response.ok) throw new Error(`fixture.json: HTTP ${response.status}`);
  return response.json();
}

function renderShopChrome() {
  dom.shopName.textContent = state.shop.name;
  dom.agentName.textContent = `客服 ${state.shop.agentName}`;
  dom.agentStatus.textContent = state.shop.agentStatus;
}

async function start() {
  collectDom();
  await mountComposer();
  fixture = await loadFixture();
  state = buildState(fixture);
  wireEvents();
  renderShopChrome();
  renderAll();
  window.demo = demo;
  setInterval(tickWaitingTimes, 1000);
  document.documentElement.dataset.workbenchReady = '1';
}

start().catch((error) => {
  console.error('Workbench failed to start', error);
  document.body.prepend(el('div', { className: 'load-error', text: `工作台加载失败：${error.message}` }));
});
