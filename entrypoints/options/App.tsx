import { useEffect, useState } from 'preact/hooks';
import { AboutPage } from '@/entrypoints/options/AboutPage';
import { CustomPagesPage } from '@/entrypoints/options/CustomPagesPage';
import { FeedbackPage } from '@/entrypoints/options/FeedbackPage';
import { PackPage } from '@/entrypoints/options/PackPage';
import { RepliesPage } from '@/entrypoints/options/RepliesPage';
import { RulesPage } from '@/entrypoints/options/RulesPage';
import { SelectorsPage } from '@/entrypoints/options/SelectorsPage';
import { ServerPage } from '@/entrypoints/options/ServerPage';
import { SettingsPage } from '@/entrypoints/options/SettingsPage';
import { StatsPage } from '@/entrypoints/options/StatsPage';
import { useServerStatus } from '@/entrypoints/options/server';
import { useShop } from '@/entrypoints/options/shop';
import { errorText } from '@/lib/i18n/errors';
import { optionsStrings } from '@/lib/i18n/options';
import { pagesStrings } from '@/lib/i18n/pages';
import { popupStrings } from '@/lib/i18n/popup';
import { privacyStrings } from '@/lib/i18n/privacy';
import { shopServerStrings } from '@/lib/i18n/shop-server';
import type { IntentId } from '@/lib/intents/ids';
import type { Language } from '@/lib/language';
import { effectiveSettings } from '@/lib/store/overlay';
import type { Situation } from '@/lib/store/types';

type Tab =
  | 'replies'
  | 'rules'
  | 'pack'
  | 'settings'
  | 'feedback'
  | 'selectors'
  | 'pages'
  | 'stats'
  | 'server'
  | 'about';
const TABS: Tab[] = [
  'replies',
  'rules',
  'pack',
  'feedback',
  'stats',
  'settings',
  'pages',
  'selectors',
  'server',
  'about',
];
/** The tabs an address's #hash opens directly. */
const HASH_TABS: Readonly<Record<string, Tab>> = { '#about': 'about', '#server': 'server', '#pages': 'pages' };
/** The tabs that show the shop's library: an agent connected to a shop reads them only. */
const LIBRARY_TABS: readonly Tab[] = ['replies', 'rules', 'pack', 'settings', 'selectors'];

/** The shop admin's page: replies per intent and order node, keyword rules, reply packs, settings. */
export function App() {
  const shop = useShop();
  const server = useServerStatus();
  const { snapshot } = shop;
  const language = snapshot?.settings.language ?? 'zh';
  const t = optionsStrings(language);
  // The app name, the close button and the feedback inbox's shared fields are the chat page's words.
  const popupT = popupStrings(language);
  // options.html#about opens the privacy policy directly (the README and the store listing point there);
  // options.html#server the shop server page (the README's connection steps point there); options.html#pages the
  // chat pages (the toolbar popup's 添加聊天页面 opens it).
  const [tab, setTab] = useState<Tab>(() => HASH_TABS[location.hash] ?? 'replies');
  const [dirty, setDirty] = useState(false);
  // The feedback inbox's "去修改话术" opens the reply editor on that intent and order node.
  const [replyTarget, setReplyTarget] = useState<{ intent: IntentId; situation: Situation; at: number }>();

  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = `${popupT.appName} · ${t.admin.title}`;
  }, [language, t, popupT]);

  useEffect(() => {
    if (!dirty) return;
    const onUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);

  /** Runs `action` unless unsaved changes would be lost and the admin says no. */
  function guard(action: () => void) {
    if (dirty && !window.confirm(t.admin.unsavedConfirm)) return;
    setDirty(false);
    action();
  }

  const tabLabel: Record<Tab, string> = {
    replies: t.admin.tabReplies,
    rules: t.admin.tabRules,
    pack: t.admin.tabPack,
    settings: t.admin.tabSettings,
    feedback: t.feedback.tab,
    stats: t.workflow.statsTab,
    selectors: t.selectors.tab,
    server: shopServerStrings(language).tab,
    pages: pagesStrings(language).tab,
    about: privacyStrings(language).tab,
  };
  const s = shopServerStrings(language);
  const connection = server.status && server.status.state !== 'none' ? server.status : null;
  // A new revision from the shop server (an edit made elsewhere): the pages show the library as it is now.
  const revision = connection?.revision;
  const { reload } = shop;
  useEffect(() => {
    if (revision !== undefined) reload();
  }, [revision, reload]);

  return (
    <div class="page">
      <header class="topbar">
        <h1 class="brand">
          <img class="logo" src="/icons/48.png" alt="" />
          <span class="brand-name">{popupT.appName}</span>
          <span class="brand-sep" />
          <span class="brand-page">{t.admin.title}</span>
        </h1>
        <nav class="tabs" aria-label={t.admin.title}>
          {TABS.map((id) => (
            <button
              key={id}
              type="button"
              class={`tab${tab === id ? ' tab--active' : ''}`}
              aria-current={tab === id ? 'page' : undefined}
              onClick={() => guard(() => setTab(id))}
            >
              {tabLabel[id]}
            </button>
          ))}
        </nav>
        <label class="lang">
          <span class="sr-only">{t.admin.language}</span>
          <select
            value={language}
            disabled={!snapshot}
            onChange={(event) =>
              void shop.run('saveSettings', { language: (event.target as HTMLSelectElement).value as Language })
            }
          >
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>

      {snapshot?.managed && (
        <p class="banner banner--info" role="note">
          {t.admin.managedBanner}
        </p>
      )}
      {snapshot?.managedError && (
        <p class="banner banner--warn" role="alert">
          {t.admin.managedInvalid(errorText(snapshot.managedError, language))}
        </p>
      )}

      {connection && connection.state !== 'refused' && LIBRARY_TABS.includes(tab) && (
        <p class="banner banner--info server-banner" role="note" data-role={connection.role}>
          {connection.role === 'agent' ? s.agentReadOnly(connection.shopName) : s.adminConnected(connection.shopName)}
          {connection.state === 'offline' && ` ${s.offlineBanner}`}
        </p>
      )}

      <main class="content">
        {shop.loadError ? (
          <p class="banner banner--warn" role="alert">
            {t.admin.loadFailed}：{errorText(shop.loadError, language)}
          </p>
        ) : !snapshot ? (
          <p class="loading">{t.connecting}</p>
        ) : tab === 'replies' ? (
          <RepliesPage
            key={replyTarget?.at}
            shop={shop}
            snapshot={snapshot}
            t={t}
            guard={guard}
            onDirty={setDirty}
            initial={replyTarget}
          />
        ) : tab === 'rules' ? (
          <RulesPage shop={shop} snapshot={snapshot} t={t} onDirty={setDirty} />
        ) : tab === 'feedback' ? (
          <FeedbackPage
            t={t}
            popupT={popupT}
            language={language}
            notify={shop.setNotice}
            onEditReply={(intent, situation) => {
              setReplyTarget({ intent, situation, at: Date.now() });
              setTab('replies');
            }}
          />
        ) : tab === 'stats' ? (
          <StatsPage shop={shop} t={t} language={language} />
        ) : tab === 'pack' ? (
          <PackPage shop={shop} snapshot={snapshot} t={t} server={connection} />
        ) : tab === 'server' ? (
          <ServerPage status={server.status} onStatus={server.setStatus} language={language} notify={shop.setNotice} />
        ) : tab === 'about' ? (
          <AboutPage language={language} />
        ) : tab === 'pages' ? (
          <CustomPagesPage language={language} notify={shop.setNotice} />
        ) : tab === 'selectors' ? (
          <SelectorsPage shop={shop} snapshot={snapshot} language={language} onDirty={setDirty} />
        ) : (
          <SettingsPage shop={shop} settings={effectiveSettings(snapshot)} snapshot={snapshot} t={t} />
        )}
      </main>

      <div
        class={`toast${shop.notice ? ` toast--${shop.notice.tone}` : ''}`}
        role={shop.notice?.tone === 'error' ? 'alert' : 'status'}
      >
        {shop.notice?.text}
        {shop.notice?.tone === 'error' && (
          <button type="button" class="toast-close" aria-label={popupT.close} onClick={() => shop.setNotice(null)}>
            ×
          </button>
        )}
      </div>
    </div>
  );
}
