/**
 * The background's part of the agent workflow: the Alt+J command, the waiting count on the toolbar
 * badge, the local statistics, their push to the shop server when connected, and the opt-in daily summary.
 * Each chat tab's content script does the page work; this only relays and stores.
 */

import { webhookPost } from '@/entrypoints/background/feedback';
import type { ShopServerLink } from '@/entrypoints/background/shop-server';
import { setWaitingCount, watchClosedTabs } from '@/entrypoints/background/toolbar';
import { postJson } from '@/lib/feedback/queue';
import type { IntentId } from '@/lib/intents/ids';
import type { BackgroundHandlers } from '@/lib/messages/serve-background';
import { callTab } from '@/lib/messages/tab';
import { lastDays } from '@/lib/stats/aggregate';
import { sendDailySummary } from '@/lib/stats/daily';
import { fingerprint, pushStats, readShopStats, rowsToPush } from '@/lib/stats/shop';
import { createStatsService } from '@/lib/stats/store';
import { JUMP_COMMAND } from '@/lib/waiting/jump';

const SUMMARY_ALARM = 'huashu-stats-daily';
const PUSH_ALARM = 'huashu-stats-push';
/** How often the totals go to the shop server, and how soon after a change (changes come in bursts). */
const PUSH_EVERY_MINUTES = 15;
const PUSH_AFTER_CHANGE_MS = 10_000;

type WorkflowRequestType =
  | 'reportWaiting'
  | 'recordStats'
  | 'statsReport'
  | 'resetStats'
  | 'statsSummary'
  | 'saveStatsSummary'
  | 'shopStats';

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
  /** The shop server connection: where the daily totals go, and the shop's figures come from. */
  server: Pick<ShopServerLink, 'auth' | 'call' | 'onStatus'>;
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
  /**
   * Each row is pushed whole (the server replaces each browser × day × intent, so a repeated push changes
   * nothing), and only the rows that changed since this worker last pushed them. Only when connected; what one
   * push misses, the next one carries.
   */
  const pushed = new Map<string, string>();
  let pushTimer: ReturnType<typeof setTimeout> | undefined;
  async function push(): Promise<void> {
    clearTimeout(pushTimer);
    pushTimer = undefined;
    if (!(await deps.server.auth())) return;
    const rows = rowsToPush((await stats.report()).rows, now(), pushed);
    if (rows.length === 0) return;
    await pushStats(deps.server.call, rows);
    for (const row of rows) pushed.set(row.key, fingerprint(row));
  }
  const pushSoon = () => {
    pushTimer ??= setTimeout(() => void push().catch(() => {}), PUSH_AFTER_CHANGE_MS);
  };
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === PUSH_ALARM) void push().catch(() => {});
  });
  // Connected or back online: what changed meanwhile goes now.
  deps.server.onStatus((status) => {
    if (status.state === 'connected') void push().catch(() => {});
  });

  deps.later(() => {
    browser.alarms?.create(SUMMARY_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
    browser.alarms?.create(PUSH_ALARM, { periodInMinutes: PUSH_EVERY_MINUTES, delayInMinutes: 1 });
    void daily();
    void push().catch(() => {});
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
      pushSoon();
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
    /** The shop's figures for the last `days` days (the admin's: everyone's; an agent's: its own). */
    shopStats: async ({ days }) => {
      // This browser's latest first, so the admin's page includes what it just counted.
      await push().catch(() => {});
      const range = lastDays(now(), days);
      return readShopStats(deps.server.call, { from: range[0], to: range[range.length - 1] });
    },
  };
  return {
    handlers,
    feedbackGiven(intent) {
      void stats.record([{ kind: 'feedback', intent, at: now() }]).catch(() => {});
    },
  };
}
