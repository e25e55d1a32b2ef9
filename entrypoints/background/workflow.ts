/**
 * The background's part of the agent workflow: the Alt+J command, the waiting count on the toolbar
 * badge, the local statistics, and the opt-in daily summary. Each chat tab's content script does the
 * page work; this only relays and stores.
 */

import { webhookPost } from '@/entrypoints/background/feedback';
import { setWaitingCount, watchClosedTabs } from '@/entrypoints/background/toolbar';
import { postJson } from '@/lib/feedback/queue';
import type { IntentId } from '@/lib/intents/ids';
import type { BackgroundHandlers } from '@/lib/messages/serve-background';
import { callTab } from '@/lib/messages/tab';
import { sendDailySummary } from '@/lib/stats/daily';
import { createStatsService } from '@/lib/stats/store';
import { JUMP_COMMAND } from '@/lib/waiting/jump';

const SUMMARY_ALARM = 'huashu-stats-daily';

type WorkflowRequestType =
  | 'reportWaiting'
  | 'recordStats'
  | 'statsReport'
  | 'resetStats'
  | 'statsSummary'
  | 'saveStatsSummary';

/** The tab the agent is looking at: the command and the toolbar popup act on it. */
async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

export interface WorkflowDeps {
  now?: () => number;
  /** The feedback webhook, which the daily summary shares; '' when none. */
  webhookUrl: () => Promise<string>;
  /** Runs work no buyer waits for once the worker's start is past its first suggestion. */
  later: (run: () => void) => void;
}

export function startWorkflowServices(deps: WorkflowDeps): {
  handlers: Pick<BackgroundHandlers, WorkflowRequestType>;
  /** An agent sent feedback on a suggestion of this intent: counted in the statistics. */
  feedbackGiven(intent: IntentId): void;
} {
  const now = deps.now ?? Date.now;
  const stats = createStatsService({ now });
  watchClosedTabs();
  browser.commands?.onCommand.addListener((command) => {
    if (command !== JUMP_COMMAND) return;
    void activeTabId().then((tabId) => {
      // A tab without Huashu (not a chat page) has no listener: nothing to do.
      if (tabId !== undefined) void callTab(tabId, 'jumpLongest', {});
    });
  });

  const daily = () =>
    sendDailySummary({
      stats,
      webhookUrl: () => deps.webhookUrl().catch(() => ''),
      post: (url, id, body) => postJson(webhookPost, url, id, body),
      now,
    }).catch(() => undefined);
  // Hourly: yesterday's summary goes out on the first wake-up of the day; a failed post is tried next hour.
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === SUMMARY_ALARM) void daily();
  });
  deps.later(() => {
    browser.alarms?.create(SUMMARY_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
    void daily();
  });

  async function summaryState() {
    const [state, webhookUrl] = await Promise.all([stats.summaryState(), deps.webhookUrl().catch(() => '')]);
    return { ...state, webhookUrl };
  }

  const handlers: Pick<BackgroundHandlers, WorkflowRequestType> = {
    reportWaiting: async ({ count }, { tabId, frameId }) => {
      if (tabId !== undefined) await setWaitingCount(tabId, count, frameId);
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
    statsSummary: summaryState,
    saveStatsSummary: async ({ enabled }) => {
      await stats.setSummaryEnabled(enabled);
      if (enabled) void daily();
      return summaryState();
    },
  };
  return {
    handlers,
    feedbackGiven(intent) {
      void stats.record([{ kind: 'feedback', intent, at: now() }]).catch(() => {});
    },
  };
}
