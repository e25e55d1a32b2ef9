import type { Strings } from '@/lib/i18n';

/** Shown where the popup would be once the extension was updated or reloaded under an open chat tab. */
export function ReloadNotice({ t }: { t: Strings }) {
  return (
    <p class="hs-reload" role="alert">
      {t.extensionReloaded}
    </p>
  );
}
