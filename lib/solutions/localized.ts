import type { Language } from '@/lib/language';

/** Agent-facing text (labels, notices, reasons) in each UI language. */
export type Localized = Record<Language, string>;
