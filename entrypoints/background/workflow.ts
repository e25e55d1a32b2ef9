/**
 * The background's part of the agent workflow: the Alt+J command, the waiting count on the toolbar
 * badge, and the local statistics. Each chat tab's content script does the page work; this only relays.
 */
import type { Handlers, WorkflowRequestType } from '@/lib/protocol';
import { createStatsService } from '@/lib/stats/store';
import { JUMP_COMMAND, JUMP_LONGEST } from '@/lib/waiting/messages';
import { setWaitingCount, watchClosedTabs } from './toolbar';

/** The tab the agent is looking at: the command and the toolbar popup act on it. */
async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

export function startWorkflowServices(now: () => number = Date.now): Pick<Handlers, WorkflowRequestType> {
  const stats = createStatsService({ now });
  watchClosedTabs();
  browser.commands?.onCommand.addListener((command) => {
    if (command !== JUMP_COMMAND) return;
    void activeTabId().then((tabId) => {
      // A tab without Huashu (not a chat page) has no listener: nothing to do.
      if (tabId !== undefined) browser.tabs.sendMessage(tabId, JUMP_LONGEST).catch(() => {});
    });
  });
  return {
    reportWaiting: async ({ count }, { tabId }) => {
      if (tabId !== undefined) await setWaitingCount(tabId, count);
      return { ok: true as const };
    },
    recordStats: async ({ events }) => {
      await stats.record(events);
      return { ok: true as const };
    },
    statsReport: () => stats.report(),
    resetStats: async () => {
      await stats.reset();
      return { ok: true as const };
    },
  };
}
