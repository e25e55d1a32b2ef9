import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCustomPages, syncRegistrations } from '@/entrypoints/background/custom-pages';
import { errorText } from '@/lib/i18n/errors';
import { customPageFor, customPageId, parseChatPagePattern } from '@/lib/pages/custom';
import { asyncRefusal, backgroundRequest, refusal } from '@/tests/unit/message-helpers';

describe('the address an admin types', () => {
  test.each([
    ['https://kf.example.com/chat/*', 'https://kf.example.com/chat/*', 'https://kf.example.com/*'],
    ['  https://kf.example.com  ', 'https://kf.example.com/*', 'https://kf.example.com/*'],
    ['https://*.example.com/im/*', 'https://*.example.com/im/*', 'https://*.example.com/*'],
    ['http://kf.example.com:8080/chat/*', 'http://kf.example.com:8080/chat/*', 'http://kf.example.com:8080/*'],
  ])('%s is page %s, asking for %s', (typed, pattern, origin) => {
    expect(parseChatPagePattern(typed)).toEqual({ pattern, origin });
  });

  test.each([
    ['', '请填写聊天页面的网址'],
    ['kf.example.com/chat', '网址须以 https:// 或 http:// 开头，例如 https://kf.example.com/chat/*'],
    ['ftp://kf.example.com/*', '网址须以 https:// 或 http:// 开头，例如 https://kf.example.com/chat/*'],
    ['https://kf.exa mple.com/*', '不是有效的网址匹配规则，例如 https://kf.example.com/chat/*'],
    ['https://*/*', '范围过大：请写明一个网站，例如 https://kf.example.com/*'],
    ['https://*.com/*', '范围过大：请写明一个网站，例如 https://kf.example.com/*'],
    [
      'https://im.jinritemai.com/pc_seller_v2/main/*',
      '话术助手已内置支持该页面（https://im.jinritemai.com/pc_seller_v2/*），无需添加',
    ],
  ])('%j is refused: %s', (typed, words) => {
    expect(refusal(() => parseChatPagePattern(typed))).toBe(words);
  });

  test('the refusal reads in English too', () => {
    expect(refusal(() => parseChatPagePattern('https://*/*'), 'en')).toBe(
      'Too broad: name one site, e.g. https://kf.example.com/*',
    );
  });

  test('the same pattern is the same page; a URL finds its page', () => {
    const id = customPageId('https://kf.example.com/chat/*');
    expect(id).toBe(customPageId('https://kf.example.com/chat/*'));
    expect(id).not.toBe(customPageId('https://kf.example.com/*'));
    expect(id).toMatch(/^[a-z][a-z0-9-]{0,39}$/);
    const pages = [{ pattern: 'https://kf.example.com/chat/*' }];
    expect(customPageFor(pages, 'https://kf.example.com/chat/room?id=3')).toBe(pages[0]);
    expect(customPageFor(pages, 'https://kf.example.com/orders')).toBeUndefined();
    expect(customPageFor(pages, 'https://evil.example.net/chat/')).toBeUndefined();
  });

  test('the background refuses a bad address in the request itself too', () => {
    expect(refusal(() => backgroundRequest('addCustomPage', { pattern: 42 }))).toBe('聊天页面网址无效');
  });
});

/** chrome.scripting and chrome.permissions as Chrome keeps them, for the background's calls. */
function fakeChrome(grantedAtStart: string[] = []) {
  const registered = new Map<string, { id: string; matches: string[]; js: string[]; persistAcrossSessions: boolean }>();
  const granted = new Set(grantedAtStart);
  const scripting = {
    getRegisteredContentScripts: async () => [...registered.values()],
    registerContentScripts: async (
      scripts: { id: string; matches: string[]; js: string[]; persistAcrossSessions: boolean }[],
    ) => {
      for (const script of scripts) {
        if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        registered.set(script.id, script);
      }
    },
    updateContentScripts: async (
      scripts: { id: string; matches: string[]; js: string[]; persistAcrossSessions: boolean }[],
    ) => {
      for (const script of scripts) registered.set(script.id, script);
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      for (const id of ids) registered.delete(id);
    },
  };
  const permissions = {
    contains: async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.has(origin)),
    remove: async ({ origins }: { origins: string[] }) => {
      for (const origin of origins) granted.delete(origin);
      return true;
    },
    onRemoved: { addListener: () => {} },
  };
  Object.assign(fakeBrowser, { scripting, permissions });
  return { registered, granted };
}

const PATTERN = 'https://kf.example.com/chat/*';
const ORIGIN = 'https://kf.example.com/*';
const deps = { originsInUse: async () => [] as string[] };
const now = (run: () => void) => run();

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('adding and removing a chat page', () => {
  test('adding registers the script for that pattern only, persisting across sessions', async () => {
    const chrome = fakeChrome([ORIGIN]);
    const pages = startCustomPages(deps, now);
    const listed = await pages.addCustomPage({ pattern: PATTERN });
    expect(listed).toMatchObject([{ pattern: PATTERN, origin: ORIGIN, mapped: false, granted: true }]);
    expect([...chrome.registered.values()]).toEqual([
      expect.objectContaining({
        id: customPageId(PATTERN),
        matches: [PATTERN],
        js: ['content-scripts/custom.js'],
        persistAcrossSessions: true,
      }),
    ]);
  });

  test('without the site granted nothing is stored or registered', async () => {
    const chrome = fakeChrome([]);
    const pages = startCustomPages(deps, now);
    expect(await asyncRefusal(() => pages.addCustomPage({ pattern: PATTERN }))).toBe(
      '未获得访问 https://kf.example.com/* 的授权，页面未添加',
    );
    expect(await pages.customPages()).toEqual([]);
    expect(chrome.registered.size).toBe(0);
  });

  test('the same page twice is refused', async () => {
    fakeChrome([ORIGIN]);
    const pages = startCustomPages(deps, now);
    await pages.addCustomPage({ pattern: PATTERN });
    expect(await asyncRefusal(() => pages.addCustomPage({ pattern: ` ${PATTERN} ` }))).toBe(`该页面已添加：${PATTERN}`);
  });

  test('removing unregisters the script and gives the site back, unless the webhook uses it', async () => {
    const chrome = fakeChrome([ORIGIN]);
    const pages = startCustomPages(deps, now);
    await pages.addCustomPage({ pattern: PATTERN });
    expect(await pages.removeCustomPage({ id: customPageId(PATTERN) })).toEqual([]);
    expect(chrome.registered.size).toBe(0);
    expect(chrome.granted.has(ORIGIN)).toBe(false);

    chrome.granted.add(ORIGIN);
    const webhookToo = startCustomPages({ originsInUse: async () => [ORIGIN] }, now);
    await webhookToo.addCustomPage({ pattern: PATTERN });
    await webhookToo.removeCustomPage({ id: customPageId(PATTERN) });
    expect(chrome.granted.has(ORIGIN)).toBe(true);
  });
});

describe('keeping registrations in line', () => {
  test('a start re-registers stored pages, drops unknown ones and those whose site was revoked', async () => {
    const chrome = fakeChrome([ORIGIN, 'https://other.example.com/*']);
    const pages = startCustomPages(deps, now);
    await pages.addCustomPage({ pattern: PATTERN });
    await pages.addCustomPage({ pattern: 'https://other.example.com/*' });
    // After an update: the registrations are gone, one stale one of an old page remains, another script's stays.
    chrome.registered.clear();
    chrome.registered.set('huashu-page-old', {
      id: 'huashu-page-old',
      matches: ['https://old.example.com/*'],
      js: [],
      persistAcrossSessions: true,
    });
    chrome.registered.set('someone-else', {
      id: 'someone-else',
      matches: ['https://x.example.com/*'],
      js: [],
      persistAcrossSessions: true,
    });
    chrome.granted.delete('https://other.example.com/*');
    expect(await syncRegistrations()).toEqual([customPageId(PATTERN)]);
    expect([...chrome.registered.keys()].sort()).toEqual([customPageId(PATTERN), 'someone-else'].sort());
    const listed = await pages.customPages();
    expect(listed.find((page) => page.origin === 'https://other.example.com/*')?.granted).toBe(false);
  });
});

describe('the mapper saving a definition', () => {
  const sender = (tabId: number, url = 'https://kf.example.com/chat/room') => ({ tabId, frameId: 0, url });

  test('refused from a tab the admin did not start the mapper in', async () => {
    fakeChrome([ORIGIN]);
    const pages = startCustomPages(deps, now);
    await pages.addCustomPage({ pattern: PATTERN });
    const refusal = await pages
      .saveMappedPage({ definition: { parts: {} } }, sender(7))
      .catch((error: unknown) => errorText(error, 'zh'));
    expect(refusal).toBe('请从设置页或工具栏开始映射后再保存');
    expect((await pages.customPages())[0].mapped).toBe(false);
  });

  test('a page that was not added learns nothing', async () => {
    fakeChrome([ORIGIN]);
    const pages = startCustomPages(deps, now);
    await pages.addCustomPage({ pattern: PATTERN });
    expect(await pages.customPage({}, sender(3))).toMatchObject({ pattern: PATTERN, definition: null });
    await expect(pages.customPage({}, sender(3, 'https://evil.example.net/chat/'))).rejects.toThrow();
  });
});

describe('after an update', () => {
  test('an open tab of an added page without a live script gets the new one; other tabs are left alone', async () => {
    const chrome = fakeChrome([ORIGIN]);
    await startCustomPages(deps, () => {}).addCustomPage({ pattern: PATTERN });
    chrome.registered.clear();
    const injected: { tabId: number; files: string[] }[] = [];
    Object.assign(fakeBrowser.scripting, {
      executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
        injected.push({ tabId: target.tabId, files });
      },
    });
    const asked: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (query) => {
      asked.push(query);
      return [{ id: 4 }, { id: 9 }] as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>;
    });
    // Tab 9 answers (a live script of this version); tab 4's script was cut off by the update.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId) => {
      if (tabId === 4) throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    });
    let started: Promise<void> = Promise.resolve();
    startCustomPages(deps, (run) => {
      started = new Promise((done) => setTimeout(done, 0)).then(run);
    });
    await started;
    await vi.waitFor(() => expect(injected).toEqual([{ tabId: 4, files: ['content-scripts/custom.js'] }]));
    expect(asked).toEqual([{ url: [PATTERN], status: 'complete' }]);
    expect(chrome.registered.has(customPageId(PATTERN))).toBe(true);
  });
});
