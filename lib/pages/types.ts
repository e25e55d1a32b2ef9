import type { Language } from '@/lib/language';

/** Ways to find one part of a page: current variant first, then fallbacks, each with its evidence beside it. */
export type Selectors = readonly string[];

/**
 * What Huashu knows about a host page as data, free of DOM code, so the background and the options page can
 * read it (labels, match patterns, the selector keys an override may name) without loading an adapter.
 */
export interface PageDefinition {
  id: string;
  label: Record<Language, string>;
  matches: readonly string[];
  selectors: Readonly<Record<string, Selectors>>;
}

/** A mutable copy of a selector table with the same keys, for an adapter that binds overrides into it. */
export function copySelectors<T extends Readonly<Record<string, Selectors>>>(
  table: T,
): { -readonly [K in keyof T]: Selectors } {
  return Object.fromEntries(Object.entries(table).map(([key, variants]) => [key, [...variants]])) as unknown as {
    -readonly [K in keyof T]: Selectors;
  };
}
