import { useEffect, useMemo, useState } from 'preact/hooks';
import { PairBars, RateChart } from '@/entrypoints/options/charts';
import { ShopStatsView } from '@/entrypoints/options/ShopStats';
import { Switch } from '@/entrypoints/options/Switch';
import type { Shop } from '@/entrypoints/options/shop';
import { BusiestHours, Kpis, percent, ReplyRateTable } from '@/entrypoints/options/stats-views';
import type { OptionsStrings } from '@/lib/i18n/options';
import { INTENT_LABELS } from '@/lib/intents/labels';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';
import type { ServerStatus } from '@/lib/shop-server/status';
import { byDay, byHour, byIntent, lastDays, replyRate, sumCounts, toCsv } from '@/lib/stats/aggregate';
import type { StatsReport, StatsSummaryState } from '@/lib/stats/types';
import '@/entrypoints/options/stats.css';

const RANGES = [7, 14, 30] as const;

interface Props {
  shop: Shop;
  t: OptionsStrings;
  language: Language;
}

/**
 * The reply statistics: connected to a shop server as its admin, the whole shop's first; then this browser's own
 * (trend, per-intent use, busiest hours; CSV and reset), as without a server.
 */
export function StatsPage({ shop, t, language }: Props) {
  const w = t.workflow;
  const [report, setReport] = useState<StatsReport | null>(null);
  const [days, setDays] = useState<number>(14);
  const [server, setServer] = useState<ServerStatus>({ state: 'none' });

  useEffect(() => {
    callBackground('serverStatus', {}).then(setServer, () => {});
  }, []);
  const connected = server.state !== 'none' && server.state !== 'refused';

  async function load() {
    const result = await shop.run('statsReport', {});
    if (result) setReport(result);
  }

  useEffect(() => {
    void load();
  }, []);

  useEffect(() => {
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  });

  const range = useMemo(() => lastDays(Date.now(), days), [days]);
  const rows = useMemo(() => (report?.rows ?? []).filter((row) => range.includes(row.day)), [report, range]);
  const perDay = useMemo(() => byDay(rows, range), [rows, range]);
  const perIntent = useMemo(() => byIntent(rows), [rows]);
  const hours = useMemo(() => byHour(rows), [rows]);
  const total = sumCounts(rows);
  const used = total.copied + total.sent + total.actions;

  function exportCsv() {
    if (!report) return;
    const blob = new Blob([`\ufeff${toCsv(report.rows)}`], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `huashu-stats-${range.at(-1)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  async function reset() {
    if (!window.confirm(w.resetConfirm)) return;
    if (await shop.run('resetStats', {}, w.resetDone)) await load();
  }

  const short = (day: string) => day.slice(5);
  const intentName = (intent: keyof typeof INTENT_LABELS) => INTENT_LABELS[intent][language];

  return (
    <div class="stats">
      {connected && server.role === 'admin' && (
        <ShopStatsView t={t} language={language} shopName={server.shopName} days={days} />
      )}
      <section class="panel panel--wide stats-head" aria-labelledby="stats-title">
        <div class="panel-head">
          <div>
            <h2 id="stats-title">{connected ? w.localTitle : w.statsTab}</h2>
            <p class="hint">
              {!connected ? w.statsIntro : server.role === 'agent' ? w.shopStatsAgentIntro : w.localPushedIntro}
            </p>
          </div>
          <div class="stats-actions">
            <select
              class="input"
              aria-label={w.range(days)}
              value={days}
              onChange={(event) => setDays(Number((event.target as HTMLSelectElement).value))}
            >
              {RANGES.map((value) => (
                <option key={value} value={value}>
                  {w.range(value)}
                </option>
              ))}
            </select>
            <button type="button" class="btn" onClick={exportCsv} disabled={!report}>
              {w.exportCsv}
            </button>
            <button type="button" class="btn btn-danger" onClick={() => void reset()} disabled={!report}>
              {w.reset}
            </button>
          </div>
        </div>
        <Kpis
          w={w}
          messages={total.buyerMessages}
          rate={percent(replyRate(total))}
          average={total.answered ? w.seconds(total.replySeconds / total.answered) : '—'}
          shown={total.shown}
          used={used}
        />
      </section>

      <section class="panel panel--wide" aria-labelledby="stats-rate">
        <h3 id="stats-rate">{w.rateTitle}</h3>
        <p class="hint">{w.rateNote}</p>
        <div class="chart-pair">
          <RateChart
            label={w.rateTitle}
            points={perDay.map((day) => ({ label: short(day.day), rate: day.rate, messages: day.buyerMessages }))}
          />
          <ReplyRateTable
            w={w}
            table="days"
            firstColumn={w.colDay}
            rows={[...perDay].reverse().map((day) => ({
              ...day,
              key: day.day,
              label: short(day.day),
              attributes: { class: day.buyerMessages ? '' : 'is-empty' },
            }))}
          />
        </div>
      </section>

      <section class="panel panel--wide" aria-labelledby="stats-intents">
        <h3 id="stats-intents">{w.intentTitle}</h3>
        <div class="chart-pair chart-pair--even">
          {perIntent.length === 0 ? (
            <p class="empty">{w.noData}</p>
          ) : (
            <PairBars
              label={w.intentTitle}
              legend={[w.legendShown, w.legendUsed]}
              rows={perIntent.map((item) => ({ label: intentName(item.intent), a: item.shown, b: item.used }))}
            />
          )}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls must take the focus, or a keyboard cannot scroll it */}
          <div class="table-wrap" tabIndex={0}>
            <table class="stats-table" data-table="intents">
              <thead>
                <tr>
                  <th>{w.colIntent}</th>
                  <th>{w.colShown}</th>
                  <th>{w.colCopied}</th>
                  <th>{w.colSent}</th>
                  <th>{w.colActions}</th>
                  <th>{w.colDismissed}</th>
                  <th>{w.colFeedback}</th>
                  <th>{w.colUseRate}</th>
                </tr>
              </thead>
              <tbody>
                {perIntent.map((item) => (
                  <tr key={item.intent} data-intent={item.intent}>
                    <td>{intentName(item.intent)}</td>
                    <td data-col="shown">{item.shown}</td>
                    <td data-col="copied">{item.copied}</td>
                    <td data-col="sent">{item.sent}</td>
                    <td data-col="actions">{item.actions}</td>
                    <td data-col="dismissed">{item.dismissed}</td>
                    <td data-col="feedback">{item.feedback}</td>
                    <td>{item.shown ? percent(Math.min(1, item.used / item.shown)) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>

      <section class="panel panel--wide" aria-labelledby="stats-hours">
        <h3 id="stats-hours">{w.hoursTitle}</h3>
        <BusiestHours hours={hours} w={w} />
      </section>
      <DailySummarySection shop={shop} t={t} />
      {report && <p class="stats-agent">{w.agentId(report.agent.slice(0, 8))}</p>}
    </div>
  );
}

/** The opt-in daily summary to the feedback webhook; without a webhook it cannot be turned on. */
function DailySummarySection({ shop, t }: { shop: Shop; t: OptionsStrings }) {
  const w = t.workflow;
  const [state, setState] = useState<StatsSummaryState | null>(null);
  useEffect(() => {
    void shop.run('statsSummary', {}).then((result) => result && setState(result));
  }, []);
  if (!state) return null;
  return (
    <section class="panel panel--wide" aria-labelledby="stats-summary">
      <h3 id="stats-summary">{w.summaryTitle}</h3>
      <div class="setting">
        <span class="setting-label">
          {w.summaryOn}
          <span class="setting-hint">{state.webhookUrl ? w.summaryTo(state.webhookUrl) : w.summaryNoWebhook}</span>
        </span>
        <Switch
          checked={state.enabled && Boolean(state.webhookUrl)}
          disabled={!state.webhookUrl}
          label={w.summaryOn}
          onChange={(enabled) =>
            void shop.run('saveStatsSummary', { enabled }, t.admin.saved).then((result) => result && setState(result))
          }
        />
      </div>
      <p class="hint">
        {w.summaryContent}
        {state.lastSentDay && ` ${w.summaryLast(state.lastSentDay)}`}
      </p>
    </section>
  );
}
