import { useState } from 'preact/hooks';
import type { Shop } from '@/entrypoints/options/shop';
import { WorkflowSettings } from '@/entrypoints/options/WorkflowSettings';
import type { OptionsStrings } from '@/lib/i18n/options';
import { COMPENSATION_LIMITS, isPredictionCardMode, PREDICTION_CARD_MODES, type Settings } from '@/lib/settings';
import { managedSettingKeys } from '@/lib/store/overlay';
import type { ShopSnapshot } from '@/lib/store/types';

interface Props {
  shop: Shop;
  settings: Settings;
  snapshot: ShopSnapshot;
  t: OptionsStrings;
}

export function SettingsPage({ shop, settings, snapshot, t }: Props) {
  const a = t.admin;
  const managed = managedSettingKeys(snapshot);
  const [yuan, setYuan] = useState(String(settings.lateShipCompensationYuan));

  return (
    <section class="panel panel--wide" aria-labelledby="settings-title">
      <h2 id="settings-title">{a.tabSettings}</h2>
      <div class="setting">
        <label class="setting-label" for="late-ship">
          {a.settingLateShip}
        </label>
        <input
          id="late-ship"
          class="input input--short"
          type="number"
          min={COMPENSATION_LIMITS.min}
          max={COMPENSATION_LIMITS.max}
          step={1}
          value={yuan}
          disabled={managed.includes('lateShipCompensationYuan')}
          onInput={(event) => setYuan((event.target as HTMLInputElement).value)}
          onChange={() => void shop.run('saveSettings', { lateShipCompensationYuan: Number(yuan) }, a.saved)}
        />
        {managed.includes('lateShipCompensationYuan') && <span class="badge badge--managed">{a.badgeManaged}</span>}
      </div>
      <div class="setting">
        <label class="setting-label" for="prediction-card">
          {a.settingPredictionCard}
          <span class="setting-hint">{a.settingPredictionCardHint}</span>
        </label>
        <select
          id="prediction-card"
          class="input input--choice"
          value={settings.orderPredictionCard}
          disabled={managed.includes('orderPredictionCard')}
          onChange={(event) => {
            const orderPredictionCard = (event.target as HTMLSelectElement).value;
            if (isPredictionCardMode(orderPredictionCard))
              void shop.run('saveSettings', { orderPredictionCard }, a.saved);
          }}
        >
          {PREDICTION_CARD_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {a.predictionCardModes[mode]}
            </option>
          ))}
        </select>
        {managed.includes('orderPredictionCard') && <span class="badge badge--managed">{a.badgeManaged}</span>}
      </div>
      <WorkflowSettings shop={shop} settings={settings} t={t} />
    </section>
  );
}
