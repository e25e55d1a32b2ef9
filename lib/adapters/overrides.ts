/**
 * Binding selector overrides into an adapter (the data and its checks live in lib/pages/overrides.ts). The
 * adapter reads its definition at call time, so binding merges the page's override over the built-in definition
 * and takes effect at once: no adapter code changes, and a send already under way uses the new variants too.
 * One page has one adapter, so the content script's binding is the page's binding.
 */
import type { HostAdapter } from '@/lib/adapters/types';
import { isSelectorVariant, type PageOverride, type Variants } from '@/lib/pages/definition';
import { type SelectorOverrides, selectorParses } from '@/lib/pages/overrides';

const warned = new Set<string>();

/** The override with the variants this document's CSS parser refuses left out (one warning each). */
function usable(adapterId: string, override: PageOverride | undefined): PageOverride | undefined {
  if (!override?.parts) return override;
  const parts: Record<string, Variants> = {};
  for (const [part, variants] of Object.entries(override.parts)) {
    parts[part] = (variants ?? []).filter((variant) => {
      if (!isSelectorVariant(variant) || selectorParses(variant.selector)) return true;
      if (!warned.has(variant.selector)) {
        warned.add(variant.selector);
        console.warn(
          `[话术助手] selector override ${adapterId}.${part} "${variant.selector}" does not parse here; ignored.`,
        );
      }
      return false;
    });
  }
  return { ...override, parts };
}

/**
 * Binds `overrides` (the whole set; only `adapter.id`'s entry is used) to the adapter, replacing whatever was bound
 * before; {} restores the built-in definition. A variant this document's CSS parser refuses is left out, so it
 * can't make the built-in variants behind it unreachable.
 */
export function bindSelectorOverrides(adapter: HostAdapter, overrides: SelectorOverrides): void {
  adapter.bind(usable(adapter.id, overrides[adapter.id]));
}

/**
 * Runs `run` (synchronous: nothing else runs meanwhile) with `overrides` bound in place of the adapter's current
 * ones, then puts the current ones back. "Test on the open chat tab" checks proposed overrides this way without
 * applying them.
 */
export function withSelectorOverrides<T>(adapter: HostAdapter, overrides: SelectorOverrides, run: () => T): T {
  const bound = adapter.bound();
  bindSelectorOverrides(adapter, overrides);
  try {
    return run();
  } finally {
    adapter.bind(bound);
  }
}
