import { describe, expect, test, vi } from 'vitest';
import { errorText } from '@/lib/i18n/errors';
import { effectiveSelectorOverrides } from '@/lib/pages/overrides';
import { openShopDb } from '@/lib/store/db';
import { readManagedValue } from '@/lib/store/managed';
import { diffShop, packData, parsePack, parsePackText } from '@/lib/store/pack';
import { asyncRefusal, backgroundRequest, refusal } from '@/tests/unit/message-helpers';
import { freshStore } from '@/tests/unit/store-helpers';

// No DOM here, as in the background's service worker: the DOM-free selector check is what runs.
const FIX = { feige: { parts: { composer: [{ selector: 'textarea[data-qa-id="qa-editor-2026"]' }] } } };

describe('selector overrides in the shop store', () => {
  test('saved, kept across a restart, cleared with {}', async () => {
    const { store, reopen } = await freshStore();
    expect(store.snapshot().local.selectorOverrides).toEqual({});
    await store.saveSelectorOverrides(FIX);
    expect(store.snapshot().local.selectorOverrides).toEqual(FIX);
    const again = await reopen();
    expect(again.snapshot().local.selectorOverrides).toEqual(FIX);
    await again.saveSelectorOverrides({});
    expect(again.snapshot().local.selectorOverrides).toEqual({});
  });

  test('overrides a browser saved before pages were definitions are read in the new shape after the update', async () => {
    const { store, factory, reopen } = await freshStore();
    store.close();
    const db = await openShopDb(factory);
    await db.put('selectors', { adapter: 'feige', selectors: { composer: ['textarea[data-qa-id="qa-editor-2026"]'] } });
    await db.put('selectors', { adapter: 'gone-page', selectors: { composer: ['textarea'] } });
    db.close();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const again = await reopen();
    // The page Huashu no longer knows is left out, with a warning; the rest is kept.
    expect(again.snapshot().local.selectorOverrides).toEqual(FIX);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  test('a bad set is refused with the reason and changes nothing', async () => {
    const { store } = await freshStore();
    await store.saveSelectorOverrides(FIX);
    expect(
      await asyncRefusal(() =>
        store.saveSelectorOverrides({ feige: { parts: { composer: [{ selector: 'textarea[' }] } } }),
      ),
    ).toMatch(/feige\.composer 第 1 个「textarea\[」：不是有效的 CSS 选择器/);
    expect(
      await asyncRefusal(() => store.saveSelectorOverrides({ feige: { parts: { nope: ['a'] } } } as never)),
    ).toMatch(/没有名为「nope」/);
    expect(store.snapshot().local.selectorOverrides).toEqual(FIX);
  });

  test('the protocol refuses a bad set before it reaches the store', () => {
    const save = (overrides: unknown) => backgroundRequest('saveSelectorOverrides', { overrides });
    expect(save(FIX)?.payload).toEqual({ overrides: FIX });
    expect(refusal(() => save({ douyin: {} }))).toMatch(/未知页面「douyin」/);
    expect(refusal(() => save('textarea'))).toBe('页面选择器无效');
    expect(
      refusal(() => backgroundRequest('testSelectors', { overrides: { feige: { parts: { composer: ['a {'] } } } })),
    ).toMatch(/不是有效的 CSS 选择器/);
  });
});

describe('selector overrides in reply packs', () => {
  test('travel in the pack: export → import into another browser', async () => {
    const { store } = await freshStore();
    await store.saveSelectorOverrides(FIX);
    const pack = store.exportPack();
    expect(pack.selectorOverrides).toEqual(FIX);

    const { store: other } = await freshStore();
    expect(diffShop(other.snapshot().local, packData(parsePack(pack)))).toEqual([
      {
        change: 'add',
        area: 'selector',
        id: 'feige.composer',
        before: undefined,
        after: FIX.feige.parts.composer[0].selector,
      },
    ]);
    await other.importPack(parsePackText(JSON.stringify(pack)));
    expect(other.snapshot().local.selectorOverrides).toEqual(FIX);
  });

  test('a pack without them (an older export) leaves the current ones; one with {} clears them', async () => {
    const { store } = await freshStore();
    await store.saveSelectorOverrides(FIX);
    const { selectorOverrides: _, ...older } = store.exportPack();
    const parsed = parsePack(older);
    expect(parsed.selectorOverrides).toBeUndefined();
    expect(diffShop(store.snapshot().local, packData(parsed))).toEqual([]);
    await store.importPack(parsed);
    expect(store.snapshot().local.selectorOverrides).toEqual(FIX);

    await store.importPack(parsePack({ ...older, selectorOverrides: {} }));
    expect(store.snapshot().local.selectorOverrides).toEqual({});
  });

  test('a pack exported before pages were definitions imports, its overrides read into parts', async () => {
    const { store } = await freshStore();
    const oldFix = { feige: { composer: ['textarea[data-qa-id="qa-editor-2026"]'] } };
    await store.importPack(parsePackText(JSON.stringify({ ...store.exportPack(), selectorOverrides: oldFix })));
    expect(store.snapshot().local.selectorOverrides).toEqual(FIX);
  });

  test('a pack with a bad override is refused whole, saying where', async () => {
    const { store } = await freshStore();
    const pack = {
      ...store.exportPack(),
      selectorOverrides: { feige: { parts: { sendButton: ['div[data-qa-id="x"'] } } },
    };
    expect(refusal(() => parsePack(pack))).toMatch(/^selectorOverrides：feige\.sendButton 第 1 个/);
    expect(
      refusal(() => parsePack({ ...pack, selectorOverrides: { feige: { parts: { sendButton: [] } } } }), 'en'),
    ).toMatch(/^selectorOverrides: feige\.sendButton: should be a non-empty list/);
  });

  test('the managed pack’s overrides reach every agent and win over the shop’s own, key by key', async () => {
    const { store } = await freshStore();
    const managedFix = { feige: { parts: { composer: [{ selector: 'textarea.managed' }] } } };
    const policy = JSON.stringify({ ...store.exportPack(), selectorOverrides: managedFix });
    const { store: agent } = await freshStore({ readManaged: async () => policy });
    await agent.saveSelectorOverrides({
      feige: { parts: { composer: [{ selector: 'textarea.local' }], sendButton: [{ selector: 'div.send' }] } },
    });
    expect(agent.snapshot().managed?.selectorOverrides).toEqual(managedFix);
    expect(effectiveSelectorOverrides(agent.snapshot())).toEqual({
      feige: { parts: { composer: [{ selector: 'textarea.managed' }], sendButton: [{ selector: 'div.send' }] } },
    });
    const { error } = readManagedValue(JSON.stringify({ ...store.exportPack(), selectorOverrides: { x: {} } }));
    expect(errorText(error, 'zh')).toMatch(/^selectorOverrides：未知页面「x」/);
  });
});
