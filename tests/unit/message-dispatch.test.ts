import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { errorText } from '@/lib/i18n/errors';
import { BACKGROUND_REQUESTS, type BackgroundRequestType, CHAT_REQUESTS } from '@/lib/messages/background-map';
import { type BackgroundHandlers, serveBackground } from '@/lib/messages/serve-background';

type Listener = (message: unknown, sender: { id?: string; url?: string; tab?: { id: number } }) => unknown;

/** The background's dispatcher with every handler answering 'handled', and the listener it registered. */
function dispatcher(): Listener {
  let listener: Listener | undefined;
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((fn) => {
    listener = fn as Listener;
  });
  const handlers = new Proxy({}, { get: () => () => 'handled' }) as BackgroundHandlers;
  serveBackground(handlers);
  if (!listener) throw new Error('no listener registered');
  return listener;
}

/** A payload each request's schema accepts, so only the sender decides. */
const VALID: Partial<Record<BackgroundRequestType, unknown>> = {
  suggest: { conversationId: 'c', messageId: 'm', text: '发货了吗' },
  reportHealth: { parts: { conversations: true, messages: true, input: true, send: true, orders: true } },
  reportWaiting: { count: 1 },
  previewUrgency: { previews: [{ conversationId: 'c02', text: '在吗' }] },
  recordStats: { events: [] },
  saveReply: { intent: 'ship_urge', situation: 'none', replyId: 'x', text: '亲' },
  restoreReply: { intent: 'ship_urge', situation: 'none', replyId: 'x' },
  addOwnReply: { intent: 'ship_urge', situation: 'none', text: '亲' },
  deleteOwnReply: { intent: 'ship_urge', situation: 'none', replyId: 'own.x' },
  reorderReplies: { intent: 'ship_urge', situation: 'none', order: [] },
  setIntentEnabled: { intent: 'invoice', enabled: false },
  saveRule: { keywords: ['包邮'], reply: '亲，包邮哦', enabled: true },
  deleteRule: { id: 'r1' },
  reorderRules: { ids: [] },
  saveSettings: { language: 'en' },
  saveSelectorOverrides: { overrides: {} },
  testSelectors: { overrides: {} },
  previewPack: { pack: { format: 'huashu-reply-pack', version: 1, slots: [], disabledIntents: [], rules: [] } },
  importPack: { pack: { format: 'huashu-reply-pack', version: 1, slots: [], disabledIntents: [], rules: [] } },
  saveStatsSummary: { enabled: true },
  getFeedback: { id: 'f1' },
  setFeedbackResolved: { id: 'f1', resolved: true },
  deleteFeedback: { ids: ['f1'] },
  resendFeedback: { ids: ['f1'] },
  saveFeedbackSettings: { webhookUrl: '' },
  connectServer: { serverUrl: 'http://127.0.0.1:8787', code: 'code' },
  shopFeedbackImages: { id: 1, images: [{ type: 'image/webp', width: 10, height: 10 }] },
  setShopFeedbackResolved: { id: 1, resolved: true },
  saveShopWebhook: { webhookUrl: '' },
  shopStats: { days: 14 },
  inviteToShop: { name: '小王', role: 'agent' },
  revokeShopDevice: { deviceId: 'device' },
  libraryHistory: { limit: 50 },
  rollbackLibraryChange: { revision: 2 },
  addCustomPage: { pattern: 'https://kf.example.com/*' },
  removeCustomPage: { id: 'huashu-page-x' },
  startMapper: { id: 'huashu-page-x' },
  saveMappedPage: { definition: {} },
  submitFeedback: {
    category: 'bad_reply',
    description: '话术不合适',
    images: [],
    context: {
      conversationId: 'c',
      messageId: 'm',
      intent: 'ship_urge',
      intentLabel: '什么时候发货',
      confidence: 0.9,
      why: [],
      buyerText: '发货了吗',
      replies: [],
      node: null,
    },
  },
};

const ADMIN_REQUESTS = (Object.keys(BACKGROUND_REQUESTS) as BackgroundRequestType[]).filter(
  (type) => !(CHAT_REQUESTS as readonly string[]).includes(type),
);
const CONTENT_SCRIPT = {
  id: fakeBrowser.runtime.id,
  url: 'https://im.jinritemai.com/pc_seller_v2/main/workspace',
  tab: { id: 7 },
};
// The options page opened in a tab carries a tab too: its URL is what tells it apart.
const OPTIONS_PAGE = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html'), tab: { id: 8 } };

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('who may ask the background what', () => {
  test.each(ADMIN_REQUESTS)('%s from a content script is refused, from the options page it is served', async (type) => {
    const listen = dispatcher();
    const message = { huashu: 1, type, payload: VALID[type] ?? {} };
    const refused = (await listen(message, CONTENT_SCRIPT)) as { ok: boolean; reason: unknown };
    expect(refused.ok).toBe(false);
    expect(errorText(refused.reason, 'zh')).toBe('此操作只能在话术助手的管理页面进行');
    await expect(listen(message, OPTIONS_PAGE)).resolves.toEqual({ ok: true, value: 'handled' });
  });

  test.each([...CHAT_REQUESTS])('%s is served to a chat tab', async (type) => {
    const listen = dispatcher();
    await expect(listen({ huashu: 1, type, payload: VALID[type] ?? {} }, CONTENT_SCRIPT)).resolves.toEqual({
      ok: true,
      value: 'handled',
    });
  });

  test('the admin requests are the shop’s library, the inbox, the statistics and the settings', () => {
    expect(ADMIN_REQUESTS).toEqual(
      expect.arrayContaining([
        'shopState',
        'exportPack',
        'importPack',
        'exportFeedback',
        'deleteFeedback',
        'saveFeedbackSettings',
      ]),
    );
  });

  test('another extension’s messages are left alone', () => {
    const listen = dispatcher();
    expect(listen({ huashu: 1, type: 'exportPack', payload: {} }, { id: 'another-extension' })).toBeUndefined();
  });
});
