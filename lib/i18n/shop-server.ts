/** The options page's words about the shop server: the 店铺服务器 page, its banners and the pack page's notes. */
import type { Language } from '@/lib/language';

const zh = {
  tab: '店铺服务器',
  title: '店铺服务器',
  intro:
    '连接后，本浏览器使用店铺的统一话术库：管理员的修改会立即同步给每位客服；断网时继续使用本地副本，恢复后自动补上。',
  stateNone: '未连接：话术只保存在本浏览器。',
  stateConnecting: (shop: string) => `正在连接 · ${shop}`,
  stateConnected: (shop: string, revision: number) => `已连接 · ${shop} · 修订号 ${revision}`,
  stateOffline: '离线，使用本地副本',
  stateOfflineRevision: (revision: number) => `本地副本的修订号 ${revision}；服务器恢复后会自动补上之间的修改。`,
  stateRefused: '店铺服务器拒绝了本浏览器',
  who: (name: string, role: 'admin' | 'agent', server: string) =>
    `${name}（${role === 'admin' ? '管理员' : '客服'}）· ${server}`,
  disconnect: '断开',
  disconnectConfirm: '断开后，本浏览器不再同步店铺话术（保留当前的本地副本），服务器上的凭证也会作废。确定断开？',
  disconnected: '已断开店铺服务器',
  connectTitle: '连接店铺服务器',
  serverUrl: '服务器地址',
  serverUrlHint: '例如 http://127.0.0.1:8787（管理员启动服务器时显示的地址）',
  code: '邀请码',
  codeHint: '管理员在服务器上为您生成的一次性邀请码',
  setupToggle: '首次设置：用服务器打印的设置码创建店铺（我是管理员）',
  setupCode: '设置码',
  shopName: '店铺名称',
  adminName: '您的名字',
  connect: '连接',
  connecting: '正在连接…',
  connected: (shop: string) => `已连接店铺「${shop}」`,
  permissionNote: '点「连接」时浏览器会询问是否允许访问这个服务器地址：请点「允许」。话术助手只访问这一个地址。',
  agentReadOnly: (shop: string) => `已连接店铺「${shop}」：话术库由店铺管理员维护，此处只能查看，修改会被拒绝。`,
  adminConnected: (shop: string) => `已连接店铺「${shop}」：在此保存的修改会发布给店铺的每位客服。`,
  offlineBanner: '店铺服务器暂时连不上：建议照常使用本地副本，修改话术请等连接恢复。',
  exportFromServer: '已连接店铺：导出的是店铺服务器上的话术库。',
  importPublish: (shop: string) => `导入并发布到店铺「${shop}」`,
  importPublishNote: (shop: string) => `已连接店铺「${shop}」：导入后会发布给店铺的每位客服。`,
  importPublishConfirm: (shop: string) => `把这个话术包发布到店铺「${shop}」？每位客服的话术都会随之更新。`,
  importAgentReadOnly: '已连接店铺：话术包只能由管理员导入并发布。',
  inviteTitle: '邀请客服',
  inviteIntro: '为每位客服生成一个一次性邀请码（7 天内有效），对方在自己浏览器的「店铺服务器」页填入即可连接。',
  inviteName: '客服名字',
  inviteRole: '角色',
  roleAgent: '客服',
  roleAdmin: '管理员',
  inviteButton: '生成邀请码',
  inviteCode: (name: string) => `${name} 的邀请码（只能用一次）：`,
  membersTitle: '店铺成员和浏览器',
  membersRefresh: '刷新',
  deviceLabel: (label: string, lastSeen: string | null) =>
    `${label || '浏览器'}${lastSeen ? ` · 最近在线 ${lastSeen}` : ''}`,
  deviceRevoked: '已移出',
  deviceThis: '本浏览器',
  revoke: '移出',
  revokeConfirm: (name: string) => `移出 ${name} 的这个浏览器？它会立即停止同步话术，需要新的邀请码才能再连接。`,
  revoked: '已移出该浏览器',
};

type ShopServerStrings = typeof zh;

const en: ShopServerStrings = {
  tab: 'Shop server',
  title: 'Shop server',
  intro:
    "Connected, this browser uses the shop's one reply library: the admin's edits reach every agent at once; offline, the local copy keeps working and catches up when the server is back.",
  stateNone: 'Not connected: replies are kept in this browser only.',
  stateConnecting: (shop) => `Connecting · ${shop}`,
  stateConnected: (shop, revision) => `Connected · ${shop} · revision ${revision}`,
  stateOffline: 'Offline, using the local copy',
  stateOfflineRevision: (revision) =>
    `The local copy is at revision ${revision}; edits made meanwhile arrive when the server is back.`,
  stateRefused: 'The shop server refused this browser',
  who: (name, role, server) => `${name} (${role === 'admin' ? 'admin' : 'agent'}) · ${server}`,
  disconnect: 'Disconnect',
  disconnectConfirm:
    "Disconnected, this browser no longer follows the shop's replies (the local copy stays) and its token on the server stops working. Disconnect?",
  disconnected: 'Disconnected from the shop server',
  connectTitle: 'Connect to a shop server',
  serverUrl: 'Server address',
  serverUrlHint: 'e.g. http://127.0.0.1:8787 (the address the server shows when it starts)',
  code: 'Invitation code',
  codeHint: 'The one-time code your admin made for you on the server',
  setupToggle: "First setup: create the shop with the setup code the server printed (I'm the admin)",
  setupCode: 'Setup code',
  shopName: 'Shop name',
  adminName: 'Your name',
  connect: 'Connect',
  connecting: 'Connecting…',
  connected: (shop) => `Connected to the shop "${shop}"`,
  permissionNote:
    'When you click Connect, the browser asks whether Huashu may reach this server address: choose Allow. Huashu reaches this one address only.',
  agentReadOnly: (shop) =>
    `Connected to the shop "${shop}": its admin keeps the reply library; here you can look, and changes are refused.`,
  adminConnected: (shop) => `Connected to the shop "${shop}": what you save here reaches every agent of the shop.`,
  offlineBanner: 'The shop server cannot be reached: the local copy keeps working; edit replies once it is back.',
  exportFromServer: "Connected to a shop: the export is the shop server's library.",
  importPublish: (shop) => `Import and publish to "${shop}"`,
  importPublishNote: (shop) => `Connected to the shop "${shop}": an imported pack reaches every agent of the shop.`,
  importPublishConfirm: (shop) => `Publish this pack to the shop "${shop}"? Every agent's replies change with it.`,
  importAgentReadOnly: 'Connected to a shop: only the admin imports and publishes packs.',
  inviteTitle: 'Invite an agent',
  inviteIntro:
    'Make a one-time invitation code (valid 7 days) for each agent; they enter it on the Shop server page of their own browser.',
  inviteName: "Agent's name",
  inviteRole: 'Role',
  roleAgent: 'Agent',
  roleAdmin: 'Admin',
  inviteButton: 'Make a code',
  inviteCode: (name) => `Invitation code for ${name} (one use):`,
  membersTitle: "The shop's people and browsers",
  membersRefresh: 'Refresh',
  deviceLabel: (label, lastSeen) => `${label || 'Browser'}${lastSeen ? ` · last seen ${lastSeen}` : ''}`,
  deviceRevoked: 'Disconnected',
  deviceThis: 'This browser',
  revoke: 'Disconnect',
  revokeConfirm: (name) =>
    `Disconnect this browser of ${name}? It stops following the replies at once and needs a new code to join again.`,
  revoked: 'The browser was disconnected',
};

export function shopServerStrings(language: Language): ShopServerStrings {
  return language === 'en' ? en : zh;
}
