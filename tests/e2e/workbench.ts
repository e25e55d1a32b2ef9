import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchWithExtension } from '@/demo/browser.mjs';
import { startWorkbench } from '@/demo/server.mjs';

interface DemoThreadMessage {
  id: string;
  from: 'buyer' | 'agent' | 'system';
  kind: string;
  text: string;
  orderId?: string;
}

interface DemoOrder {
  id: string;
  product: string;
  amount: string;
  status: string;
  paidAt?: string | null;
  promiseShipBy?: string | null;
  courier?: string | null;
  trackingNo?: string | null;
}

export interface DemoConversation {
  id: string;
  buyerName: string;
  waitingSeconds: number;
  orders: DemoOrder[];
}

/** The workbench's buyer simulator, as the page exposes it on window.demo. */
interface DemoApi {
  conversations(): DemoConversation[];
  open(id: string): void;
  buyerSays(id: string, text: string): string;
  buyerSendsOrder(id: string, orderId: string): void;
  buyerConfirms(id: string): boolean;
  thread(id: string): DemoThreadMessage[];
  reset(): void;
  currentId(): string;
}

declare global {
  interface Window {
    demo: DemoApi;
  }
}

/** One Chromium with Huashu loaded, over a freshly served workbench. */
export async function startSession() {
  const workbench = await startWorkbench({ port: 0 });
  const { context, extensionId } = await launchWithExtension();
  const page = context.pages()[0] ?? (await context.newPage());
  const session = {
    context,
    extensionId,
    page,
    url: workbench.url,
    /**
     * Loads the workbench anew (fresh fixture, fresh content script) and waits until Huashu watches it;
     * `open` names the conversation open at load (else the fixture's first).
     */
    async load(open?: string) {
      await page.goto(open ? `${workbench.url}?open=${open}` : workbench.url);
      await page.waitForSelector('html[data-workbench-ready="1"]');
      await page.waitForSelector('huashu-assistant[data-ready]', { state: 'attached' });
    },
    async close() {
      await context.close();
      await workbench.close();
    },
  };
  return session;
}

export type Session = Awaited<ReturnType<typeof startSession>>;

/**
 * One browser for the test file and a freshly loaded workbench before each test (fresh fixture,
 * fresh content script). Read `.page` inside tests: it exists once the browser has started.
 */
export function useFreshWorkbench() {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    await session?.load();
  });
  return {
    get page(): Page {
      if (!session) throw new Error('the browser did not start');
      return session.page;
    },
    get extensionId(): string {
      if (!session) throw new Error('the browser did not start');
      return session.extensionId;
    },
    /** Loads the workbench again, with `open` open at load. */
    load(open?: string): Promise<void> {
      if (!session) throw new Error('the browser did not start');
      return session.load(open);
    },
  };
}

export const demo = {
  conversations: (page: Page) => page.evaluate(() => window.demo.conversations()),
  currentId: (page: Page) => page.evaluate(() => window.demo.currentId()),
  open: (page: Page, id: string) => page.evaluate((convId) => window.demo.open(convId), id),
  buyerSays: (page: Page, id: string, text: string) =>
    page.evaluate(([convId, message]) => window.demo.buyerSays(convId, message), [id, text] as const),
  buyerSendsOrder: (page: Page, id: string, orderId: string) =>
    page.evaluate(([convId, order]) => window.demo.buyerSendsOrder(convId, order), [id, orderId] as const),
  buyerConfirms: (page: Page, id: string) => page.evaluate((convId) => window.demo.buyerConfirms(convId), id),
  thread: (page: Page, id: string) => page.evaluate((convId) => window.demo.thread(convId), id),
};

export function popup(page: Page): Locator {
  return page.locator('huashu-assistant .hs-popup');
}

export type { Page };
