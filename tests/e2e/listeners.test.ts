import type { CDPSession } from 'playwright-core';
import { expect, test } from 'vitest';
import { demo, type Page, popup, useFreshWorkbench } from '@/tests/e2e/workbench';

/**
 * A chat stays open through a whole shift: whatever Huashu adds to the page (event listeners on the page's
 * nodes, abort listeners in its own script) must not grow with the messages and conversation switches it sees.
 */
const workbench = useFreshWorkbench();
/** The slow-reply badge lists up to 5 buyers, each a button, as their waits pass the threshold. */
const MAX_ROWS_GAINED = 5;

interface ExecutionContext {
  id: number;
  auxData?: { type?: string; frameId?: string };
}

/**
 * Listeners on the window and on every node of the document (shadow roots included), and apart from them the
 * listeners on every AbortSignal, in the page's world and in Huashu's.
 */
async function countListeners(cdp: CDPSession, contexts: ExecutionContext[]) {
  await cdp.send('HeapProfiler.collectGarbage');
  let dom = 0;
  let signals = 0;
  const listenersOf = async (objectId: string, depth = 0) =>
    (await cdp.send('DOMDebugger.getEventListeners', { objectId, depth, pierce: true })).listeners.length;
  const evaluate = async (expression: string, contextId?: number) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression, ...(contextId ? { contextId } : {}) });
    if (!result.objectId) throw new Error(`${expression} gave no object`);
    return result.objectId;
  };
  dom += await listenersOf(await evaluate('window'));
  dom += await listenersOf(await evaluate('document'), -1);
  // The page's world and each extension world (Huashu's content script) have their own AbortSignal class.
  for (const context of contexts) {
    const prototype = await evaluate('AbortSignal.prototype', context.id);
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype });
    if (!objects.objectId) continue;
    const { result } = await cdp.send('Runtime.getProperties', { objectId: objects.objectId, ownProperties: true });
    for (const item of result) {
      if (/^\d+$/.test(item.name) && item.value?.objectId) signals += await listenersOf(item.value.objectId);
    }
  }
  return { dom, signals };
}

/** `count` buyer messages in the open conversation, one per frame, as a busy buyer types them. */
async function buyerMessages(page: Page, conversationId: string, count: number) {
  await page.evaluate(
    async ([id, n]) => {
      for (let i = 0; i < n; i++) {
        window.demo.buyerSays(id, '什么时候发货');
        await new Promise((done) => requestAnimationFrame(done));
      }
    },
    [conversationId, count] as const,
  );
}

test('page listeners stay flat over 1,000 buyer messages and conversation switches', { timeout: 240_000 }, async () => {
  const page = workbench.page;
  const cdp = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const frameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  const inPage = () => contexts.filter((context) => context.auxData?.frameId === frameId);
  expect(inPage().some((context) => context.auxData?.type === 'isolated')).toBe(true);

  const open = await demo.currentId(page);
  const others = (await demo.conversations(page)).filter((conversation) => conversation.id !== open).slice(0, 3);
  /** 100 messages, then a look at each other conversation and back. */
  async function round() {
    await buyerMessages(page, open, 100);
    for (const other of others) {
      await demo.open(page, other.id);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    }
    await demo.open(page, open);
    await expect.poll(() => popup(page).isVisible()).toBe(true);
    await page.waitForTimeout(500);
  }

  await round();
  const after100 = await countListeners(cdp, inPage());
  for (let i = 1; i < 10; i++) await round();
  const after1000 = await countListeners(cdp, inPage());

  expect((await demo.thread(page, open)).filter((message) => message.from === 'buyer').length).toBeGreaterThan(1000);
  // Abort listeners are what piled up (WXT's ctx.setTimeout and ctx.requestAnimationFrame add one per call).
  expect(after1000.signals).toBe(after100.signals);
  // The page's own nodes may legitimately show a few more buttons by then (another buyer in the slow-reply
  // list), never one per message.
  expect(after1000.dom - after100.dom).toBeLessThanOrEqual(MAX_ROWS_GAINED);
});
