import { describe, expect, test } from 'vitest';
import type { SelectorOverrides } from '@/lib/pages/overrides';
import type { ShopData } from '@/lib/store/types';
import { mergeLibrary } from '@/server/library-merge';

const library = (selectorOverrides: SelectorOverrides): ShopData => ({
  slots: [],
  disabledIntents: [],
  rules: [],
  settings: {},
  selectorOverrides,
});
const variant = (selector: string) => [{ selector }];

describe('the shop library’s three-way merge of selector overrides (partial page definitions)', () => {
  test('two admins fixing different parts, or a part and a setting, of one page both keep their fix', () => {
    const base = library({});
    const yours = library({ feige: { parts: { composer: variant('textarea.a') } } });
    const theirs = library({ feige: { parts: { sendButton: variant('div.send') }, sendKeys: 'Ctrl+Enter' } });
    const { merged, conflicts } = mergeLibrary(base, yours, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.selectorOverrides).toEqual({
      feige: {
        parts: { composer: variant('textarea.a'), sendButton: variant('div.send') },
        sendKeys: 'Ctrl+Enter',
      },
    });
  });

  test('the same part changed two ways is a conflict named by page and part', () => {
    const base = library({});
    const { conflicts } = mergeLibrary(
      base,
      library({ feige: { parts: { composer: variant('textarea.a') } } }),
      library({ feige: { parts: { composer: variant('textarea.b') } } }),
    );
    expect(conflicts.map((conflict) => [conflict.area, conflict.id])).toEqual([['selector', 'feige.parts.composer']]);
  });
});
