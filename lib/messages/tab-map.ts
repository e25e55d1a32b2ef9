/**
 * Requests to a chat tab's content script, from the background and the toolbar popup; the tab's answers have their
 * own schemas (lib/messages/tab-answers.ts).
 */
import * as v from 'valibot';
import { LIMITS } from '@/lib/messages/limits';

const none = v.object({});

export const TAB_REQUESTS = {
  /** The shop's replies or settings changed, so open popups ask again. Carries no data. */
  solutionsChanged: { request: none },
  /** Open the longest-waiting conversation (the Alt+J command). */
  jumpLongest: { request: none },
  /** The buyers waiting in this tab, for the toolbar popup. */
  waitingList: { request: none },
  /** Open one conversation of the page's own list, by the id the waiting list gave. */
  openConversation: { request: v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.idChars)) }) },
  /** Compute the page check with these overrides in place of the saved ones; nothing is applied. The tab checks them again. */
  testSelectors: {
    request: v.object({ overrides: v.record(v.string(), v.unknown()) }),
  },
  /** Open the page mapper over this custom page (the admin asked from the options page or the toolbar). */
  startMapper: { request: none },
} satisfies Record<string, { request: v.GenericSchema }>;

export type TabRequestType = keyof typeof TAB_REQUESTS;
export type TabRequestOf<T extends TabRequestType> = v.InferOutput<(typeof TAB_REQUESTS)[T]['request']>;
