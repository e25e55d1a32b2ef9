/** The interface languages: zh-CN is the default. Replies to buyers stay Chinese whatever the language. */
export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
