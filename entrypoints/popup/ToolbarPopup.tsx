/**
 * The toolbar popup: the active chat tab's waiting buyers, worst first, and the jump to the longest wait.
 * It asks the tab's content script directly (the tab knows the page); nothing is stored here.
 */
import { useEffect, useState } from 'preact/hooks';
import { pagesStrings } from '@/lib/i18n/pages';
import { popupStrings } from '@/lib/i18n/popup';
import { toolbarStrings } from '@/lib/i18n/toolbar';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';
import { callTab } from '@/lib/messages/tab';
import type { WaitingList } from '@/lib/messages/tab-answers';
import { type CustomPageSummary, customPageFor } from '@/lib/pages/custom';
import { formatWait } from '@/lib/waiting/tracker';

/** The tab to act on: the active one, or ?tab=<id> (tests and screenshots open the popup as a page). */
async function targetTab(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The chat page the admin added that the tab shows, if any: its address is readable only there (the origin the
 * admin granted), so on any other site this finds nothing.
 */
async function addedPageOf(tabId: number): Promise<CustomPageSummary | undefined> {
  const url = (await browser.tabs.get(tabId)).url;
  if (!url) return undefined;
  return customPageFor(await callBackground('customPages', {}), url);
}

export function ToolbarPopup() {
  const [language, setLanguage] = useState<Language>('zh');
  const [tabId, setTabId] = useState<number | undefined>();
  const [list, setList] = useState<WaitingList | null | undefined>(undefined);
  const [added, setAdded] = useState<CustomPageSummary>();
  const t = toolbarStrings(language);
  // The app name and the waiting rows' words are shared with the chat page's waiting badge.
  const popupT = popupStrings(language);

  useEffect(() => {
    callBackground('shopState', {})
      .then((shop) => setLanguage(shop.settings.language))
      .catch(() => {});
    let stopped = false;
    const refresh = async () => {
      const id = await targetTab();
      setTabId(id);
      if (id === undefined) return setList(null);
      const reply = await callTab(id, 'waitingList', {});
      if (!stopped) setList(reply);
    };
    void refresh();
    void targetTab()
      .then((id) => (id === undefined ? undefined : addedPageOf(id)))
      .then(setAdded, () => {});
    const timer = setInterval(refresh, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  /** Opens the conversation `id` in the chat tab, or the longest wait when no id is given. */
  async function open(id?: string) {
    if (tabId === undefined) return;
    await (id === undefined ? callTab(tabId, 'jumpLongest', {}) : callTab(tabId, 'openConversation', { id }));
    // Show the chat tab: the agent jumped there to answer.
    await browser.tabs.update(tabId, { active: true }).catch(() => {});
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  }

  /** The page mapper on the added page this tab shows (the background brings the tab up and starts it there). */
  async function map(page: CustomPageSummary) {
    await callBackground('startMapper', { id: page.id }).catch(() => {});
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  }

  const buyers = list?.buyers ?? [];
  const p = pagesStrings(language);
  return (
    <main class="tp">
      <header class="tp-head">
        <img class="tp-logo" src="/icons/48.png" alt="" />
        <span class="tp-name">{popupT.appName}</span>
        <button type="button" class="tp-options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t.settingsTitle}
        </button>
      </header>
      {added && (
        <button type="button" class="tp-jump" onClick={() => void map(added)}>
          {added.mapped ? p.toolbarRemap : p.toolbarMap}
        </button>
      )}
      {list === null ? (
        !added && <p class="tp-empty">{t.notChatPage}</p>
      ) : (
        <>
          <button type="button" class="tp-jump" disabled={buyers.length === 0} onClick={() => void open()}>
            {t.jump}
            <kbd>Alt+J</kbd>
          </button>
          <h2 class="tp-title">
            {t.waitingList}
            <span class="tp-count">{buyers.length}</span>
          </h2>
          {list !== undefined && buyers.length === 0 && <p class="tp-empty">{t.nobodyWaiting}</p>}
          <ol class="tp-list">
            {buyers.map((buyer) => (
              <li key={buyer.id}>
                <button
                  type="button"
                  class={`tp-row${buyer.late ? ' tp-row--late' : ''}`}
                  data-conv-id={buyer.id}
                  title={popupT.workflow.open(buyer.name)}
                  onClick={() => void open(buyer.id)}
                >
                  <span class="tp-buyer">{buyer.name}</span>
                  {buyer.marked && <span class="tp-tag">{popupT.workflow.urgent}</span>}
                  <span class="tp-time">{formatWait(buyer.seconds, language)}</span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </main>
  );
}
