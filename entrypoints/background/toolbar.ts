import { combineFrames, type FrameReport } from '@/entrypoints/background/frames';
import type { Language } from '@/lib/language';
import type { RequestOf } from '@/lib/messages/background-map';
import type { RequestSender } from '@/lib/messages/serve-background';
import type { AdapterHealth } from '@/lib/pages/health';
import { summarizeHealth } from '@/lib/pages/health';

/**
 * What the toolbar icon shows for one chat tab. A chat page may spread its parts over frames (飞鸽's
 * micro-frontend), and every frame's content script reports what it found there; the tab's state is
 * their combination. The waiting count wins while it is above 0 (it is what the agent must act on
 * now); otherwise the page check's badge shows. The title always carries both.
 */
const tabs = new Map<number, Map<number, FrameReport>>();
// The badge's white text needs 4.5:1 (WCAG AA); these are the danger and warning tokens of components/tokens.css.
const WAITING_COLOR = '#cf2c26';
const BROKEN_COLOR = '#b8231e';
const PARTIAL_COLOR = '#ad5a00';
let language: Language = 'zh';

function frameOf(tabId: number, frameId = 0): FrameReport {
  let frames = tabs.get(tabId);
  if (!frames) {
    frames = new Map();
    tabs.set(tabId, frames);
  }
  let report = frames.get(frameId);
  if (!report) {
    report = { parts: null, waiting: 0 };
    frames.set(frameId, report);
  }
  return report;
}

/** MV3 Chromium has `action`; Firefox's MV2 build has the same calls on `browserAction`. */
const toolbarButton = () => browser.action ?? browser.browserAction;

async function paint(tabId: number) {
  const { parts, waiting } = combineFrames([...(tabs.get(tabId)?.values() ?? [])]);
  const health = parts ? summarizeHealth(parts, language) : null;
  const badge = health?.badge ?? '';
  const waitingLine = waiting > 0 ? browser.i18n.getMessage('waitingBadgeTitle', [String(waiting)]) : '';
  const lines = [browser.i18n.getMessage('extName'), waitingLine, badge ? health?.text : ''].filter(Boolean);
  const color = waiting > 0 ? WAITING_COLOR : badge === '×' ? BROKEN_COLOR : PARTIAL_COLOR;
  const button = toolbarButton();
  await button.setBadgeBackgroundColor({ tabId, color });
  // Chrome picks the text colour from the background unless told; white is what the contrast above is for.
  await button.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  await button.setBadgeText({ tabId, text: waiting > 0 ? String(Math.min(waiting, 99)) : badge });
  await button.setTitle({ tabId, title: lines.join('\n') });
}

/** Shows a chat tab's page check on the toolbar icon: a badge when parts are missing, the reason as its title. */
export async function showPageHealth(report: RequestOf<'reportHealth'>, { tabId, frameId }: RequestSender) {
  if (tabId === undefined) return { ok: true as const };
  language = report.language;
  frameOf(tabId, frameId).parts = report.parts satisfies AdapterHealth;
  await paint(tabId);
  return { ok: true as const };
}

/** How many buyers that frame's conversation list shows past the slow-reply threshold. */
export async function setWaitingCount(tabId: number, count: number, frameId?: number) {
  // Painted even when the count is unchanged: the browser clears a tab's badge when the tab navigates.
  frameOf(tabId, frameId).waiting = count;
  await paint(tabId);
}

/** Forgets closed tabs, and a tab's frames when its top page navigates. */
export function watchClosedTabs() {
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.delete(tabId);
  });
  // A new page in the tab starts over: frames of the old page must not keep parts "found".
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') tabs.delete(tabId);
  });
}
