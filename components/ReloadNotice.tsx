import type { PopupStrings } from '@/lib/i18n/popup';

/** Shown where the popup would be once the extension was updated or reloaded under an open chat tab. */
export function ReloadNotice({ t }: { t: PopupStrings }) {
  return (
    <p class="hs-reload" role="alert">
      {t.extensionReloaded}
    </p>
  );
}
