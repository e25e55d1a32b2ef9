import type { BrowserContext } from 'playwright-core';

export const EXTENSION_DIR: string;
export function findChromium(): string;
export function launchWithExtension(options?: {
  headless?: boolean;
  extensionDir?: string;
  userDataDir?: string;
}): Promise<{ context: BrowserContext; extensionId: string; profile: string }>;
