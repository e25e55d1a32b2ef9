// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ADAPTERS } from '@/lib/adapters';
import { bindSelectorOverrides, withSelectorOverrides } from '@/lib/adapters/overrides';
import { errorText } from '@/lib/i18n/errors';
import type { Language } from '@/lib/language';
import { selectorsOf } from '@/lib/pages/definition';
import { feigePage } from '@/lib/pages/feige';
import {
  mergeSelectorOverrides,
  parseSelectorOverrides,
  parseSelectorOverridesText,
  selectorSyntaxProblem,
} from '@/lib/pages/overrides';
import { demoWorkbench, feige } from '@/tests/unit/adapters';
import { refusal } from '@/tests/unit/message-helpers';

function fixture(name: string): string {
  return readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The 飞鸽 workspace after a redesign: the composer lost its QA hook and its placeholder changed. */
function changedFeige(): Document {
  const html = fixture('feige-workspace.html')
    .replaceAll('qa-send-message-textarea', 'qa-editor-2026')
    .replace('placeholder="发送给 橙子不酸，使用Enter 发送消息"', 'placeholder="回复 橙子不酸"');
  return parse(html);
}

const FIX = { feige: { parts: { composer: [{ selector: 'textarea[data-qa-id="qa-editor-2026"]' }] } } };

afterEach(() => {
  for (const adapter of ADAPTERS) bindSelectorOverrides(adapter, {});
  vi.restoreAllMocks();
});

describe('binding overrides to an adapter', () => {
  test('a part the page renamed is missing, found with the override, missing again once it is removed', async () => {
    const doc = changedFeige();
    expect(feige.health(doc).input).toBe(false);
    bindSelectorOverrides(feige, FIX);
    expect(feige.health(doc)).toEqual({ conversations: true, messages: true, input: true, send: true, orders: true });
    await expect(feige.setDraft(doc, '您好')).resolves.toBe(true);
    expect(doc.querySelector('textarea')?.value).toBe('您好');
    bindSelectorOverrides(feige, {});
    expect(feige.health(doc).input).toBe(false);
  });

  test('override variants come first, the built-in ones still follow, and only that part changes', () => {
    bindSelectorOverrides(feige, FIX);
    expect(feige.definition().parts.composer).toEqual([...FIX.feige.parts.composer, ...feigePage.parts.composer]);
    expect(feige.definition().parts.sendButton).toEqual(feigePage.parts.sendButton);
    expect(feige.bound()).toEqual(FIX.feige);
    // The unchanged page still works through the built-in variants behind the override.
    expect(feige.health(parse(fixture('feige-workspace.html'))).input).toBe(true);
  });

  test('a composer override matching several elements is passed over: the reply goes into the real composer', async () => {
    const doc = parse(fixture('feige-workspace.html'));
    const divs = doc.querySelectorAll('div').length;
    expect(divs).toBeGreaterThan(1);
    bindSelectorOverrides(feige, { feige: { parts: { composer: [{ selector: 'div' }] } } });
    await expect(feige.setDraft(doc, '您好')).resolves.toBe(true);
    expect(doc.querySelector('textarea')?.value).toBe('您好');
    // No element lost its content to the reply, and the page kept every element it had.
    expect(doc.querySelectorAll('div').length).toBe(divs);
    expect(doc.body.textContent).toContain('橙子不酸');
  });

  test('overrides for another page leave this adapter as shipped', () => {
    const shipped = demoWorkbench.definition();
    bindSelectorOverrides(demoWorkbench, FIX);
    expect(demoWorkbench.definition()).toEqual(shipped);
  });

  test('withSelectorOverrides checks proposed overrides and puts the bound ones back', () => {
    const doc = changedFeige();
    const health = withSelectorOverrides(feige, FIX, () => feige.health(doc));
    expect(health.input).toBe(true);
    expect(feige.health(doc).input).toBe(false);
    bindSelectorOverrides(feige, FIX);
    expect(withSelectorOverrides(feige, {}, () => feige.health(doc)).input).toBe(false);
    expect(feige.health(doc).input).toBe(true);
  });

  test('a variant the page’s CSS parser refuses is left out, so the built-in ones stay reachable', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Past the DOM-free check (as the background would let it through), refused by the parser.
    bindSelectorOverrides(feige, {
      feige: { parts: { composer: [{ selector: 'textarea:nonsense-pseudo(' }, { selector: 'textarea.x' }] } },
    });
    expect(feige.definition().parts.composer[0]).toEqual({ selector: 'textarea.x' });
    expect(feige.health(parse(fixture('feige-workspace.html'))).input).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test('a setting the override names replaces the built-in one; one it leaves undefined keeps it', () => {
    const doc = parse(fixture('feige-workspace.html'));
    expect(feige.readThread(doc).some((message) => message.from === 'system')).toBe(true);
    bindSelectorOverrides(feige, { feige: { unmatchedMessages: 'skip', sendKeys: undefined } });
    // The page's notices ("客服 … 接入") are no longer read as messages; Enter still sends.
    expect(feige.readThread(doc).some((message) => message.from === 'system')).toBe(false);
    expect(feige.definition().sendKeys).toBe('Enter');
  });

  test('the managed pack’s parts and settings win over the shop’s own, one by one', () => {
    const a = [{ selector: 'a' }];
    const b = [{ selector: 'b' }];
    const c = [{ selector: 'c' }];
    const m = [{ selector: 'm' }];
    expect(
      mergeSelectorOverrides(
        { feige: { parts: { composer: a, sendButton: b }, sendKeys: 'Enter' }, pinduoduo: { parts: { composer: c } } },
        { feige: { parts: { composer: m }, sendKeys: 'Ctrl+Enter' } },
      ),
    ).toEqual({
      feige: { parts: { composer: m, sendButton: b }, sendKeys: 'Ctrl+Enter' },
      pinduoduo: { parts: { composer: c } },
    });
  });
});

describe('validating overrides', () => {
  const problem = (value: unknown, language: Language = 'zh') => refusal(() => parseSelectorOverrides(value), language);

  test('a valid set passes, trimmed, bare selectors as variants, and empty entries are dropped', () => {
    expect(
      parseSelectorOverrides({
        feige: { parts: { composer: [' textarea.editor '], buyerName: [{ selector: 'h2', attribute: 'title' }] } },
        pinduoduo: {},
      }),
    ).toEqual({
      feige: {
        parts: { composer: [{ selector: 'textarea.editor' }], buyerName: [{ selector: 'h2', attribute: 'title' }] },
      },
    });
    expect(parseSelectorOverrides(undefined)).toEqual({});
    expect(parseSelectorOverridesText('  ')).toEqual({});
  });

  test('bad JSON, unknown page, unknown key, empty list and invalid selectors each say what and where', () => {
    // Where it breaks, and none of the JSON parser's English.
    expect(refusal(() => parseSelectorOverridesText('{ feige: }'))).toBe('不是有效的 JSON（第 1 行第 3 列）');
    expect(refusal(() => parseSelectorOverridesText('{ feige: }'), 'en')).toBe('Not valid JSON (line 1, column 3)');
    expect(problem(['textarea'])).toMatch(/应为 JSON 对象/);
    expect(problem({ douyin: { composer: ['a'] } })).toMatch(
      /未知页面「douyin」，可用：feige、pinduoduo、demo-workbench/,
    );
    expect(problem({ feige: { parts: { composr: ['a'] } } })).toMatch(
      /飞鸽没有名为「composr」的部件或设置，可用：.*composer/,
    );
    expect(problem({ feige: { parts: { composer: [] } } })).toMatch(/feige\.composer：应为至少一个选择器的列表/);
    expect(problem({ feige: { parts: { composer: 'textarea' } } })).toMatch(
      /feige\.composer：应为至少一个选择器的列表/,
    );
    expect(problem({ feige: { parts: { composer: ['textarea', 'textarea['] } } })).toMatch(
      /feige\.composer 第 2 个「textarea\[」：不是有效的 CSS 选择器/,
    );
    expect(problem({ feige: { parts: { composer: [42] } } })).toMatch(/选择器应为文字/);
    expect(problem({ feige: { parts: { composer: ['a', 'a'] } } })).toMatch(/重复/);
    expect(problem({ feige: { parts: { composer: ['a', 'b', 'c', 'd', 'e', 'f'] } } })).toMatch(/最多 5 个/);
    expect(problem({ feige: { parts: { composer: ['a'.repeat(301)] } } })).toMatch(/太长/);
    expect(problem({ feige: { parts: { composr: ['a'] } } }, 'en')).toMatch(
      /Feige has no part or setting "composr"; known: .*composer/,
    );
    expect(problem({ feige: { parts: { composer: ['textarea', 'textarea['] } } }, 'en')).toBe(
      'feige.composer #2 "textarea[": not a valid CSS selector: missing "]"',
    );
    expect(problem({ feige: 'textarea' })).toBe('飞鸽（feige）：应为 { "parts": { "部件名": ["…"] } }');
    expect(problem({ feige: 'textarea' }, 'en')).toBe('Feige (feige): should be { "parts": { "part": ["…"] } }');
    expect(problem({ feige: { parts: { composer: [{ selector: 'a', attribute: 'no spaces' }] } } })).toMatch(
      /feige\.composer 第 1 个：应为选择器文字/,
    );
    expect(problem({ feige: { sendKeys: 'Space' } })).toBe('feige.sendKeys：取值无效');
    expect(problem({ feige: { matches: ['<all_urls>'] } })).toMatch(/没有名为「matches」/);
  });

  test('the browser’s parser catches what the DOM-free check lets through', () => {
    for (const selector of ['div!', 'a >> b', '#1a']) {
      expect(selectorSyntaxProblem(selector), selector).toBeNull();
      expect(problem({ feige: { parts: { composer: [selector] } } }), selector).toMatch(/不是有效的 CSS 选择器/);
    }
  });
});

describe('the DOM-free check (the background has no document)', () => {
  test('refuses unpaired brackets and quotes, style rules, empty list items and dangling combinators', () => {
    for (const bad of ['textarea[', 'div)', 'a[title="x]', 'div { color: red }', 'a;b', 'a,,b', 'a >', '+ a', 'a,']) {
      expect(selectorSyntaxProblem(bad), bad).not.toBeNull();
    }
    expect(errorText(selectorSyntaxProblem('textarea['), 'zh')).toBe('缺少「]」');
    expect(errorText(selectorSyntaxProblem('div { color: red }'), 'en')).toBe(
      'must not contain "{" (a selector only, no style rule)',
    );
  });

  test('accepts every built-in selector and the usual shapes', () => {
    const shipped = ADAPTERS.flatMap((adapter) => Object.values(adapter.definition().parts).flatMap(selectorsOf));
    for (const selector of [
      ...shipped,
      'textarea[placeholder*="发送给"]',
      'a[title="x, y]"]',
      '.a > .b ~ .c + .d',
      ':is(.a, .b) > p',
      'div.a\\[1\\]',
    ]) {
      expect(selectorSyntaxProblem(selector), selector).toBeNull();
    }
  });
});

describe('overrides saved before pages were definitions', () => {
  test('old keys are read into parts, with the attribute the old adapter read, so old packs still import', () => {
    expect(
      parseSelectorOverrides({
        feige: { composer: ['textarea.x'], agentBubble: ['.mine'], conversationName: ['[data-name]'] },
        pinduoduo: { messageIndex: ['[data-idx]'], conversationBox: ['div.box'] },
        'demo-workbench': { thread: ['main.chat'] },
      }),
    ).toEqual({
      feige: {
        parts: {
          composer: [{ selector: 'textarea.x' }],
          agentMessage: [{ selector: '.mine' }],
          conversationName: [{ selector: '[data-name]', attribute: 'title' }],
        },
      },
      pinduoduo: {
        parts: {
          messageId: [{ selector: '[data-idx]', attribute: 'index' }],
          conversationId: [{ selector: 'div.box', attribute: 'data-random' }],
          conversationClick: [{ selector: 'div.box' }],
        },
      },
      'demo-workbench': {
        parts: {
          thread: [{ selector: 'main.chat' }],
          openConversationId: [{ selector: 'main.chat', attribute: 'data-conv-id' }],
        },
      },
    });
  });

  test('an old fix still repairs the page it was written for', () => {
    const doc = changedFeige();
    bindSelectorOverrides(
      feige,
      parseSelectorOverrides({ feige: { composer: ['textarea[data-qa-id="qa-editor-2026"]'] } }),
    );
    expect(feige.health(doc).input).toBe(true);
  });

  test('an old key no page part stands for is refused by name', () => {
    expect(refusal(() => parseSelectorOverrides({ feige: { composr: ['a'] } }))).toMatch(/没有名为「composr」/);
  });
});
