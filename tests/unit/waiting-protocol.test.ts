import { describe, expect, test } from 'vitest';
import { parseEnvelope } from '@/lib/protocol';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { JUMP_LONGEST, openConversationMessage, parseTabRequest, WAITING_LIST } from '@/lib/waiting/messages';
import { freshStore } from '@/tests/unit/store-helpers';

const envelope = (type: string, payload: unknown) => ({ huashu: 1, type, payload });

describe('workflow requests are checked on arrival', () => {
  test('the waiting count is a whole number from 0', () => {
    expect(parseEnvelope(envelope('reportWaiting', { count: 3 }))?.payload).toEqual({ count: 3 });
    expect(() => parseEnvelope(envelope('reportWaiting', { count: -1 }))).toThrow('等待人数无效');
    expect(() => parseEnvelope(envelope('reportWaiting', { count: 1.5 }))).toThrow();
    expect(() => parseEnvelope(envelope('reportWaiting', {}))).toThrow();
  });

  test('stats events must have a known kind and intent', () => {
    const ok = parseEnvelope(envelope('recordStats', { events: [{ kind: 'sent', intent: 'logistics', at: 5 }] }));
    expect(ok?.payload).toEqual({ events: [{ kind: 'sent', intent: 'logistics', at: 5 }] });
    expect(() => parseEnvelope(envelope('recordStats', { events: [{ kind: 'hack', at: 5 }] }))).toThrow();
    expect(() => parseEnvelope(envelope('recordStats', {}))).toThrow();
  });

  test('the daily summary switch is a boolean', () => {
    expect(parseEnvelope(envelope('saveStatsSummary', { enabled: true }))?.payload).toEqual({ enabled: true });
    expect(() => parseEnvelope(envelope('saveStatsSummary', { enabled: 'yes' }))).toThrow();
  });

  test('slow-reply settings: a number of seconds and an on/off sound', () => {
    expect(
      parseEnvelope(envelope('saveSettings', { slowReplyThresholdSeconds: 120, slowReplySound: true }))?.payload,
    ).toEqual({ slowReplyThresholdSeconds: 120, slowReplySound: true });
    expect(() => parseEnvelope(envelope('saveSettings', { slowReplyThresholdSeconds: '120' }))).toThrow();
    expect(() => parseEnvelope(envelope('saveSettings', { slowReplySound: 1 }))).toThrow();
  });
});

describe('messages to a chat tab', () => {
  test('only the three known requests, with a bounded id', () => {
    expect(parseTabRequest(JUMP_LONGEST)).toEqual(JUMP_LONGEST);
    expect(parseTabRequest(WAITING_LIST)).toEqual(WAITING_LIST);
    expect(parseTabRequest(openConversationMessage('c02'))).toEqual({ huashu: 1, type: 'openConversation', id: 'c02' });
    expect(parseTabRequest({ huashu: 1, type: 'openConversation', id: '' })).toBeNull();
    expect(parseTabRequest({ huashu: 1, type: 'openConversation', id: 'x'.repeat(201) })).toBeNull();
    expect(parseTabRequest({ huashu: 1, type: 'solutionsChanged' })).toBeNull();
    expect(parseTabRequest(null)).toBeNull();
  });
});

describe('slow-reply settings in the shop store', () => {
  test('default 100 s and no sound; saved values come back; out-of-range thresholds are refused', async () => {
    const { store, reopen } = await freshStore();
    expect(store.snapshot().settings).toMatchObject({
      slowReplyThresholdSeconds: DEFAULT_SETTINGS.slowReplyThresholdSeconds,
      slowReplySound: false,
    });
    expect(DEFAULT_SETTINGS.slowReplyThresholdSeconds).toBe(100);
    await store.saveSettings({ slowReplyThresholdSeconds: 45, slowReplySound: true });
    await expect(store.saveSettings({ slowReplyThresholdSeconds: 5 })).rejects.toThrow('10–1800');
    await expect(store.saveSettings({ slowReplyThresholdSeconds: 30.5 })).rejects.toThrow();
    const again = await reopen();
    expect(again.snapshot().settings).toMatchObject({ slowReplyThresholdSeconds: 45, slowReplySound: true });
  });
});
