import type { RequestOf, RequestSender } from '@/lib/protocol';

/** Shows a chat tab's page check on the toolbar icon: a badge when parts are missing, the reason as its title. */
export async function showPageHealth({ badge, text }: RequestOf<'reportHealth'>, { tabId }: RequestSender) {
  if (tabId === undefined) return { ok: true as const };
  await browser.action.setBadgeBackgroundColor({ tabId, color: badge === '×' ? '#e22e28' : '#ff8800' });
  await browser.action.setBadgeText({ tabId, text: badge });
  await browser.action.setTitle({ tabId, title: `${browser.i18n.getMessage('extName')}${text ? `\n${text}` : ''}` });
  return { ok: true as const };
}
