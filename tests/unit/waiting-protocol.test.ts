import { describe, expect, test } from 'vitest';
import { parseEnvelope } from '@/lib/messages/envelope';
import { LIMITS } from '@/lib/messages/limits';
import { TAB_REQUESTS } from '@/lib/messages/tab-map';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { asyncRefusal, backgroundRequest, refusal } from '@/tests/unit/message-helpers';
import { freshStore } from '@/tests/unit/store-helpers';

describe('workflow requests are checked on arrival', () => {
  test('the waiting count is a whole number from 0', () => {
    expect(backgroundRequest('reportWaiting', { count: 3 })?.payload).toEqual({ count: 3 });
    expect(refusal(() => backgroundRequest('reportWaiting', { count: -1 }))).toBe('等待人数无效');
    expect(refusal(() => backgroundRequest('reportWaiting', { count: 1.5 }))).toBe('等待人数无效');
    expect(refusal(() => backgroundRequest('reportWaiting', {}))).toBe('等待人数无效');
  });

  test('previews to judge: a bounded batch of conversation ids and texts; a huge text is cut, not refused', () => {
    const preview = { conversationId: 'c02', text: '再不发货我就投诉了！！！' };
    expect(backgroundRequest('previewUrgency', { previews: [preview] })?.payload).toEqual({ previews: [preview] });
    const long = backgroundRequest('previewUrgency', {
      previews: [{ conversationId: 'c02', text: '急'.repeat(5000) }],
    });
    expect(long?.payload).toEqual({ previews: [{ conversationId: 'c02', text: '急'.repeat(LIMITS.textChars) }] });
    const tooMany = Array.from({ length: LIMITS.previewsPerRequest + 1 }, () => preview);
    expect(refusal(() => backgroundRequest('previewUrgency', { previews: tooMany }))).toBe('请求无效');
    const longId = { conversationId: 'x'.repeat(LIMITS.idChars + 1), text: '在吗' };
    expect(refusal(() => backgroundRequest('previewUrgency', { previews: [longId] }))).toBe('会话无效');
  });

  test('stats events must have a known kind and intent', () => {
    const ok = backgroundRequest('recordStats', { events: [{ kind: 'sent', intent: 'logistics', at: 5 }] });
    expect(ok?.payload).toEqual({ events: [{ kind: 'sent', intent: 'logistics', at: 5 }] });
    expect(refusal(() => backgroundRequest('recordStats', { events: [{ kind: 'hack', at: 5 }] }))).toBe('统计事件无效');
    expect(refusal(() => backgroundRequest('recordStats', {}))).toBe('统计事件无效');
  });

  test('the daily summary switch is a boolean', () => {
    expect(backgroundRequest('saveStatsSummary', { enabled: true })?.payload).toEqual({ enabled: true });
    expect(refusal(() => backgroundRequest('saveStatsSummary', { enabled: 'yes' }))).toBe('每日摘要设置无效');
  });

  test('slow-reply settings: a number of seconds and an on/off sound', () => {
    expect(
      backgroundRequest('saveSettings', { slowReplyThresholdSeconds: 120, slowReplySound: true })?.payload,
    ).toEqual({ slowReplyThresholdSeconds: 120, slowReplySound: true });
    expect(refusal(() => backgroundRequest('saveSettings', { slowReplyThresholdSeconds: '120' }))).toBe(
      '慢回复提醒时间无效',
    );
    expect(refusal(() => backgroundRequest('saveSettings', { slowReplySound: 1 }))).toBe('提醒声音设置无效');
  });
});

describe('requests to a chat tab', () => {
  const tabRequest = (message: unknown) => parseEnvelope(TAB_REQUESTS, message);

  test('the known requests pass; an id to open is bounded', () => {
    expect(tabRequest({ huashu: 1, type: 'jumpLongest', payload: {} })?.type).toBe('jumpLongest');
    expect(tabRequest({ huashu: 1, type: 'waitingList', payload: {} })?.type).toBe('waitingList');
    expect(tabRequest({ huashu: 1, type: 'openConversation', payload: { id: 'c02' } })?.payload).toEqual({ id: 'c02' });
    expect(refusal(() => tabRequest({ huashu: 1, type: 'openConversation', payload: { id: '' } }))).toBe('请求无效');
    expect(refusal(() => tabRequest({ huashu: 1, type: 'openConversation', payload: { id: 'x'.repeat(201) } }))).toBe(
      '请求无效',
    );
  });

  test('anything else is not ours', () => {
    expect(tabRequest({ huashu: 1, type: 'suggest', payload: {} })).toBeNull();
    expect(tabRequest({ type: 'jumpLongest', payload: {} })).toBeNull();
    expect(tabRequest(null)).toBeNull();
  });
});

describe('slow-reply settings in the shop store', () => {
  test('default 100 s and no sound; saved values come back; out-of-range thresholds are refused', async () => {
    const { store, reopen } = await freshStore();
    expect(store.snapshot().settings).toMatchObject({
      slowReplyThresholdSeconds: DEFAULT_SETTINGS.slowReplyThresholdSeconds,
      slowReplySound: false,
    });
    await store.saveSettings({ slowReplyThresholdSeconds: 45, slowReplySound: true });
    expect(await asyncRefusal(() => store.saveSettings({ slowReplyThresholdSeconds: 5 }))).toMatch('10–1800');
    expect(await asyncRefusal(() => store.saveSettings({ slowReplyThresholdSeconds: 30.5 }))).toMatch('10–1800');
    const again = await reopen();
    expect(again.snapshot().settings).toMatchObject({ slowReplyThresholdSeconds: 45, slowReplySound: true });
  });
});
