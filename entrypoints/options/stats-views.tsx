/**
 * The views the 数据统计 page shows twice: once for this browser's own figures, once for the whole shop's from the
 * shop server. Plain views of figures worked out by their caller.
 */
import type { ComponentChildren } from 'preact';
import { HourBars } from '@/entrypoints/options/charts';
import type { OptionsStrings } from '@/lib/i18n/options';

type WorkflowStrings = OptionsStrings['workflow'];

export const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/** The headline figures, each already worded. */
export function Kpis({
  w,
  messages,
  rate,
  average,
  shown,
  used,
}: {
  w: WorkflowStrings;
  messages: number;
  rate: string;
  average: string;
  shown: number;
  used: number;
}) {
  const items: [string, string, ComponentChildren][] = [
    ['messages', w.kpiMessages, messages],
    ['rate', w.kpiRate, rate],
    ['average', w.kpiAverage, average],
    ['shown', w.kpiShown, shown],
    ['used', w.kpiUsed, used],
  ];
  return (
    <dl class="kpis">
      {items.map(([id, label, value]) => (
        <div key={id} class="kpi" data-kpi={id}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One row of a reply-rate table: per day, or per agent. */
export interface ReplyRateRow {
  key: string;
  label: string;
  buyerMessages: number;
  answeredIn3m: number;
  rate: number | null;
  averageReplySeconds: number | null;
  /** The row's own class and data attributes, which tests and styles read. */
  attributes?: Record<string, string>;
}

/** Buyer messages, those answered within 3 minutes, the rate and the average reply time, one row each. */
export function ReplyRateTable({
  w,
  table,
  firstColumn,
  rows,
  labelledBy,
}: {
  w: WorkflowStrings;
  /** The table's data-table name. */
  table: string;
  firstColumn: string;
  rows: readonly ReplyRateRow[];
  labelledBy?: string;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls must take the focus, or a keyboard cannot scroll it
    <div class="table-wrap" tabIndex={0}>
      <table class="stats-table" data-table={table} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th>{firstColumn}</th>
            <th>{w.colMessages}</th>
            <th>{w.colIn3m}</th>
            <th>{w.colRate}</th>
            <th>{w.colAverage}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} {...row.attributes}>
              <td>{row.label}</td>
              <td>{row.buyerMessages}</td>
              <td>{row.answeredIn3m}</td>
              <td>{percent(row.rate)}</td>
              <td>{row.averageReplySeconds === null ? '—' : w.seconds(row.averageReplySeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Buyer messages per hour of the day: the chart, and beside it the hours with messages, busiest first. */
export function BusiestHours({ hours, w }: { hours: number[]; w: WorkflowStrings }) {
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
