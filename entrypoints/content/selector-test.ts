/**
 * Selector overrides in a chat frame: the shop's overrides are bound to the page's adapter, and the background's
 * selector tests are answered with the page check computed under the PROPOSED overrides, bound only for that
 * synchronous check, so nothing changes on the page until the admin saves.
 */
import { bindSelectorOverrides, withSelectorOverrides } from '@/lib/adapters/overrides';
import type { HostAdapter } from '@/lib/adapters/types';
import { toErrorData } from '@/lib/messages/errors';
import type { TabDispatcher } from '@/lib/messages/tab';
import type { TabResponseOf } from '@/lib/messages/tab-map';
import { effectiveSelectorOverrides, parseSelectorOverrides, type SelectorOverrides } from '@/lib/pages/overrides';
import type { ShopSnapshot } from '@/lib/store/types';

/** Binds the overrides a shop snapshot holds to the page's adapter. */
export function bindShopSelectors(adapter: HostAdapter, snapshot: Pick<ShopSnapshot, 'local' | 'managed'>): void {
  bindSelectorOverrides(adapter, effectiveSelectorOverrides(snapshot));
}

export function answerSelectorTests(tab: TabDispatcher, adapter: HostAdapter, doc: Document = document): void {
  tab.handle('testSelectors', (request): TabResponseOf<'testSelectors'> => {
    let overrides: SelectorOverrides;
    try {
      // Checked again with this page's CSS parser: the background's check has no DOM.
      overrides = parseSelectorOverrides(request.overrides);
    } catch (error) {
      return { problem: toErrorData(error) };
    }
    const health = withSelectorOverrides(adapter, overrides, () => adapter.health(doc));
    return { adapter: adapter.id, url: location.href, title: doc.title, health };
  });
}
