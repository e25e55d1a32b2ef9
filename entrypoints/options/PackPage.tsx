import { useState } from 'preact/hooks';
import type { Shop } from '@/entrypoints/options/shop';
import { errorText } from '@/lib/i18n/errors';
import type { OptionsStrings } from '@/lib/i18n/options';
import { shopServerStrings } from '@/lib/i18n/shop-server';
import { changePlace } from '@/lib/shop-server/history';
import type { ServerStatus } from '@/lib/shop-server/status';
import { type PackChange, parsePackText } from '@/lib/store/pack';
import type { ReplyPack, ShopSnapshot } from '@/lib/store/types';

interface Props {
  shop: Shop;
  snapshot: ShopSnapshot;
  t: OptionsStrings;
  /** The shop-server connection, when there is one: an admin's import is published, an agent's refused. */
  server: Exclude<ServerStatus, { state: 'none' }> | null;
}

interface Pending {
  file: string;
  pack: ReplyPack;
  changes: PackChange[];
}

/** Export the shop's replies as one JSON file; import one after seeing what it adds, changes and removes. */
export function PackPage({ shop, snapshot, t, server }: Props) {
  const lang = snapshot.settings.language;
  const a = t.admin;
  const s = shopServerStrings(lang);
  /** Connected and not refused: the library is the shop's. */
  const shopLibrary = server && server.state !== 'refused' ? server : null;
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  async function exportPack() {
    const pack = await shop.run('exportPack', {}, a.exported);
    if (!pack) return;
    const blob = new Blob([`${JSON.stringify(pack, null, 2)}\n`], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `huashu-replies-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    setPending(null);
    setError(null);
    if (!file) return;
    let pack: ReplyPack;
    try {
      pack = parsePackText(await file.text());
    } catch (problem) {
      setError(a.importFailed(errorText(problem, lang)));
      return;
    }
    const changes = await shop.run('previewPack', { pack });
    if (changes) setPending({ file: file.name, pack, changes });
  }

  async function apply() {
    if (!pending) return;
    if (shopLibrary && !window.confirm(s.importPublishConfirm(shopLibrary.shopName))) return;
    setBusy(true);
    const done = await shop.run('importPack', { pack: pending.pack }, a.imported);
    setBusy(false);
    if (done) setPending(null);
  }

  const count = (kind: PackChange['change']) => pending?.changes.filter((change) => change.change === kind).length ?? 0;

  return (
    <div class="pack">
      <section class="panel panel--wide" aria-labelledby="export-title">
        <h2 id="export-title">{a.exportTitle}</h2>
        <p class="muted">{a.exportIntro}</p>
        {shopLibrary && <p class="muted small">{s.exportFromServer}</p>}
        <button type="button" class="btn btn-primary" onClick={() => void exportPack()}>
          {a.exportButton}
        </button>
      </section>

      <section class="panel panel--wide" aria-labelledby="import-title">
        <h2 id="import-title">{a.importTitle}</h2>
        <p class="muted">{a.importIntro}</p>
        {shopLibrary && (
          <p class="banner banner--info" role="note">
            {shopLibrary.role === 'agent' ? s.importAgentReadOnly : s.importPublishNote(shopLibrary.shopName)}
          </p>
        )}
        {shopLibrary?.role === 'agent' ? null : (
          <label class="btn file-btn">
            {a.chooseFile}
            <input
              type="file"
              accept=".json,application/json"
              class="sr-only"
              onChange={(event) => void choose(event.target as HTMLInputElement)}
            />
          </label>
        )}
        {error && (
          <p class="banner banner--warn import-error" role="alert">
            {error}
          </p>
        )}
        {pending && (
          <div class="diff" aria-live="polite">
            <p class="diff-summary">
              <strong>{pending.file}</strong>：
              {pending.changes.length === 0
                ? a.importNoChanges
                : a.importSummary(count('add'), count('change'), count('remove'))}
            </p>
            {pending.changes.length > 0 && (
              <ul class="diff-list">
                {pending.changes.map((change) => (
                  <li
                    key={`${change.area}/${change.id}/${change.situation ?? ''}`}
                    class={`diff-item diff-item--${change.change}`}
                  >
                    <span class={`diff-kind diff-kind--${change.change}`}>
                      {change.change === 'add'
                        ? a.changeAdd
                        : change.change === 'change'
                          ? a.changeChange
                          : a.changeRemove}
                    </span>
                    <span class="diff-where">{changePlace(change, t, lang)}</span>
                    <span class="diff-text">
                      {change.before !== undefined && change.change === 'change' && (
                        <del>{show(change.area, change.before, t)}</del>
                      )}
                      {(change.after ?? change.before) !== undefined && (
                        <span>{show(change.area, (change.after ?? change.before) as string, t)}</span>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <div class="editor-actions">
              <button type="button" class="btn" onClick={() => setPending(null)}>
                {a.cancel}
              </button>
              <button
                type="button"
                class="btn btn-primary"
                disabled={busy || pending.changes.length === 0}
                onClick={() => void apply()}
              >
                {shopLibrary ? s.importPublish(shopLibrary.shopName) : a.importConfirm}
              </button>
            </div>
          </div>
        )}
      </section>
    </div>
  );
}

function show(area: PackChange['area'], value: string, t: OptionsStrings): string {
  if (area === 'intent') return value === 'enabled' ? t.admin.intentOn : t.admin.intentOff;
  return value;
}
