import { useCallback, useEffect, useState } from 'preact/hooks';
import { PairBars } from '@/entrypoints/options/charts';
import { BusiestHours, Kpis, percent, ReplyRateTable } from '@/entrypoints/options/stats-views';
import { errorText } from '@/lib/i18n/errors';
import type { OptionsStrings } from '@/lib/i18n/options';
import { INTENT_LABELS } from '@/lib/intents/labels';
import type { Language } from '@/lib/language';
import { callBackground } from '@/lib/messages/background';
import type { ReplyFigures, ShopStats } from '@/lib/stats/shop';

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
  const rateRow = (figures: ReplyFigures) => ({
    buyerMessages: figures.buyerMessages,
    answeredIn3m: figures.answeredIn3m,
    rate: figures.replyRate3m,
    averageReplySeconds: figures.averageReplySeconds,
  });
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
          <Kpis
            w={w}
            messages={stats.overall.buyerMessages}
            rate={percent(stats.overall.replyRate3m)}
            average={average(stats.overall)}
            shown={shown}
            used={used}
          />

          <h3 id="stats-shop-agents">{w.agentsTitle}</h3>
          <ReplyRateTable
            w={w}
            table="agents"
            labelledBy="stats-shop-agents"
            firstColumn={w.colAgent}
            rows={[
              ...stats.agents.map((agent) => ({
                ...rateRow(agent),
                key: String(agent.id),
                label: agent.name,
                attributes: { 'data-agent': agent.name },
              })),
              {
                ...rateRow(stats.overall),
                key: 'overall',
                label: w.overall,
                attributes: { class: 'stats-total', 'data-agent': '' },
              },
            ]}
          />

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
