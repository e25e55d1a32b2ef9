// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCustomPages } from '@/entrypoints/background/custom-pages';
import { definitionOf, mapPage, type Picks, pickFor } from '@/entrypoints/content/mapper/mapping';
import { createAdapter } from '@/lib/adapters/generic';
import { errorText } from '@/lib/i18n/errors';
import { customPageId, parseCustomDefinition } from '@/lib/pages/custom';
import { checkPageDefinition, type PageDefinition } from '@/lib/pages/definition';
import { refusal } from '@/tests/unit/message-helpers';

/** A chat page as a styled-components app renders it: hashed classes, record ids, a date line between messages. */
const PAGE = `
  <header class="sc-hdr kVtMtA"><span class="peer-name">王小明</span></header>
  <div class="sc-list bZKpGs" role="log">
    <div class="day-line">今天</div>
    <div class="row _row_3kf9a" data-mid="m-1041" data-side="in"><div class="bubble"><p class="txt">在吗</p></div></div>
    <div class="row _row_3kf9a" data-mid="m-1042" data-side="out"><div class="bubble"><p class="txt">亲，在的</p></div></div>
    <div class="row _row_3kf9a" data-mid="m-1043" data-side="in"><div class="bubble"><p class="txt">什么时候发货</p></div></div>
  </div>
  <footer class="sc-ftr"><textarea class="_input_8dk2a" placeholder="输入"></textarea>
    <button class="sc-btn" type="button">发送</button></footer>`;

const PAGE_INFO = { id: 'huashu-page-test', pattern: 'https://kf.example.com/*', host: 'kf.example.com' };

function one(selector: string): Element {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`fixture has no ${selector}`);
  return found;
}

/** The admin's clicks, in the mapper's order. */
function clicks(): Picks {
  let picks: Picks = {};
  const click = (part: keyof Picks, selector: string) => {
    picks = { ...picks, [part]: pickFor(part, one(selector), picks) };
  };
  click('messageList', '[role="log"]');
  click('buyerMessage', '[data-mid="m-1043"] p');
  click('agentMessage', '[data-mid="m-1042"] .bubble');
  click('composer', 'footer');
  click('sendButton', 'footer button');
  return picks;
}

beforeEach(() => {
  document.body.innerHTML = PAGE;
});

describe('what the mapper makes of the clicks', () => {
  test('every part is found, with selectors free of hashed classes and record ids', () => {
    const mapping = mapPage(clicks());
    expect(Object.values(mapping.parts).every((part) => part.ok)).toBe(true);
    expect(mapping.message?.count).toBe(3);
    for (const selector of [mapping.message?.selector, mapping.messageText, mapping.sender?.buyer]) {
      expect(selector).not.toMatch(/sc-|kVtMtA|bZKpGs|_3kf9a|_8dk2a|\d{3}/);
    }
    // The input box is the textarea inside the footer the admin clicked.
    expect(mapping.parts.composer?.element).toBe(one('textarea'));
  });

  test('the definition passes the page schema, and the generic adapter reads the page by it', async () => {
    const definition = definitionOf(mapPage(clicks()), PAGE_INFO, '2026-11-29');
    const checked = checkPageDefinition(definition);
    expect(checked.success).toBe(true);
    const adapter = createAdapter(checked.output as PageDefinition);
    expect(adapter.readThread(document).map(({ from, text }) => ({ from, text }))).toEqual([
      { from: 'buyer', text: '在吗' },
      { from: 'agent', text: '亲，在的' },
      { from: 'buyer', text: '什么时候发货' },
    ]);
    expect(adapter.composer(document)).toBe(one('textarea'));
    // One conversation per page: without a list or a buyer name, the page's title names it.
    document.title = '在线客服';
    expect(adapter.currentConversationId(document)).toBe('在线客服');
  });

  test('no definition while buyer and agent look the same, or a required part is missing', () => {
    const picks = clicks();
    expect(definitionOf(mapPage({ ...picks, composer: undefined }), PAGE_INFO, '2026-11-29')).toBeNull();
    const same = pickFor('agentMessage', one('[data-mid="m-1041"]'), picks);
    const mapping = mapPage({ ...picks, agentMessage: same });
    expect(mapping.sender).toBeNull();
    expect(mapping.parts.buyerMessage?.ok).toBe(false);
    expect(definitionOf(mapping, PAGE_INFO, '2026-11-29')).toBeNull();
  });
});

describe('the background checks what the mapper saves', () => {
  const page = { id: customPageId('https://kf.example.com/*'), pattern: 'https://kf.example.com/*' };
  const made = () => definitionOf(mapPage(clicks()), { ...PAGE_INFO, id: 'another-page' }, '2026-11-29');

  test('the id and match patterns are the page’s own, whatever the tab sent', () => {
    const stored = parseCustomDefinition({ ...made(), matches: ['<all_urls>'] }, page);
    expect(stored.id).toBe(page.id);
    expect(stored.matches).toEqual([page.pattern]);
  });

  test('a definition the schema refuses is refused with where', () => {
    const broken = { ...made(), parts: { ...(made()?.parts as object), composer: [] } };
    expect(refusal(() => parseCustomDefinition(broken, page))).toBe('页面映射无效（parts.composer），未保存');
    expect(refusal(() => parseCustomDefinition('script', page))).toBe('页面映射无效，未保存');
  });

  test('a selector that does not parse is refused with its place', () => {
    const bad = { ...made(), parts: { ...(made()?.parts as object), composer: [{ selector: 'textarea[' }] } };
    expect(refusal(() => parseCustomDefinition(bad, page), 'en')).toContain('textarea[');
  });

  test('a bad definition from a started mapper changes nothing', async () => {
    const granted = new Set(['https://kf.example.com/*']);
    Object.assign(fakeBrowser, {
      scripting: {
        getRegisteredContentScripts: async () => [],
        registerContentScripts: async () => {},
        updateContentScripts: async () => {},
        unregisterContentScripts: async () => {},
      },
      permissions: {
        contains: async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.has(origin)),
        onRemoved: { addListener: () => {} },
      },
    });
    await fakeBrowser.storage.session.set({ mappingTabs: [5] });
    const pages = startCustomPages({ originsInUse: async () => [] }, (run) => run());
    await pages.addCustomPage({ pattern: page.pattern });
    const sender = { tabId: 5, frameId: 0, url: 'https://kf.example.com/chat' };
    const words = await pages
      .saveMappedPage({ definition: { parts: {} } }, sender)
      .catch((error: unknown) => errorText(error, 'zh'));
    expect(words).toMatch(/^页面映射无效/);
    expect((await pages.customPages())[0].mapped).toBe(false);
    await pages.saveMappedPage({ definition: made() }, sender);
    expect((await pages.customPages())[0].mapped).toBe(true);
    expect((await pages.customPage({}, sender)).definition).toMatchObject({ id: page.id });
  });
});
