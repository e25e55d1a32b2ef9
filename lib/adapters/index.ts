import { MatchPattern } from 'wxt/utils/match-patterns';
import { createAdapter } from '@/lib/adapters/generic';
import type { HostAdapter } from '@/lib/adapters/types';
import { PAGES } from '@/lib/pages';
import { demoWorkbenchPage } from '@/lib/pages/demo-workbench';
import { LOCAL_DEMO_MATCHES } from '@/lib/pages/matches';

/** One adapter per built-in page, each the generic adapter reading that page's definition. */
export const ADAPTERS: readonly HostAdapter[] = PAGES.map(createAdapter);

/** The built-in adapter of a page id (tests and tools); undefined for an unknown id. */
export function builtInAdapter(id: string): HostAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

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
  const demo = builtInAdapter(demoWorkbenchPage.id) ?? null;
  const real = ADAPTERS.filter((adapter) => adapter !== demo);
  if (matchesAny(LOCAL_DEMO_MATCHES, url)) return (doc && real.find((adapter) => adapter.detect(doc))) || demo;
  return real.find((adapter) => matchesAny(adapter.matches, url)) ?? null;
}
