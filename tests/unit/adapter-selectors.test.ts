// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { ADAPTERS, adapterFor } from '@/lib/adapters';
import { defineAdapter } from '@/lib/adapters/define';
import type { HostAdapter } from '@/lib/adapters/types';
import { PAGES } from '@/lib/pages';
import { checkPageDefinition, describeVariant, selectorsOf } from '@/lib/pages/definition';
import { feigePage } from '@/lib/pages/feige';
import { adapterMatches, LOCAL_DEMO_MATCHES } from '@/lib/pages/matches';
import { demoWorkbench, feige, pinduoduo } from '@/tests/unit/adapters';

function load(name: string): Document {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Class names like iD7SHBvMhm4OhfCsBGr1: the hashed kind that rotates every few weeks on these pages. */
const HASHED_CLASS = /\.[A-Za-z0-9_-]*[A-Z][A-Za-z0-9_-]*\d[A-Za-z0-9_-]{10,}/;

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(PAGES.map((page) => [page.id, page] as const))('%s page definition (data)', (_id, page) => {
  const variants = Object.entries(page.parts).flatMap(([part, list]) =>
    (list ?? []).map((variant) => [part, variant] as const),
  );

  test('validates against the definition schema', () => {
    const result = checkPageDefinition(page);
    expect(result.issues?.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`)).toBeUndefined();
  });

  test('every variant says what it rests on, and no part lists one twice', () => {
    for (const [part, variant] of variants)
      expect(variant.evidence?.trim(), `${part}: ${describeVariant(variant)}`).toBeTruthy();
    for (const [part, list] of Object.entries(page.parts)) {
      const described = (list ?? []).map(describeVariant);
      expect(new Set(described).size, part).toBe(described.length);
    }
  });

  test('every selector parses', () => {
    const root = document.createDocumentFragment();
    for (const [part, list] of Object.entries(page.parts)) {
      for (const selector of selectorsOf(list))
        expect(() => root.querySelector(selector), `${part}: ${selector}`).not.toThrow();
    }
  });

  test('no selector relies on a hashed class name', () => {
    for (const list of Object.values(page.parts)) {
      for (const selector of selectorsOf(list)) expect(selector).not.toMatch(HASHED_CLASS);
    }
  });

  test('its match patterns parse and are among the manifest’s, which hold nothing else', () => {
    for (const pattern of page.matches) {
      expect(() => new MatchPattern(pattern)).not.toThrow();
      expect(adapterMatches).toContain(pattern);
    }
  });
});

describe('the definition schema', () => {
  test('refuses a definition without the parts every page needs, or with a part it does not know', () => {
    const { composer: _, ...partsWithoutComposer } = feigePage.parts;
    expect(checkPageDefinition({ ...feigePage, parts: partsWithoutComposer }).success).toBe(false);
    expect(
      checkPageDefinition({ ...feigePage, parts: { ...feigePage.parts, chatBox: [{ selector: 'div' }] } }).success,
    ).toBe(false);
  });

  test('refuses label and leaf variants outside order fields, and patterns that are not regular expressions', () => {
    const withParts = (parts: object) => checkPageDefinition({ ...feigePage, parts: { ...feigePage.parts, ...parts } });
    expect(withParts({ composer: [{ label: '输入' }] }).success).toBe(false);
    expect(withParts({ orderAmount: [{ label: '实付金额' }] }).success).toBe(true);
    expect(withParts({ orderId: [{ leaf: '(\\d{19}' }] }).success).toBe(false);
    expect(checkPageDefinition({ ...feigePage, composerKind: 'word' }).success).toBe(false);
  });
});

describe('the manifest’s patterns', () => {
  test('are exactly the adapters’ patterns: the workbench hosts and the local demo host', () => {
    expect(new Set(adapterMatches)).toEqual(new Set(ADAPTERS.flatMap((adapter) => adapter.matches)));
    expect(adapterMatches).toEqual([
      'https://im.jinritemai.com/pc_seller_v2/*',
      'https://pigeon.jinritemai.com/*',
      'https://mms.pinduoduo.com/chat-merchant/*',
      ...LOCAL_DEMO_MATCHES,
    ]);
  });
});

describe('adapterFor', () => {
  const feigePage = load('feige-workspace.html');
  const pddPage = load('pinduoduo-chat.html');
  const demoPage = load('workbench.html');

  test('on a workbench host the URL decides, whatever the page shows', () => {
    expect(adapterFor('https://im.jinritemai.com/pc_seller_v2/main/workspace', pddPage)).toBe(feige);
    expect(adapterFor('https://im.jinritemai.com/pc_seller_v2/main/workspace?selfId=1#/', document)).toBe(feige);
    expect(adapterFor('https://pigeon.jinritemai.com/chat/index.html', pddPage)).toBe(feige);
    expect(adapterFor('https://mms.pinduoduo.com/chat-merchant/#/', feigePage)).toBe(pinduoduo);
    expect(adapterFor('https://im.jinritemai.com/login', feigePage)).toBeNull();
    expect(adapterFor('https://example.com/pc_seller_v2/main/workspace', feigePage)).toBeNull();
  });

  test('on the local demo host the page’s DOM decides, the demo workbench when none recognises it', () => {
    expect(adapterFor('http://127.0.0.1:5178/pc_seller_v2/main/workspace', feigePage)).toBe(feige);
    expect(adapterFor('http://localhost:8080/chat-merchant/', pddPage)).toBe(pinduoduo);
    expect(adapterFor('http://127.0.0.1:5178/', demoPage)).toBe(demoWorkbench);
    expect(demoWorkbench.detect(demoPage)).toBe(true);
    expect(feige.detect(demoPage)).toBe(false);
    expect(pinduoduo.detect(demoPage)).toBe(false);
    expect(adapterFor('http://127.0.0.1:5178/')).toBe(demoWorkbench);
  });
});

describe('defineAdapter', () => {
  test('a part that throws reads as missing, with one warning, and nothing reaches the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const boom = () => {
      throw new SyntaxError("'div[' is not a valid selector");
    };
    const broken = defineAdapter({
      ...demoWorkbench,
      id: 'broken',
      readThread: boom,
      readOrders: boom,
      currentConversationId: boom,
      send: async () => boom(),
      health: boom,
      actions: { open_order: boom },
    } satisfies HostAdapter);

    expect(broken.readThread(document)).toEqual([]);
    expect(broken.readThread(document)).toEqual([]);
    expect(broken.readOrders(document)).toEqual([]);
    expect(broken.currentConversationId(document)).toBeNull();
    await expect(broken.send(document)).resolves.toBe(false);
    expect(broken.health(document)).toEqual({
      conversations: false,
      messages: false,
      input: false,
      send: false,
      orders: false,
    });
    expect(broken.actions.open_order?.(document, '1')).toBe(false);
    expect(warn.mock.calls.filter(([message]) => String(message).includes('broken.readThread'))).toHaveLength(1);
  });
});
