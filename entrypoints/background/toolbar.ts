import type { RequestOf, RequestSender } from '@/lib/protocol';

/**
 * What the toolbar icon shows for one chat tab. The waiting count wins while it is above 0 (it is what
 * the agent must act on now); otherwise the page check's badge shows. The title always carries both.
 */
interface TabBadge {
  health: RequestOf<'reportHealth'>;
  waiting: number;
}

const tabs = new Map<number, TabBadge>();
const WAITING_COLOR = '#f53f3f';

function stateOf(tabId: number): TabBadge {
  let state = tabs.get(tabId);
  if (!state) {
    state = { health: { badge: '', text: '' }, waiting: 0 };
    tabs.set(tabId, state);
  }
  return state;
}

/** MV3 Chromium has `action`; Firefox's MV2 build has the same calls on `browserAction`. */
const toolbarButton = () => browser.action ?? browser.browserAction;

async function paint(tabId: number) {
  const { health, waiting } = stateOf(tabId);
  const waitingLine = waiting > 0 ? browser.i18n.getMessage('waitingBadgeTitle', [String(waiting)]) : '';
  const lines = [browser.i18n.getMessage('extName'), waitingLine, health.text].filter(Boolean);
  const color = waiting > 0 ? WAITING_COLOR : health.badge === '×' ? '#e22e28' : '#ff8800';
  const button = toolbarButton();
  await button.setBadgeBackgroundColor({ tabId, color });
  await button.setBadgeText({ tabId, text: waiting > 0 ? String(Math.min(waiting, 99)) : health.badge });
  await button.setTitle({ tabId, title: lines.join('\n') });
}

/** Shows a chat tab's page check on the toolbar icon: a badge when parts are missing, the reason as its title. */
export async function showPageHealth(health: RequestOf<'reportHealth'>, { tabId }: RequestSender) {
  if (tabId === undefined) return { ok: true as const };
  stateOf(tabId).health = health;
  await paint(tabId);
  return { ok: true as const };
}

/** How many buyers in that tab waited past the slow-reply threshold. */
export async function setWaitingCount(tabId: number, count: number) {
  // Painted even when the count is unchanged: the browser clears a tab's badge when the tab navigates.
  stateOf(tabId).waiting = count;
  await paint(tabId);
}

/** Forgets closed tabs. */
export function watchClosedTabs() {
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.delete(tabId);
  });
}
