import { useRef, useState } from 'preact/hooks';
import { FeedbackContextFields } from '@/components/FeedbackContextFields';
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_LIMITS,
  type FeedbackCategory,
  type FeedbackContext,
  type FeedbackImageData,
} from '@/lib/feedback/types';
import type { PopupStrings } from '@/lib/i18n/popup';
import '@/components/feedback-form.css';

/** What the agent has written so far; the content script keeps one per conversation. */
export interface FeedbackDraft {
  category: FeedbackCategory;
  description: string;
  images: FeedbackImageData[];
  /** Taken when the form opened, already masked. */
  context: FeedbackContext;
}

export interface FeedbackFormProps {
  draft: FeedbackDraft;
  t: PopupStrings;
  submitting: boolean;
  /** Images being scaled. */
  processing: number;
  /** A refused image or a failed send; the rest of the form stays as it was. */
  error?: string;
  onChange(patch: Partial<Pick<FeedbackDraft, 'category' | 'description'>>): void;
  onAddFiles(files: File[]): void;
  onRemoveImage(index: number): void;
  onSubmit(): void;
  onCancel(): void;
}

/** 我要反馈: a pure view. Files pasted, dropped or picked are handed back; the content script scales them. */
export function FeedbackForm(props: FeedbackFormProps) {
  const { draft, t } = props;
  const f = t.feedback;
  const file = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [tried, setTried] = useState(false);
  const empty = !draft.description.trim();
  const full = draft.images.length + props.processing >= FEEDBACK_LIMITS.images;

  function files(list: FileList | null | undefined): File[] {
    return list ? Array.from(list) : [];
  }

  return (
    <form
      class={`hs-feedback${dragging ? ' hs-feedback--drop' : ''}`}
      aria-label={f.title}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!empty && !props.submitting && props.processing === 0) props.onSubmit();
      }}
      onPaste={(event) => {
        const pasted = Array.from(event.clipboardData?.items ?? [])
          .filter((item) => item.kind === 'file')
          .map((item) => item.getAsFile())
          .filter((item): item is File => item !== null);
        if (pasted.length === 0) return;
        event.preventDefault();
        props.onAddFiles(pasted);
      }}
      onDragOver={(event) => {
        if (!event.dataTransfer?.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        props.onAddFiles(files(event.dataTransfer?.files));
      }}
    >
      <fieldset class="hs-fb-categories">
        <legend class="hs-fb-label">{f.category}</legend>
        {FEEDBACK_CATEGORIES.map((category) => (
          <label key={category} class={`hs-chip${draft.category === category ? ' hs-chip--on' : ''}`}>
            <input
              type="radio"
              name="hs-fb-category"
              value={category}
              checked={draft.category === category}
              onChange={() => props.onChange({ category })}
            />
            {f.categories[category]}
          </label>
        ))}
      </fieldset>

      <label class="hs-fb-label" for="hs-fb-description">
        {f.description}
        <span class="hs-fb-required" aria-hidden="true">
          *
        </span>
      </label>
      <textarea
        id="hs-fb-description"
        class={`hs-fb-text${tried && empty ? ' hs-fb-text--invalid' : ''}`}
        rows={3}
        maxLength={FEEDBACK_LIMITS.descriptionChars}
        placeholder={f.descriptionPlaceholder}
        required
        aria-invalid={tried && empty}
        value={draft.description}
        onInput={(event) => props.onChange({ description: event.currentTarget.value })}
      />
      <div class="hs-fb-row">
        {tried && empty ? <span class="hs-fb-error">{f.required}</span> : <span />}
        <span class="hs-fb-count">{f.chars(draft.description.length, FEEDBACK_LIMITS.descriptionChars)}</span>
      </div>

      <span class="hs-fb-label">{f.images}</span>
      <div class="hs-fb-images">
        {draft.images.map((image, index) => (
          <figure class="hs-fb-thumb" key={image.dataUrl.slice(-40)}>
            <img src={image.dataUrl} alt={`${f.images} ${index + 1}`} />
            <button
              type="button"
              class="hs-fb-remove"
              aria-label={f.removeImage}
              title={f.removeImage}
              onClick={() => props.onRemoveImage(index)}
            >
              ×
            </button>
          </figure>
        ))}
        {Array.from({ length: props.processing }, (_, index) => (
          <div class="hs-fb-thumb hs-fb-thumb--busy" key={`busy-${index}`} role="status">
            {f.processing}
          </div>
        ))}
        {!full && (
          <button type="button" class="hs-fb-add" onClick={() => file.current?.click()}>
            <span aria-hidden="true">＋</span>
            {f.addImage}
          </button>
        )}
        <input
          ref={file}
          type="file"
          accept="image/*"
          multiple
          hidden
          onChange={(event) => {
            props.onAddFiles(files(event.currentTarget.files));
            event.currentTarget.value = '';
          }}
        />
      </div>
      <p class="hs-fb-hint">{f.imagesHint}</p>

      <ContextView context={draft.context} t={t} />

      {props.error && (
        <p class="hs-fb-error hs-fb-alert" role="alert">
          {props.error}
        </p>
      )}
      <div class="hs-fb-footer">
        <button type="button" class="hs-button" onClick={props.onCancel}>
          {f.cancel}
        </button>
        <button type="submit" class="hs-button hs-button--primary" disabled={props.submitting || props.processing > 0}>
          {props.submitting ? f.submitting : f.submit}
        </button>
      </div>
    </form>
  );
}

/** The context that goes with the feedback, shown before sending. Buyer text is rendered as text. */
function ContextView({ context, t }: { context: FeedbackContext; t: PopupStrings }) {
  const f = t.feedback;
  return (
    <section class="hs-fb-context" aria-label={f.context}>
      <header class="hs-fb-context-head">
        <span>{f.context}</span>
        <span class="hs-fb-masked">{f.masked}</span>
      </header>
      <FeedbackContextFields context={context} intentLabel={context.intentLabel} t={t} />
    </section>
  );
}
