// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ConversationSummary, HostAdapter } from '@/lib/adapters/types';
import { createSuggestService } from '@/lib/service/suggest';
import { PreviewUrgency } from '@/lib/waiting/previews';
import { demoWorkbench, feige, pinduoduo } from '@/tests/unit/adapters';
import { freshStore } from '@/tests/unit/store-helpers';

function load(name: string): void {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

function previewsOf(adapter: HostAdapter): Record<string, string | undefined> {
  return Object.fromEntries(adapter.conversations(document).map((row) => [row.id, row.preview]));
}

describe('the conversation list’s previews, read from the saved pages', () => {
  test('飞鸽: every row’s last message, from its msgContent element', () => {
    load('feige-workspace.html');
    expect(previewsOf(feige)).toEqual({
      橙子不酸: '我昨天就拍了，怎么还没发货',
      阿杰同学: '在吗？能改地址吗',
      小美爱吃鱼: '好的谢谢亲',
      王女士: '[图片]',
      Lily_0923: '退款什么时候到账',
    });
  });

  test('飞鸽 after a redesign without the msgContent class: no preview, rather than a guess among the row’s texts', () => {
    load('feige-fallback.html');
    expect(previewsOf(feige)).toEqual({ 阿杰同学: undefined, 小美爱吃鱼: undefined });
  });

  test('拼多多: each session row’s p.chat-message-content, on both saved pages', () => {
    load('pinduoduo-chat.html');
    expect(previewsOf(pinduoduo)).toEqual({
      'pdd-5fa2c9e1': '我的快递怎么还没到',
      'pdd-7c31e0b4': '什么时候发货呀',
      'pdd-19d8aa02': '收到了，谢谢',
    });
    load('pinduoduo-fallback.html');
    expect(previewsOf(pinduoduo)).toEqual({ 'pdd-2b6f0d17': '可以便宜点吗', 'pdd-90ce44a1': '我要退货' });
  });

  test('the workbench: only a last message the buyer wrote is their preview', () => {
    load('workbench.html');
    const rows = demoWorkbench.conversations(document);
    for (const row of rows) {
      const last = document.querySelector<HTMLElement>(`.conv-item[data-conv-id="${row.id}"] .conv-last`);
      expect(row.preview, row.id).toBe(last?.dataset.from === 'buyer' ? last.textContent : undefined);
    }
    expect(rows.find((row) => row.id === 'c02')?.preview).toBe('能不能快点，急用');
    // c01's last message is the agent's goodbye: not a buyer's mood.
    expect(rows.find((row) => row.id === 'c01')?.preview).toBeUndefined();
  });
});

function row(id: string, waiting: boolean, preview?: string): ConversationSummary {
  return { id, name: `买家${id}`, waiting, unread: 0, ...(preview !== undefined ? { preview } : {}) };
}

const ANGRY = '再不发货我就投诉了！！！';
const CALM = '什么时候发货呀';

describe('which previews are judged, and which judgements mark a buyer', () => {
  test('only waiting buyers with a preview are asked about, never the open conversation', () => {
    const urgency = new PreviewUrgency();
    const { ask, mark } = urgency.consider(
      [row('a', true, ANGRY), row('b', false, ANGRY), row('c', true), row('open', true, ANGRY)],
      'open',
    );
    expect(ask).toEqual([{ conversationId: 'a', text: ANGRY }]);
    expect(mark).toEqual([]);
  });

  test('an urgent answer marks the buyer; a calm one does not', () => {
    const urgency = new PreviewUrgency();
    const { ask } = urgency.consider([row('a', true, ANGRY), row('b', true, CALM)], null);
    expect(urgency.answered(ask, [true, false])).toEqual(['a']);
  });

  test('each distinct preview is asked once, also while its answer is on the way; a redraw asks nothing', () => {
    const urgency = new PreviewUrgency();
    const first = urgency.consider([row('a', true, CALM)], null);
    expect(first.ask).toHaveLength(1);
    // The list redrawn before the answer came: nothing new to ask.
    expect(urgency.consider([row('a', true, CALM)], null).ask).toEqual([]);
    urgency.answered(first.ask, [false]);
    expect(urgency.consider([row('a', true, CALM)], null)).toEqual({ ask: [], mark: [] });
    // The buyer writes again, angrily: that text is new.
    expect(urgency.consider([row('a', true, ANGRY)], null).ask).toEqual([{ conversationId: 'a', text: ANGRY }]);
  });

  test('the same angry text in a new wait marks again from the kept judgement, without asking', () => {
    const urgency = new PreviewUrgency();
    const { ask } = urgency.consider([row('a', true, ANGRY)], null);
    expect(urgency.answered(ask, [true])).toEqual(['a']);
    // The agent answers (the row stops waiting), then the buyer repeats the same words.
    urgency.consider([row('a', false, ANGRY)], null);
    expect(urgency.consider([row('a', true, ANGRY)], null)).toEqual({ ask: [], mark: ['a'] });
  });

  test('the cache is by conversation and text: the same words from another buyer are asked about', () => {
    const urgency = new PreviewUrgency();
    urgency.answered(urgency.consider([row('a', true, ANGRY)], null).ask, [true]);
    expect(urgency.consider([row('a', true, ANGRY), row('b', true, ANGRY)], null).ask).toEqual([
      { conversationId: 'b', text: ANGRY },
    ]);
  });

  test('an answer that comes after the buyer was answered, or wrote again, marks nobody', () => {
    const urgency = new PreviewUrgency();
    const { ask } = urgency.consider([row('a', true, ANGRY), row('b', true, ANGRY)], null);
    urgency.consider([row('a', false, ANGRY), row('b', true, CALM)], null);
    expect(urgency.answered(ask, [true, true])).toEqual([]);
  });

  test('a buyer left unanswered when the agent switches away is judged then', () => {
    const urgency = new PreviewUrgency();
    expect(urgency.consider([row('a', true, ANGRY)], 'a').ask).toEqual([]);
    expect(urgency.consider([row('a', true, ANGRY)], 'b').ask).toEqual([{ conversationId: 'a', text: ANGRY }]);
  });

  test('questions that got no answer are asked again at the next read', () => {
    const urgency = new PreviewUrgency();
    const { ask } = urgency.consider([row('a', true, ANGRY)], null);
    urgency.unanswered(ask);
    expect(urgency.consider([row('a', true, ANGRY)], null).ask).toEqual(ask);
  });
});

describe('the background’s judgement of a preview is the open chat’s', () => {
  const texts = [ANGRY, CALM, '你们什么破店，骗子', '到底什么时候发货？？？', '好的谢谢', '在吗？能改地址吗', '[图片]'];

  test('a preview is urgent exactly when the same message in the open chat makes the popup urgent', async () => {
    const { store } = await freshStore();
    const service = createSuggestService({ now: () => new Date('2026-11-24T08:00:00Z'), shop: store.snapshot });
    const popupUrgent = (text: string) =>
      service.suggest({ conversationId: 'c', messageId: 'm', text, history: [], orders: [], capabilities: [] })
        ?.urgent ?? false;
    expect(texts.map((text) => service.isUrgent(text))).toEqual(texts.map(popupUrgent));
    expect(service.isUrgent(ANGRY)).toBe(true);
    expect(service.isUrgent('你们什么破店，骗子')).toBe(true);
    expect(service.isUrgent(CALM)).toBe(false);

    // The shop turned escalation off: a complaint with no other request no longer makes anything urgent.
    await store.setIntentEnabled('escalation', false);
    expect(texts.map((text) => service.isUrgent(text))).toEqual(texts.map(popupUrgent));
    expect(service.isUrgent('你们什么破店，骗子')).toBe(false);
  });
});
