/**
 * Three small charts in plain SVG. Why not a chart library: the page needs a line, grouped bars and a
 * histogram, all static and under a few dozen points. Plain SVG adds nothing to the extension's bundle
 * (Chart.js is ~200 kB, ECharts far more), needs no canvas or eval (MV3's CSP), scales crisply, and each
 * mark carries a <title> for hover and screen readers; the table beside each chart holds the exact figures.
 */
import type { ComponentChildren } from 'preact';

// Design tokens (components/tokens.css), set through `style`, where var() is ordinary CSS in every browser
// (Chromium resolves it in fill/stroke attributes too; Firefox builds should not depend on that).
const BLUE = 'var(--hs-color-primary)';
const LIGHT = 'var(--hs-color-primary-muted)';
const GRID = 'var(--hs-border-grid)';
const MUTED = 'var(--hs-text-muted)';

interface Frame {
  width: number;
  height: number;
  label: string;
  children: ComponentChildren;
}

function Svg({ width, height, label, children }: Frame) {
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      {children}
    </svg>
  );
}

const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 2.5, 5, 10];
  const step = steps.find((s) => s * magnitude >= value / 4) ?? 10;
  return Math.ceil(value / (step * magnitude)) * step * magnitude;
}

export interface RatePoint {
  label: string;
  /** 0–1, or null for a day without buyer messages. */
  rate: number | null;
  messages: number;
}

/** Reply rate per day as a line (gaps where there was nothing to answer) over light bars of buyer messages. */
export function RateChart({ points, label }: { points: RatePoint[]; label: string }) {
  const width = 560;
  const height = 220;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const step = plotW / Math.max(points.length, 1);
  const x = (index: number) => PAD.left + step * index + step / 2;
  const y = (rate: number) => PAD.top + plotH * (1 - rate);
  const maxMessages = niceMax(Math.max(...points.map((point) => point.messages), 1));
  const segments: string[] = [];
  let current = '';
  points.forEach((point, index) => {
    if (point.rate === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(index).toFixed(1)},${y(point.rate).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const labelEvery = Math.ceil(points.length / 7);
  return (
    <Svg width={width} height={height} label={label}>
      {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} style={{ stroke: GRID }} />
          <text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end" class="chart-tick">
            {Math.round(tick * 100)}%
          </text>
        </g>
      ))}
      {points.map((point, index) => {
        const barH = (point.messages / maxMessages) * plotH * 0.5;
        return (
          <rect
            key={`bar-${point.label}`}
            x={x(index) - step * 0.3}
            y={PAD.top + plotH - barH}
            width={step * 0.6}
            height={barH}
            style={{ fill: GRID }}
          >
            <title>{`${point.label}: ${point.messages}`}</title>
          </rect>
        );
      })}
      {segments.map((d) => (
        <path key={d} d={d} fill="none" style={{ stroke: BLUE }} stroke-width={2} stroke-linejoin="round" />
      ))}
      {points.map((point, index) =>
        point.rate === null ? null : (
          <circle
            key={`dot-${point.label}`}
            cx={x(index)}
            cy={y(point.rate)}
            r={3.5}
            fill="#fff"
            style={{ stroke: BLUE }}
            stroke-width={2}
          >
            <title>{`${point.label}: ${Math.round(point.rate * 100)}% (${point.messages})`}</title>
          </circle>
        ),
      )}
      {points.map((point, index) =>
        index % labelEvery === 0 || index === points.length - 1 ? (
          <text key={`x-${point.label}`} x={x(index)} y={height - 8} text-anchor="middle" class="chart-tick">
            {point.label}
          </text>
        ) : null,
      )}
    </Svg>
  );
}

export interface PairBar {
  label: string;
  a: number;
  b: number;
}

/** Horizontal bar pairs: `a` (light) behind `b` (blue), one row per category. */
export function PairBars({ rows, label, legend }: { rows: PairBar[]; label: string; legend: [string, string] }) {
  // Narrower than the other charts: it shares its row with a wider table.
  const width = 400;
  const rowH = 26;
  const labelW = 96;
  const height = Math.max(rows.length, 1) * rowH + 30;
  const max = niceMax(Math.max(...rows.map((row) => Math.max(row.a, row.b)), 1));
  const scale = (value: number) => ((width - labelW - 40) * value) / max;
  return (
    <Svg width={width} height={height} label={label}>
      <g class="chart-legend">
        <rect x={labelW} y={4} width={10} height={10} rx={2} style={{ fill: LIGHT }} />
        <text x={labelW + 14} y={13} class="chart-tick">
          {legend[0]}
        </text>
        <rect x={labelW + 80} y={4} width={10} height={10} rx={2} style={{ fill: BLUE }} />
        <text x={labelW + 94} y={13} class="chart-tick">
          {legend[1]}
        </text>
      </g>
      {rows.map((row, index) => {
        const top = 24 + index * rowH;
        return (
          <g key={row.label}>
            <text x={labelW - 8} y={top + 15} text-anchor="end" class="chart-label">
              {row.label}
            </text>
            <rect x={labelW} y={top + 3} width={Math.max(scale(row.a), 1)} height={16} rx={3} style={{ fill: LIGHT }}>
              <title>{`${row.label} · ${legend[0]} ${row.a}`}</title>
            </rect>
            <rect
              x={labelW}
              y={top + 7}
              width={Math.max(scale(row.b), row.b ? 2 : 0)}
              height={8}
              rx={2}
              style={{ fill: BLUE }}
            >
              <title>{`${row.label} · ${legend[1]} ${row.b}`}</title>
            </rect>
            <text x={labelW + Math.max(scale(row.a), scale(row.b)) + 6} y={top + 15} class="chart-tick">
              {row.b}/{row.a}
            </text>
          </g>
        );
      })}
    </Svg>
  );
}

/** 24 columns, one per hour of the day. */
export function HourBars({ hours, label }: { hours: number[]; label: string }) {
  const width = 560;
  const height = 180;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const step = plotW / 24;
  const max = niceMax(Math.max(...hours, 1));
  const peak = Math.max(...hours);
  return (
    <Svg width={width} height={height} label={label}>
      {[0, 0.5, 1].map((tick) => (
        <g key={tick}>
          <line
            x1={PAD.left}
            x2={width - PAD.right}
            y1={PAD.top + plotH * (1 - tick)}
            y2={PAD.top + plotH * (1 - tick)}
            style={{ stroke: GRID }}
          />
          <text x={PAD.left - 6} y={PAD.top + plotH * (1 - tick) + 4} text-anchor="end" class="chart-tick">
            {Math.round(max * tick)}
          </text>
        </g>
      ))}
      {hours.map((count, hour) => {
        const barH = (count / max) * plotH;
        return (
          <g key={hour}>
            <rect
              x={PAD.left + step * hour + step * 0.15}
              y={PAD.top + plotH - barH}
              width={step * 0.7}
              height={barH}
              rx={2}
              style={{ fill: count > 0 && count === peak ? BLUE : LIGHT }}
            >
              <title>{`${String(hour).padStart(2, '0')}:00 · ${count}`}</title>
            </rect>
            {hour % 3 === 0 && (
              <text x={PAD.left + step * hour + step / 2} y={height - 8} text-anchor="middle" class="chart-tick">
                {String(hour).padStart(2, '0')}
              </text>
            )}
          </g>
        );
      })}
      <text x={width - PAD.right} y={height - 8} text-anchor="end" style={{ fill: MUTED }} class="chart-tick" />
    </Svg>
  );
}
