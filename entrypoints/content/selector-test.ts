/**
 * Selector tests in a chat frame: the background's selector tests are answered with the page check computed under the PROPOSED overrides, bound only for that
 * synchronous check, so nothing changes on the page until the admin saves.
 */
import { withSelectorOverrides } from '@/lib/adapters/overrides';
import type { HostAdapter } from '@/lib/adapters/types';
import { toErrorData } from '@/lib/messages/errors';
import type { TabDispatcher } from '@/lib/messages/tab';
import type { TabResponseOf } from '@/lib/messages/tab-answers';
import { parseSelectorOverrides, type SelectorOverrides } from '@/lib/pages/overrides';

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
