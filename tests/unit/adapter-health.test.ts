import { describe, expect, test } from 'vitest';
import type { AdapterHealth } from '@/lib/pages/health';
import { orderNotice, summarizeHealth } from '@/lib/pages/health';

const ALL: AdapterHealth = { conversations: true, messages: true, input: true, send: true, orders: true };

describe('summarizeHealth', () => {
  test('all parts found: ok, no badge', () => {
    expect(summarizeHealth(ALL)).toEqual({
      ok: true,
      missing: [],
      features: { suggest: true, orderAware: true, copy: true, send: true },
      text: '页面识别正常：会话、消息、输入框、发送按钮和订单均已找到。',
      badge: '',
    });
  });

  test('orders missing: intent-level suggestions, copy and send still work', () => {
    const summary = summarizeHealth({ ...ALL, orders: false });
    expect(summary.badge).toBe('!');
    expect(summary.features).toEqual({ suggest: true, orderAware: false, copy: true, send: true });
    expect(summary.text).toBe('未找到订单信息。仍可用：话术建议（按买家意图，不含订单信息）、复制到输入框、一键发送。');
    expect(summarizeHealth({ ...ALL, orders: false }, 'en').text).toBe(
      'Not found: order details. Still works: reply suggestions (by intent, without order details), copy into the input box, one-click send.',
    );
  });

  test('send button missing: sending is off, copy still works', () => {
    const summary = summarizeHealth({ ...ALL, send: false });
    expect(summary.features.send).toBe(false);
    expect(summary.text).toBe('未找到发送按钮。仍可用：话术建议、复制到输入框。');
  });

  test('messages missing: no suggestions, and no confirmed sending either', () => {
    const summary = summarizeHealth({ ...ALL, messages: false });
    expect(summary.features).toEqual({ suggest: false, orderAware: false, copy: true, send: false });
    expect(summary.text).toBe('未找到聊天消息。仍可用：复制到输入框。');
  });

  test('only the conversation list missing: says suggestions do not need it', () => {
    expect(summarizeHealth({ ...ALL, conversations: false }).text).toBe(
      '未找到会话列表。会话列表仅作显示，不影响话术建议。',
    );
  });

  test('nothing found: says Huashu cannot work here and how to report it', () => {
    const none: AdapterHealth = { conversations: false, messages: false, input: false, send: false, orders: false };
    const summary = summarizeHealth(none);
    expect(summary.badge).toBe('×');
    expect(summary.missing).toEqual(['conversations', 'messages', 'input', 'send', 'orders']);
    expect(summary.text).toBe(
      '未找到会话列表、聊天消息、输入框、发送按钮、订单信息。话术助手暂时无法在此页面工作，请刷新页面；若仍如此，请反馈“选择器失效”。',
    );
  });
});

describe('orderNotice', () => {
  test('says the order could not be read only when the orders part is missing', () => {
    expect(orderNotice(ALL)).toBeNull();
    expect(orderNotice({ ...ALL, orders: false })).toBe('未能读取订单信息：以下话术按买家意图给出，不含订单内容。');
    expect(orderNotice({ ...ALL, orders: false }, 'en')).toMatch(/^Could not read the order/);
  });
});
