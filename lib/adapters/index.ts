import { MatchPattern } from 'wxt/utils/match-patterns';
import { demoWorkbench } from '@/lib/adapters/demo-workbench';
import { feige } from '@/lib/adapters/feige';
import { pinduoduo } from '@/lib/adapters/pinduoduo';
import type { HostAdapter } from '@/lib/adapters/types';
import { LOCAL_DEMO_MATCHES } from '@/lib/pages/matches';

/** Every supported host page. A new page is one adapter file added here (and its patterns in matches.ts). */
export const ADAPTERS: readonly HostAdapter[] = [feige, pinduoduo, demoWorkbench];

function matchesAny(patterns: readonly string[], url: string): boolean {
  return patterns.some((pattern) => new MatchPattern(pattern).includes(url));
}

/**
 * The adapter for a page. On a real workbench host the URL decides, and only the URL: a changed
 * page there shows up in the adapter's health check, never as another adapter's guess. On the local
 * demo host (127.0.0.1, localhost) the URL says nothing, so the page's DOM decides: the first real
 * adapter whose detect() recognises it (a saved 飞鸽 or 拼多多 page served by a test), else the demo
 * workbench. `doc` defaults to the current document, so content scripts can call adapterFor(location.href).
 */
export function adapterFor(url: string, doc: Document | undefined = globalThis.document): HostAdapter | null {
  if (matchesAny(LOCAL_DEMO_MATCHES, url)) {
    const recognised = doc && ADAPTERS.find((adapter) => adapter !== demoWorkbench && adapter.detect(doc));
    return recognised || demoWorkbench;
  }
  return ADAPTERS.find((adapter) => adapter !== demoWorkbench && matchesAny(adapter.matches, url)) ?? null;
}
