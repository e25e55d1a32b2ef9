import type { PageDefinition } from '@/lib/pages/definition';
import { demoWorkbenchPage } from '@/lib/pages/demo-workbench';
import { feigePage } from '@/lib/pages/feige';
import { pinduoduoPage } from '@/lib/pages/pinduoduo';

/** Every built-in host page, as data. One generic adapter reads each (lib/adapters/generic.ts). */
export const PAGES: readonly PageDefinition[] = [feigePage, pinduoduoPage, demoWorkbenchPage];
