import { useCallback, useEffect, useState } from 'preact/hooks';
import { HourBars, PairBars } from '@/entrypoints/options/charts';
import { errorText } from '@/lib/i18n/errors';
import type { OptionsStrings } from '@/lib/i18n/options';
import { INTENT_LABELS } from '@/lib/intents/labels';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';
import type { ReplyFigures, ShopStats } from '@/lib/stats/shop';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/**
 * The whole shop's statistics from the shop server, for its admin: the 3-minute reply rate overall and per
 * agent, suggestions shown and used per intent, and the busiest hours, over the same days as the page's range.
 */
export function ShopStatsView({
  t,
  language,
  shopName,
  days,
}: {
  t: OptionsStrings;
  language: Language;
  shopName: string;
  days: number;
}) {
  const w = t.workflow;
  const [stats, setStats] = useState<ShopStats | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    callBackground('shopStats', { days }).then(
      (answer) => {
        setStats(answer);
        setProblem(null);
      },
      (error: unknown) => setProblem(errorText(error, language)),
    );
  }, [days, language]);

  useEffect(() => {
    load();
    window.addEventListener('focus', load);
    return () => window.removeEventListener('focus', load);
  }, [load]);

  const intentName = (intent: keyof typeof INTENT_LABELS) => INTENT_LABELS[intent][language];
  const average = (figures: ReplyFigures) =>
    figures.averageReplySeconds === null ? '—' : w.seconds(figures.averageReplySeconds);
  const shown = stats?.intents.reduce((sum, item) => sum + item.shown, 0) ?? 0;
  const used = stats?.intents.reduce((sum, item) => sum + item.used, 0) ?? 0;

  return (
    <section class="panel panel--wide stats-shop" aria-labelledby="stats-shop-title" data-shop-stats>
      <h2 id="stats-shop-title">{w.shopStatsTitle(shopName)}</h2>
      <p class="hint">{w.shopStatsIntro}</p>
      {problem ? (
        <p class="empty" role="alert">
          {w.shopUnavailable}
          {problem}
        </p>
      ) : !stats ? (
        <p class="loading">{t.connecting}</p>
      ) : (
        <>
          <dl class="kpis">
            <div class="kpi" data-kpi="messages">
              <dt>{w.kpiMessages}</dt>
              <dd>{stats.overall.buyerMessages}</dd>
            </div>
            <div class="kpi" data-kpi="rate">
              <dt>{w.kpiRate}</dt>
              <dd>{percent(stats.overall.replyRate3m)}</dd>
            </div>
            <div class="kpi" data-kpi="average">
              <dt>{w.kpiAverage}</dt>
              <dd>{average(stats.overall)}</dd>
            </div>
            <div class="kpi" data-kpi="shown">
              <dt>{w.kpiShown}</dt>
              <dd>{shown}</dd>
            </div>
            <div class="kpi" data-kpi="used">
              <dt>{w.kpiUsed}</dt>
              <dd>{used}</dd>
            </div>
          </dl>

          <h3 id="stats-shop-agents">{w.agentsTitle}</h3>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls must take the focus, or a keyboard cannot scroll it */}
          <div class="table-wrap" tabIndex={0}>
            <table class="stats-table" data-table="agents" aria-labelledby="stats-shop-agents">
              <thead>
                <tr>
                  <th>{w.colAgent}</th>
                  <th>{w.colMessages}</th>
                  <th>{w.colIn3m}</th>
                  <th>{w.colRate}</th>
                  <th>{w.colAverage}</th>
                </tr>
              </thead>
              <tbody>
                {stats.agents.map((agent) => (
                  <tr key={agent.id} data-agent={agent.name}>
                    <td>{agent.name}</td>
                    <td>{agent.buyerMessages}</td>
                    <td>{agent.answeredIn3m}</td>
                    <td>{percent(agent.replyRate3m)}</td>
                    <td>{average(agent)}</td>
                  </tr>
                ))}
                <tr class="stats-total" data-agent="">
                  <td>{w.overall}</td>
                  <td>{stats.overall.buyerMessages}</td>
                  <td>{stats.overall.answeredIn3m}</td>
                  <td>{percent(stats.overall.replyRate3m)}</td>
                  <td>{average(stats.overall)}</td>
                </tr>
              </tbody>
            </table>
          </div>

          <h3 id="stats-shop-intents">{w.intentTitle}</h3>
          <div class="chart-pair chart-pair--even">
            {stats.intents.length === 0 ? (
              <p class="empty">{w.noData}</p>
            ) : (
              <PairBars
                label={w.intentTitle}
                legend={[w.legendShown, w.legendUsed]}
                rows={stats.intents.map((item) => ({ label: intentName(item.intent), a: item.shown, b: item.used }))}
              />
            )}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls must take the focus, or a keyboard cannot scroll it */}
            <div class="table-wrap" tabIndex={0}>
              <table class="stats-table" data-table="shop-intents" aria-labelledby="stats-shop-intents">
                <thead>
                  <tr>
                    <th>{w.colIntent}</th>
                    <th>{w.colShown}</th>
                    <th>{w.legendUsed}</th>
                    <th>{w.colUseRate}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.intents.map((item) => (
                    <tr key={item.intent} data-intent={item.intent}>
                      <td>{intentName(item.intent)}</td>
                      <td data-col="shown">{item.shown}</td>
                      <td data-col="used">{item.used}</td>
                      <td>{item.shown ? percent(Math.min(1, item.used / item.shown)) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>

          <h3>{w.hoursTitle}</h3>
          <BusiestHours hours={stats.hours} w={w} />
        </>
      )}
    </section>
  );
}

/** Buyer messages per hour of the day: the chart, and beside it the hours with messages, busiest first. */
export function BusiestHours({ hours, w }: { hours: number[]; w: OptionsStrings['workflow'] }) {
  return (
    <div class="chart-pair">
      <HourBars hours={hours} label={w.hoursTitle} />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls must take the focus, or a keyboard cannot scroll it */}
      <div class="table-wrap" tabIndex={0}>
        <table class="stats-table" data-table="hours">
          <thead>
            <tr>
              <th>{w.colHour}</th>
              <th>{w.colMessages}</th>
            </tr>
          </thead>
          <tbody>
            {hours.every((count) => count === 0) ? (
              <tr>
                <td colSpan={2}>{w.noData}</td>
              </tr>
            ) : (
              hours
                .map((count, hour) => ({ count, hour }))
                .filter((item) => item.count > 0)
                .sort((a, b) => b.count - a.count || a.hour - b.hour)
                .map((item) => (
                  <tr key={item.hour}>
                    <td>{`${String(item.hour).padStart(2, '0')}:00–${String(item.hour + 1).padStart(2, '0')}:00`}</td>
                    <td>{item.count}</td>
                  </tr>
                ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
