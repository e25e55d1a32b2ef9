import { useEffect, useState } from 'preact/hooks';
import { Switch } from '@/entrypoints/options/Switch';
import type { OptionsStrings } from '@/lib/i18n/options';
import { type Settings, SLOW_REPLY_LIMITS } from '@/lib/settings';
import { JUMP_COMMAND } from '@/lib/waiting/jump';
import '@/entrypoints/options/stats.css';
import type { Shop } from '@/entrypoints/options/shop';

interface Props {
  shop: Shop;
  settings: Settings;
  t: OptionsStrings;
}

/** The slow-reply alert's settings and the list of keyboard shortcuts, on the settings tab. */
export function WorkflowSettings({ shop, settings, t }: Props) {
  const w = t.workflow;
  const [seconds, setSeconds] = useState(String(settings.slowReplyThresholdSeconds));
  // The jump's key is the browser's to bind: show what it is bound to now ('' when the agent removed it).
  const [jumpKey, setJumpKey] = useState<string | null>(null);
  useEffect(() => {
    browser.commands
      ?.getAll()
      .then((commands) => setJumpKey(commands.find((command) => command.name === JUMP_COMMAND)?.shortcut ?? ''))
      .catch(() => {});
  }, []);
  const keys = w.keys.map(([combo, what]): [string, string] =>
    combo === 'Alt+J' && jumpKey !== null ? [jumpKey || '—', what] : [combo, what],
  );
  return (
    <>
      <div class="setting">
        <label class="setting-label" for="slow-reply">
          {w.settingThreshold}
          <span class="setting-hint">{w.settingThresholdHint}</span>
        </label>
        <input
          id="slow-reply"
          class="input input--short"
          type="number"
          min={SLOW_REPLY_LIMITS.min}
          max={SLOW_REPLY_LIMITS.max}
          step={1}
          value={seconds}
          onInput={(event) => setSeconds((event.target as HTMLInputElement).value)}
          onChange={() => void shop.run('saveSettings', { slowReplyThresholdSeconds: Number(seconds) }, t.admin.saved)}
        />
      </div>
      <div class="setting">
        <span class="setting-label">{w.settingSound}</span>
        <Switch
          checked={settings.slowReplySound}
          label={w.settingSound}
          onChange={(slowReplySound) => void shop.run('saveSettings', { slowReplySound }, t.admin.saved)}
        />
      </div>
      <h3 class="keys-title">{w.keysTitle}</h3>
      <table class="keys" aria-label={w.keysTitle}>
        <tbody>
          {keys.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                {keys.split(' / ').map((combo, index) => (
                  <span key={combo}>
                    {index > 0 && ' / '}
                    <kbd>{combo}</kbd>
                  </span>
                ))}
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="setting-hint">{w.keysNote}</p>
    </>
  );
}
