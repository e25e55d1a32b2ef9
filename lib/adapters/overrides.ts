/**
 * Binding selector overrides into an adapter's own selector table (the data and its checks live in
 * lib/pages/overrides.ts). Every adapter reads its selectors from that table at call time, so binding rewrites
 * the table's entries in place: no adapter code changes, and a send already under way uses the new variants too.
 * One page has one adapter, so the content script's binding is the page's binding.
 */
import type { HostAdapter } from '@/lib/adapters/types';
import { builtInSelectors, mergedSelectors, type SelectorOverrides, selectorParses } from '@/lib/pages/overrides';

const warned = new Set<string>();

/**
 * Binds `overrides` (the whole set; only `adapter.id`'s entry is used) to the adapter's selector table,
 * replacing whatever was bound before; {} restores the built-ins. A variant this document's CSS parser
 * refuses is left out with one warning, so it can't make the built-in variants behind it unreachable.
 */
export function bindSelectorOverrides(adapter: HostAdapter, overrides: SelectorOverrides): void {
  const table = adapter.selectors as Record<string, readonly string[]>;
  if (!builtInSelectors(adapter.id)) return;
  const usable: Record<string, string[]> = {};
  for (const [key, variants] of Object.entries(overrides[adapter.id] ?? {})) {
    usable[key] = variants.filter((selector) => {
      if (selectorParses(selector)) return true;
      if (!warned.has(selector)) {
        warned.add(selector);
        console.warn(`[话术助手] selector override ${adapter.id}.${key} "${selector}" does not parse here; ignored.`);
      }
      return false;
    });
  }
  for (const [key, variants] of Object.entries(mergedSelectors(adapter.id, usable))) table[key] = variants;
}

/** The overrides currently bound to the adapter: its table's variants that are not built in. */
export function boundSelectorOverrides(adapter: HostAdapter): Record<string, string[]> {
  const builtIn = builtInSelectors(adapter.id) ?? {};
  const bound: Record<string, string[]> = {};
  for (const [key, variants] of Object.entries(adapter.selectors)) {
    const extra = variants.filter((selector) => !builtIn[key]?.includes(selector));
    if (extra.length > 0) bound[key] = extra;
  }
  return bound;
}

/**
 * Runs `run` (synchronous: nothing else runs meanwhile) with `overrides` bound in place of the adapter's
 * current ones, then puts the current ones back. "Test on the open chat tab" checks proposed overrides this
 * way without applying them.
 */
export function withSelectorOverrides<T>(adapter: HostAdapter, overrides: SelectorOverrides, run: () => T): T {
  const table = adapter.selectors as Record<string, readonly string[]>;
  const saved = Object.fromEntries(Object.entries(table).map(([key, variants]) => [key, variants]));
  bindSelectorOverrides(adapter, overrides);
  try {
    return run();
  } finally {
    for (const [key, variants] of Object.entries(saved)) table[key] = variants;
  }
}
