import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEditors, EDITORS } from '@/demo/build-editors.mjs';
import { demo, type Page, popup, type Session, startSession } from '@/tests/e2e/workbench';

/**
 * The workbench with its composer swapped for a plain textarea or a rich editor installed from npm (Lexical, Slate,
 * Quill, TipTap/ProseMirror; demo/editors/, bundled here before the browser starts). The page keeps the draft in the
 * editor's own state and sends only what that state holds, so each test reads the text through the editor's API
 * (window.demo.editorText()), never the DOM, and a text that only showed in the DOM would fail it.
 */

/** Long enough for a second, unwanted message to have appeared (sends take milliseconds). */
const QUIET_MS = 800;
/** One order, already shipped: 快递到哪了 gets logistics replies, and no order-prediction card goes out. */
const CONVERSATION = 'c04';
const DRAFT = '我先查一下';

/** What the workbench adds to window.demo for its composer variants. */
interface ComposerApi {
  editorText(): string;
  composerKind(): string;
}

let session: Session | undefined;
/** Which step of the insertion ladder placed the text, per composer, from the content script's verbose log. */
const strategies = new Map<string, Set<string>>();
let composerKind = '';

beforeAll(async () => {
  await buildEditors();
  session = await startSession();
  session.page.on('console', (message) => {
    const placed = message.text().match(/^\[话术助手\] text placed by (.+)$/);
    if (placed) strategies.set(composerKind, (strategies.get(composerKind) ?? new Set()).add(placed[1]));
  });
});

afterAll(async () => {
  // For the closing note: which editor needed which strategy.
  for (const [kind, used] of strategies) console.info(`insertion ladder: ${kind} → ${[...used].join(', ')}`);
  await session?.close();
});

function page(): Page {
  if (!session) throw new Error('the browser did not start');
  return session.page;
}

async function openWith(kind: string, query = '') {
  composerKind = kind;
  await page().goto(`${session?.url}?editor=${kind}${query}`);
  await page().waitForSelector('html[data-workbench-ready="1"]');
  await page().waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
  await demo.open(page(), CONVERSATION);
}

const editorText = () => page().evaluate(() => (window.demo as unknown as ComposerApi).editorText());

/** Clicks into the composer and types as the agent would. */
async function typeIntoComposer(text: string) {
  await page().locator('.composer-editor [contenteditable="true"], .composer-input').first().click();
  await page().keyboard.press('Control+End');
  await page().keyboard.type(text);
}

/** The first reply of the popup raised by a buyer's 快递到哪了. */
async function firstReplyFor(question: string) {
  await demo.buyerSays(page(), CONVERSATION, question);
  await expect.poll(() => popup(page()).isVisible()).toBe(true);
  const reply = popup(page()).locator('.hs-reply').first();
  const text = (await reply.locator('.hs-reply-text').textContent())?.trim() ?? '';
  expect(text).not.toBe('');
  return { reply, text };
}

const agentMessagesWith = async (text: string) =>
  (await demo.thread(page(), CONVERSATION)).filter((message) => message.from === 'agent' && message.text === text);

describe.each(['textarea', ...EDITORS])('the %s composer', (kind) => {
  test('复制 puts exactly the reply into the editor’s state, after the draft, and the next key adds one character', async () => {
    await openWith(kind);
    await expect(page().evaluate(() => (window.demo as unknown as ComposerApi).composerKind())).resolves.toBe(kind);
    await typeIntoComposer(DRAFT);
    await expect.poll(editorText).toBe(DRAFT);
    const { reply, text } = await firstReplyFor('快递到哪了？');
    const before = await demo.thread(page(), CONVERSATION);

    await reply.getByRole('button', { name: '复制' }).click();

    await expect.poll(editorText).toBe(`${DRAFT} ${text}`);
    await expect(popup(page()).locator('.hs-status').textContent()).resolves.toBe('已放入输入框');
    // Text that reached only the DOM vanishes or doubles with the next key; text in the editor's state takes one more.
    await typeIntoComposer('!');
    await expect.poll(editorText).toBe(`${DRAFT} ${text}!`);
    expect(await demo.thread(page(), CONVERSATION)).toHaveLength(before.length);
  });

  test('发送 sends exactly the reply, once, and gives the agent the draft back', async () => {
    await openWith(kind);
    await typeIntoComposer(DRAFT);
    await expect.poll(editorText).toBe(DRAFT);
    const { reply, text } = await firstReplyFor('快递到哪了？');

    await reply.getByRole('button', { name: '发送' }).click();

    await expect.poll(() => popup(page()).locator('.hs-status').textContent()).toBe('已发送');
    await expect
      .poll(async () => (await demo.thread(page(), CONVERSATION)).at(-1))
      .toMatchObject({
        from: 'agent',
        text,
      });
    await expect.poll(editorText).toBe(DRAFT);
    await page().waitForTimeout(QUIET_MS);
    expect(await agentMessagesWith(text)).toHaveLength(1);
    expect(await agentMessagesWith(`${DRAFT} ${text}`)).toHaveLength(0);
  });
});

describe.each(['textarea', 'slate', 'tiptap'])('the %s composer without a send button', (kind) => {
  test('发送 presses Enter in the editor and sends exactly the reply, once', async () => {
    await openWith(kind);
    await page().evaluate(() => document.querySelector('.composer-send')?.remove());
    const { reply, text } = await firstReplyFor('快递到哪了？');

    await reply.getByRole('button', { name: '发送' }).click();

    await expect.poll(() => popup(page()).locator('.hs-status').textContent()).toBe('已发送');
    expect(await agentMessagesWith(text)).toHaveLength(1);
    await expect.poll(editorText).toBe('');
    await page().waitForTimeout(QUIET_MS);
    expect(await agentMessagesWith(text)).toHaveLength(1);
  });
});

describe('a textarea page that sends on keypress alone, without a send button', () => {
  test('发送 reaches it through Enter’s keypress and sends exactly the reply, once', async () => {
    await openWith('textarea', '&sendkey=keypress');
    await page().evaluate(() => document.querySelector('.composer-send')?.remove());
    const { reply, text } = await firstReplyFor('快递到哪了？');

    await reply.getByRole('button', { name: '发送' }).click();

    await expect.poll(() => popup(page()).locator('.hs-status').textContent()).toBe('已发送');
    await page().waitForTimeout(QUIET_MS);
    expect(await agentMessagesWith(text)).toHaveLength(1);
  });
});

describe('a send the page never shows', () => {
  test('the popup says it could not be confirmed, and the reply stays in the composer after the draft', async () => {
    await openWith('lexical');
    // The page swallows its send button's clicks: nothing is ever sent.
    await page().evaluate(() =>
      document
        .querySelector('.composer-send')
        ?.addEventListener('click', (event) => event.stopImmediatePropagation(), { capture: true }),
    );
    await typeIntoComposer(DRAFT);
    await expect.poll(editorText).toBe(DRAFT);
    const { reply, text } = await firstReplyFor('快递到哪了？');

    await reply.getByRole('button', { name: '发送' }).click();

    await expect
      .poll(() => popup(page()).locator('.hs-status').textContent(), { timeout: 10_000 })
      .toContain('未能确认已发送');
    await expect.poll(editorText).toBe(`${DRAFT} ${text}`);
    expect(await agentMessagesWith(text)).toHaveLength(0);
  });
});
