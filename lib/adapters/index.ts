import { MatchPattern } from 'wxt/utils/match-patterns';
import { demoWorkbench } from './demo-workbench';
import type { HostAdapter } from './types';

/** Every supported host page, most specific first. A new page is one adapter file added here. */
export const ADAPTERS: readonly HostAdapter[] = [demoWorkbench];

export function adapterFor(url: string): HostAdapter | null {
  return ADAPTERS.find((adapter) => adapter.matches.some((pattern) => new MatchPattern(pattern).includes(url))) ?? null;
}
