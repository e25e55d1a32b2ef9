import type { PagesStrings } from '@/lib/i18n/pages';

/** One part of the page as the mapper shows it. */
export interface MapperRow {
  part: keyof PagesStrings['mapper']['steps'];
  optional: boolean;
  /** null: not picked yet. */
  selector: string | null;
  count: number;
  ok: boolean;
  /** The buyer/agent rule, for the two message rows. */
  rule?: string;
}

export interface MapperPanelProps {
  t: PagesStrings['mapper'];
  rows: MapperRow[];
  /** The part waiting for a click, if any. */
  picking: MapperRow['part'] | null;
  /** Buyer, agent and unrecognised messages on the page now; null before messages are mapped. */
  sides: { buyer: number; agent: number; unknown: number } | null;
  senderProblem: boolean;
  /** The last check's outcome, in words (dry run, test insert, save). */
  status: { tone: 'ok' | 'error'; text: string } | null;
  canSave: boolean;
  busy: boolean;
  /** Which side of the window the panel sits on; the admin moves it off what it covers. */
  side: 'left' | 'right';
  onMove(): void;
  onPick(part: MapperRow['part']): void;
  onStep(part: MapperRow['part'], direction: 'wider' | 'narrower'): void;
  onDryRun(): void;
  onTestInsert(): void;
  onSave(): void;
  onCancel(): void;
}

/** The page mapper's panel: a pure view, every action a callback. */
export function MapperPanel(props: MapperPanelProps) {
  const { t, rows, picking, sides, status } = props;
  return (
    <section class={`hs-mapper hs-mapper--${props.side}`} aria-label={t.title}>
      <header class="hs-mapper-head">
        <h2 class="hs-mapper-title">{t.title}</h2>
        <button type="button" class="hs-mapper-close" aria-label={t.move} title={t.move} onClick={props.onMove}>
          ⇆
        </button>
        <button type="button" class="hs-mapper-close" aria-label={t.close} onClick={props.onCancel}>
          ×
        </button>
      </header>
      <p class="hs-mapper-hint" role="status">
        {picking ? t.picking(t.steps[picking]) : t.intro}
      </p>
      <ol class="hs-mapper-steps">
        {rows.map((row) => (
          <li key={row.part} class="hs-mapper-step" data-part={row.part}>
            <div class="hs-mapper-step-head">
              <span
                class={`hs-mapper-mark ${row.selector === null ? '' : row.ok ? 'hs-mapper-mark--ok' : 'hs-mapper-mark--bad'}`}
                aria-hidden="true"
              >
                {row.selector === null ? '○' : row.ok ? '✓' : '✗'}
              </span>
              {row.selector !== null && <span class="hs-mapper-sr">{row.ok ? t.found : t.missing}</span>}
              <span class="hs-mapper-step-name">{t.steps[row.part]}</span>
              <button
                type="button"
                class="hs-mapper-btn"
                aria-pressed={picking === row.part}
                onClick={() => props.onPick(row.part)}
              >
                {row.selector === null ? t.pick : t.repick}
              </button>
            </div>
            {row.selector !== null && (
              <div class="hs-mapper-step-body">
                <code class="hs-mapper-selector">{row.selector}</code>
                {row.rule && <code class="hs-mapper-selector">{row.rule}</code>}
                <span class="hs-mapper-count">{t.matches(row.count)}</span>
                <button type="button" class="hs-mapper-btn" onClick={() => props.onStep(row.part, 'wider')}>
                  {t.widen}
                </button>
                <button type="button" class="hs-mapper-btn" onClick={() => props.onStep(row.part, 'narrower')}>
                  {t.narrow}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {props.senderProblem && (
        <p class="hs-mapper-problem" role="alert">
          {t.senderUnknown}
        </p>
      )}
      {sides && (
        <p class="hs-mapper-sides">
          {t.messagesTitle}：{t.buyer} {sides.buyer} · {t.agent} {sides.agent} · {t.unknownSender} {sides.unknown}
        </p>
      )}
      <div class="hs-mapper-actions">
        <button type="button" class="hs-mapper-btn" disabled={!props.canSave || props.busy} onClick={props.onDryRun}>
          {t.dryRun}
        </button>
        <button
          type="button"
          class="hs-mapper-btn"
          disabled={!props.canSave || props.busy}
          onClick={props.onTestInsert}
        >
          {t.testInsert}
        </button>
      </div>
      {status && (
        <p
          class={`hs-mapper-status hs-mapper-status--${status.tone}`}
          role={status.tone === 'error' ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
      <footer class="hs-mapper-foot">
        <button type="button" class="hs-mapper-btn" onClick={props.onCancel}>
          {t.cancel}
        </button>
        <button
          type="button"
          class="hs-mapper-btn hs-mapper-btn--primary"
          disabled={!props.canSave || props.busy}
          onClick={props.onSave}
        >
          {t.save}
        </button>
      </footer>
    </section>
  );
}
