import { demoWorkbenchPage } from '@/lib/pages/demo-workbench';
import { feigePage } from '@/lib/pages/feige';
import { pinduoduoPage } from '@/lib/pages/pinduoduo';
import type { PageDefinition } from '@/lib/pages/types';

/** Every supported host page, as data. Each has one adapter in lib/adapters/ (lib/adapters/index.ts). */
export const PAGES: readonly PageDefinition[] = [feigePage, pinduoduoPage, demoWorkbenchPage];
