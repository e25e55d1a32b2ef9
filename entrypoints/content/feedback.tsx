/**
 * 我要反馈 in the content script: one form state per conversation, kept across closing the popup and
 * switching conversations until it is sent or cancelled. Images are checked and scaled here, in the page,
 * before anything crosses to the background.
 */

import type { FeedbackDraft } from '@/components/FeedbackForm';
import { FeedbackForm } from '@/components/FeedbackForm';
import { checkImageFile, downscaleImage } from '@/lib/feedback/images';
import { maskPersonal } from '@/lib/feedback/mask';
import { FEEDBACK_LIMITS, type FeedbackContext } from '@/lib/feedback/types';
import { chatErrorText } from '@/lib/i18n/chat-errors';
import type { PopupStrings } from '@/lib/i18n/popup';
import type { IntentId } from '@/lib/intents/ids';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';
import { CodedError } from '@/lib/messages/errors';
import type { Solution } from '@/lib/solutions/types';

/** Feedback concerns Huashu's own recommendations, so only solutions of a built-in intent take it. */
export type IntentSolution = Solution & { intent: IntentId };

interface FormState {
  /** Made once per draft: every submit of this draft, retries included, stores at most one item. */
  requestId: string;
  open: boolean;
  draft: FeedbackDraft;
  processing: number;
  submitting: boolean;
  error?: string;
}

export interface FeedbackControllerOptions {
  strings(): PopupStrings;
  language(): Language;
  redraw(): void;
  /** Confirms a sent item in the popup's status line. */
  sent(conversationId: string, text: string): void;
}

/** The context shown before sending and stored with the item; the buyer's phone numbers and addresses masked. */
export function feedbackContext(solution: IntentSolution, buyerText: string): FeedbackContext {
  const cut = (text: string) => text.slice(0, FEEDBACK_LIMITS.contextChars);
  return {
    conversationId: solution.conversationId,
    messageId: solution.messageId,
    intent: solution.intent,
    intentLabel: solution.intentLabel,
    confidence: solution.confidence,
    why: solution.why.slice(0, FEEDBACK_LIMITS.contextItems).map((item) => cut(maskPersonal(item))),
    buyerText: cut(maskPersonal(buyerText)),
    replies: solution.replies.slice(0, FEEDBACK_LIMITS.contextItems).map((reply) => cut(maskPersonal(reply.text))),
    node: solution.node,
    orderId: solution.order?.id,
    product: solution.order?.product,
  };
}

/** A refusal with a reason (the background answered); anything else is the connection failing. */
function isCodedError(error: unknown): boolean {
  return error instanceof CodedError && error.code !== 'backgroundDown';
}

/**
 * Where a conversation's draft waits in extension storage (never the page's own storage: the page could read
 * it). One key per conversation, so chat tabs open side by side never overwrite each other's drafts.
 */
const DRAFT_KEY_PREFIX = 'huashu-feedback-draft:';
/** A draft older than this is dropped rather than restored. */
const DRAFT_KEEP_MS = 24 * 60 * 60_000;
/** Images are kept with a draft only up to this size in all: extension storage holds about 10 MB. */
const DRAFT_IMAGE_CHARS = 3 * 1024 * 1024;

interface SavedDraft {
  requestId: string;
  open: boolean;
  draft: FeedbackDraft;
  savedAt: number;
}

export function createFeedbackController(options: FeedbackControllerOptions) {
  const forms = new Map<string, FormState>();

  /**
   * Every change is written at once to extension storage: an update replaces this content script without
   * warning, and the new one restores the half-written form (same request id, so it is still sent once).
   */
  function persist(conversationId: string) {
    const key = `${DRAFT_KEY_PREFIX}${conversationId}`;
    const form = forms.get(conversationId);
    const write = form ? browser.storage.local.set({ [key]: saved(form) }) : browser.storage.local.remove(key);
    void write.catch(() => {});
  }

  function saved(form: FormState): SavedDraft {
    const images = form.draft.images.reduce((chars, image) => chars + image.dataUrl.length, 0);
    const draft = images > DRAFT_IMAGE_CHARS ? { ...form.draft, images: [] } : form.draft;
    return { requestId: form.requestId, open: form.open, draft, savedAt: Date.now() };
  }

  /** Drafts a previous content script left, restored before the agent touches a form here. */
  void browser.storage.local
    .get(null)
    .then((stored) => {
      for (const [key, entry] of Object.entries(stored)) {
        if (!key.startsWith(DRAFT_KEY_PREFIX)) continue;
        const conversationId = key.slice(DRAFT_KEY_PREFIX.length);
        if (forms.has(conversationId) || !isSavedDraft(entry)) continue;
        if (Date.now() - entry.savedAt > DRAFT_KEEP_MS) {
          void browser.storage.local.remove(key).catch(() => {});
          continue;
        }
        forms.set(conversationId, {
          requestId: entry.requestId,
          open: entry.open,
          draft: entry.draft,
          processing: 0,
          submitting: false,
        });
      }
      options.redraw();
    })
    .catch(() => {});

  function open(conversationId: string, solution: IntentSolution, buyerText: string) {
    const form = forms.get(conversationId);
    if (form) form.open = true;
    else {
      forms.set(conversationId, {
        requestId: crypto.randomUUID(),
        open: true,
        draft: { category: 'wrong_intent', description: '', images: [], context: feedbackContext(solution, buyerText) },
        processing: 0,
        submitting: false,
      });
    }
    persist(conversationId);
    options.redraw();
  }

  function update(conversationId: string, patch: Partial<FormState>) {
    const form = forms.get(conversationId);
    if (!form) return;
    Object.assign(form, patch);
    persist(conversationId);
    options.redraw();
  }

  async function addFiles(conversationId: string, files: File[]) {
    const form = forms.get(conversationId);
    if (!form) return;
    const refused = options.strings().feedback.imageRefused;
    const errors: string[] = [];
    const accepted: File[] = [];
    for (const file of files) {
      const refusal = checkImageFile(file, form.draft.images.length + form.processing + accepted.length);
      if (refusal) errors.push(refused[refusal](file.name || 'image'));
      else accepted.push(file);
    }
    update(conversationId, { error: errors[0], processing: form.processing + accepted.length });
    await Promise.all(
      accepted.map(async (file) => {
        try {
          const image = await downscaleImage(file);
          form.draft.images = [...form.draft.images, image];
          persist(conversationId);
        } catch {
          form.error = options.strings().feedback.imageFailed(file.name || 'image');
        } finally {
          form.processing -= 1;
          options.redraw();
        }
      }),
    );
  }

  async function submit(conversationId: string) {
    const form = forms.get(conversationId);
    if (!form || form.submitting) return;
    update(conversationId, { submitting: true, error: undefined });
    const input = { ...form.draft, requestId: form.requestId };
    try {
      // A worker stopped mid-request may have stored the item before its answer was lost: one retry under the
      // same request id finds it rather than storing it again.
      const { duplicate } = await callBackground('submitFeedback', input).catch((error: unknown) => {
        if (isCodedError(error)) throw error;
        return callBackground('submitFeedback', input);
      });
      forms.delete(conversationId);
      persist(conversationId);
      const t = options.strings().feedback;
      options.sent(conversationId, duplicate ? t.sentBefore : t.sent);
    } catch (error) {
      update(conversationId, {
        submitting: false,
        error: options.strings().feedback.failed(chatErrorText(error, options.language())),
      });
    }
  }

  /** The form to show in the popup of `conversationId`, or undefined when it is not open. */
  function view(conversationId: string) {
    const form = forms.get(conversationId);
    if (!form?.open) return undefined;
    const { draft } = form;
    return (
      <FeedbackForm
        draft={draft}
        t={options.strings()}
        submitting={form.submitting}
        processing={form.processing}
        error={form.error}
        onChange={(patch) => {
          // The current draft, not this render's: a redraw may not have happened since the last change.
          form.draft = { ...form.draft, ...patch };
          persist(conversationId);
          options.redraw();
        }}
        onAddFiles={(files) => void addFiles(conversationId, files)}
        onRemoveImage={(index) => {
          form.draft = { ...form.draft, images: form.draft.images.filter((_, at) => at !== index) };
          form.error = undefined;
          persist(conversationId);
          options.redraw();
        }}
        onSubmit={() => void submit(conversationId)}
        onCancel={() => {
          forms.delete(conversationId);
          persist(conversationId);
          options.redraw();
        }}
      />
    );
  }

  return { open, view };
}

function isSavedDraft(value: unknown): value is SavedDraft {
  const entry = value as Partial<SavedDraft> | null;
  return (
    typeof entry?.requestId === 'string' &&
    typeof entry.savedAt === 'number' &&
    typeof entry.draft?.description === 'string' &&
    Array.isArray(entry.draft.images)
  );
}
