import { useLayoutEffect, useRef } from 'preact/hooks';
import { ReplyPreview } from '@/components/ReplyPreview';
import type { PreviewSegment } from '@/lib/store/preview';

interface ReplyEditorStrings {
  editorLabel: string;
  editorHint: string;
  insertVariable: string;
  preview: string;
  previewMissing: string;
  save: string;
  saving: string;
  cancel: string;
  chars: (count: number, max: number) => string;
  officialText: string;
}

export interface ReplyEditorProps {
  value: string;
  /** Why the text can't be saved, shown as the admin types; null when it can. */
  problem: string | null;
  preview: PreviewSegment[];
  variables: readonly { name: string; description: string }[];
  maxChars: number;
  busy: boolean;
  /** The catalogue's text, shown for reference when editing an official reply. */
  officialText?: string;
  t: ReplyEditorStrings;
  label?: string;
  /** Take the focus when shown (default). Off where another field comes first, like a rule's keywords. */
  autoFocus?: boolean;
  onInput(value: string): void;
  onSave(): void;
  onCancel(): void;
}

/** Edits one reply: text, variables to insert, a live preview from a sample order, the reason it can't be saved. */
export function ReplyEditor(props: ReplyEditorProps) {
  const { t, value, problem } = props;
  const area = useRef<HTMLTextAreaElement>(null);
  const count = [...value].length;
  // An empty field is not an error yet: saving stays off, but nothing shouts at the admin.
  const shown = value.trim() === '' ? null : problem;

  const { autoFocus = true } = props;
  // Focused as the editor mounts, not a frame later, so no keystroke lands in the field typed before it.
  useLayoutEffect(() => {
    if (autoFocus) area.current?.focus();
  }, [autoFocus]);

  function insert(name: string) {
    const field = area.current;
    const token = `{${name}}`;
    if (!field) return props.onInput(value + token);
    const start = field.selectionStart ?? value.length;
    const end = field.selectionEnd ?? value.length;
    props.onInput(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      field.focus();
      field.setSelectionRange(start + token.length, start + token.length);
    });
  }

  return (
    <div class="editor">
      <label class="editor-label">
        <span class="sr-only">{props.label ?? t.editorLabel}</span>
        <textarea
          ref={area}
          class={`editor-text${shown ? ' editor-text--invalid' : ''}`}
          value={value}
          rows={3}
          aria-invalid={shown !== null}
          aria-describedby="editor-problem"
          onInput={(event) => props.onInput((event.target as HTMLTextAreaElement).value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              props.onCancel();
            } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              if (!problem && !props.busy) props.onSave();
            }
          }}
        />
      </label>
      <div class="editor-row">
        <span class="editor-vars-label">{t.insertVariable}</span>
        <span class="editor-vars">
          {props.variables.map((variable) => (
            <button
              key={variable.name}
              type="button"
              class="chip"
              title={variable.description}
              onClick={() => insert(variable.name)}
            >
              {variable.name}
            </button>
          ))}
        </span>
        <span class={`editor-count${count > props.maxChars ? ' editor-count--over' : ''}`}>
          {t.chars(count, props.maxChars)}
        </span>
      </div>
      <div class="editor-preview">
        <span class="editor-preview-label">{t.preview}</span>
        <p>
          <ReplyPreview segments={props.preview} missingHint={t.previewMissing} />
        </p>
      </div>
      {props.officialText !== undefined && props.officialText !== value && (
        <p class="editor-official">
          <span>{t.officialText}：</span>
          {props.officialText}
        </p>
      )}
      <p id="editor-problem" class="editor-problem" role="alert">
        {shown ?? ''}
      </p>
      <div class="editor-actions">
        <span class="editor-hint">{t.editorHint}</span>
        <button type="button" class="btn" onClick={props.onCancel}>
          {t.cancel}
        </button>
        <button type="button" class="btn btn-primary" disabled={problem !== null || props.busy} onClick={props.onSave}>
          {props.busy ? t.saving : t.save}
        </button>
      </div>
    </div>
  );
}
