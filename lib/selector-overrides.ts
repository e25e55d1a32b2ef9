/**
 * Selector overrides at run time (the data and its checks live in lib/adapters/overrides.ts):
 * - the content script binds the shop's overrides to its adapter at start and whenever the shop changes;
 * - "test on the open chat tab": the options page asks the background, which asks every tab; each chat tab's
 *   content script answers with its page check computed with the PROPOSED overrides, bound only for the
 *   duration of that synchronous check, so nothing changes on the page until the admin saves.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { bindSelectorOverrides, withSelectorOverrides } from '@/lib/adapters/overrides';
import { type AdapterHealth, HEALTH_PARTS, type HostAdapter } from '@/lib/adapters/types';
import { mergeSelectorOverrides, parseSelectorOverrides, type SelectorOverrides } from '@/lib/pages/overrides';
import type { RequestOf } from '@/lib/protocol';
import type { ShopSnapshot } from '@/lib/store/types';

/** One chat tab's answer to a selector test. */
export interface SelectorTestResult {
  tabId: number;
  /** The adapter serving the tab (feige, pinduoduo, demo-workbench). */
  adapter: string;
  url: string;
  title: string;
  health: AdapterHealth;
}

/** Background → content script: compute the page check with these overrides in place of the saved ones. */
interface SelectorTestMessage {
  huashu: 1;
  type: 'testSelectors';
  overrides: SelectorOverrides;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The overrides in force for a shop: its own, with the managed pack's keys winning. */
export function effectiveSelectorOverrides(snapshot: Pick<ShopSnapshot, 'local' | 'managed'>): SelectorOverrides {
  return mergeSelectorOverrides(snapshot.local.selectorOverrides, snapshot.managed?.selectorOverrides);
}

/** Binds the overrides a shop snapshot holds to the page's adapter. */
export function bindShopSelectors(adapter: HostAdapter, snapshot: Pick<ShopSnapshot, 'local' | 'managed'>): void {
  bindSelectorOverrides(adapter, effectiveSelectorOverrides(snapshot));
}

function isHealth(value: unknown): value is AdapterHealth {
  return isRecord(value) && HEALTH_PARTS.every((part) => typeof value[part] === 'boolean');
}

/** Content script: answers the background's selector tests for this page until the script is invalidated. */
export function answerSelectorTests(ctx: ContentScriptContext, adapter: HostAdapter, doc: Document = document): void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (!isRecord(message) || message.huashu !== 1 || message.type !== 'testSelectors') return undefined;
    if (sender.id !== browser.runtime.id) return undefined;
    let overrides: SelectorOverrides;
    try {
      // Checked again with this page's CSS parser: the background's check has no DOM.
      overrides = parseSelectorOverrides(message.overrides, 'zh');
    } catch (error) {
      return Promise.resolve({ error: (error as Error).message });
    }
    const health = withSelectorOverrides(adapter, overrides, () => adapter.health(doc));
    return Promise.resolve({ adapter: adapter.id, url: location.href, title: doc.title, health });
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

/**
 * Background: asks every tab to check the proposed overrides; tabs without Huashu's content script don't
 * answer and are skipped. An empty list means no chat tab is open.
 */
export async function testSelectorsOnTabs({ overrides }: RequestOf<'testSelectors'>): Promise<SelectorTestResult[]> {
  const message: SelectorTestMessage = { huashu: 1, type: 'testSelectors', overrides };
  const tabs = await browser.tabs.query({});
  const answers = await Promise.all(
    tabs.map(async (tab): Promise<SelectorTestResult | null> => {
      if (tab.id === undefined) return null;
      // A tab without our content script rejects: it is not a chat tab.
      const answer: unknown = await browser.tabs.sendMessage(tab.id, message).catch(() => null);
      // The page's CSS parser refused an override the background's DOM-free check let through: say so.
      if (isRecord(answer) && typeof answer.error === 'string') throw new Error(answer.error);
      if (!isRecord(answer) || typeof answer.adapter !== 'string' || !isHealth(answer.health)) return null;
      return {
        tabId: tab.id,
        adapter: answer.adapter,
        url: typeof answer.url === 'string' ? answer.url : (tab.url ?? ''),
        title: typeof answer.title === 'string' ? answer.title : (tab.title ?? ''),
        health: answer.health,
      };
    }),
  );
  return answers.filter((answer): answer is SelectorTestResult => answer !== null);
}
