/**
 * "校验并测试": the options page asks the background, which asks every tab; each chat tab answers with its page
 * check computed under the PROPOSED overrides (entrypoints/content/selector-test.ts). Nothing is applied.
 */

import { CodedError } from '@/lib/messages/errors';
import type { BackgroundHandlers } from '@/lib/messages/serve-background';
import { callTab } from '@/lib/messages/tab';
import type { SelectorTestResult } from '@/lib/messages/tab-answers';

/** Tabs without Huashu's content script don't answer and are skipped; an empty list means no chat tab is open. */
export const testSelectorsOnTabs: BackgroundHandlers['testSelectors'] = async ({ overrides }) => {
  const tabs = await browser.tabs.query({});
  const answers = await Promise.all(
    tabs.map(async (tab): Promise<SelectorTestResult | null> => {
      if (tab.id === undefined) return null;
      const answer = await callTab(tab.id, 'testSelectors', { overrides });
      if (!answer) return null;
      // The page's CSS parser refused an override the background's DOM-free check let through: say so.
      if ('problem' in answer) throw new CodedError(answer.problem.code, answer.problem.params);
      return { ...answer, tabId: tab.id };
    }),
  );
  return answers.filter((answer) => answer !== null);
};
