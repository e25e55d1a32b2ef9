import { useEffect, useState } from 'preact/hooks';
import { strings } from '@/lib/i18n';
import { INTENT_IDS } from '@/lib/intents/ids';
import { INTENT_LABELS } from '@/lib/intents/labels';
import { callBackground } from '@/lib/protocol';
import { DEFAULT_SETTINGS } from '@/lib/settings';

/** The shop admin's page. This first version lists what Huashu recognises and checks the background answers. */
export function App() {
  const t = strings(DEFAULT_SETTINGS.language);
  const [backgroundOk, setBackgroundOk] = useState<boolean | null>(null);

  useEffect(() => {
    callBackground('ping', {}).then(
      () => setBackgroundOk(true),
      () => setBackgroundOk(false),
    );
  }, []);

  return (
    <main class="options">
      <h1>
        {t.appName} · {t.settingsTitle}
      </h1>
      <p class="status" role="status">
        {backgroundOk === null ? t.connecting : backgroundOk ? t.backgroundOk : t.backgroundDown}
      </p>
      <h2>{t.supportedIntents}</h2>
      <ul class="intents">
        {INTENT_IDS.map((id) => (
          <li key={id}>
            <strong>{INTENT_LABELS[id][DEFAULT_SETTINGS.language]}</strong> <code>{id}</code>
          </li>
        ))}
      </ul>
    </main>
  );
}
