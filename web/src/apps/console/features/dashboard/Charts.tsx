// The dashboard's charts: hand-written SVG (no chart library: this chunk stays a few KB). Every chart is
// reachable by keyboard, named by a sentence that says what it shows, and can be shown as a table instead;
// values are written on the chart, so colour is never the only carrier of meaning.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

import { useT } from '../../i18n';
import { band, type Metric } from './model';

/** A chart's panel: heading, a "show as table" switch, the chart (an image named by `summary`) or the table. */
export function ChartPanel(props: {
  title: string;
  summary: string;
  chart: ComponentChildren;
  table: ComponentChildren;
  testId: string;
  class?: string;
  /** The chart is itself a table (the heat map): the switch shows the detailed table next to it. */
  chartIsTable?: boolean;
}) {
  const { t } = useT();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section class={`panel chart${props.class ? ` ${props.class}` : ''}`} aria-labelledby={`${id}-title`} data-testid={props.testId}>
      <div class="chart-head">
        <h2 id={`${id}-title`}>{props.title}</h2>
        <button type="button" class="button secondary small" aria-expanded={asTable} aria-controls={`${id}-body`}
          onClick={() => setAsTable(!asTable)}>
          {t(asTable ? 'dashboard.chart.showChart' : 'dashboard.chart.showTable')}
        </button>
      </div>
      <p class="chart-summary" id={`${id}-summary`}>{props.summary}</p>
      <div id={`${id}-body`}>
        {asTable ? <div class="table-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>{props.table}</div>
          : props.chartIsTable ? props.chart
          : <div class="chart-figure" role="img" aria-labelledby={`${id}-title ${id}-summary`} tabIndex={0}>{props.chart}</div>}
      </div>
    </section>
  );
}

/** A metric's value in the chosen language: NPS signed, CSAT with one decimal, rates as percentages. */
export function useMetricFormat() {
  const { locale, t } = useT();
  const nps = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const csat = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return (metric: Metric | 'percent', value: number | null | undefined): string => {
    if (value == null) return t('dashboard.value.none');
    if (metric === 'nps') return nps.format(value);
    if (metric === 'csat') return csat.format(value);
    return percent.format(value);
  };
}

/** The band's swatch and word: the legend under the heat map. */
export function Legend({ metric }: { metric: Metric }) {
  const { t } = useT();
  return (
    <ul class="legend" aria-label={t('dashboard.legend.label')}>
      {(['worst', 'bad', 'middle', 'good', 'best'] as const).map((b) => (
        <li key={b}><span class={`swatch band-${b}`} aria-hidden="true" />{t(`dashboard.band.${b}`)}</li>
      ))}
      <li><span class="swatch band-none" aria-hidden="true" />{t('dashboard.band.none')}</li>
      <li class="meta">{t(`dashboard.metric.${metric}.direction`)}</li>
    </ul>
  );
}

export function bandClass(metric: Metric, value: number | null): string {
  return `band-${band(metric, value) ?? 'none'}`;
}

/** Draws its chart at the width it is given, in CSS pixels: text stays at its size on any screen. */
export function Sized(props: { children: (width: number) => ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setWidth(Math.floor(element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <div ref={box} class="sized">{width > 0 && props.children(width)}</div>;
}

/** The trend: the metric as a line over the periods, the feedback volume as bars under it. */
export function TrendChart(props: {
  width: number;
  points: { label: string; value: number | null; volume: number }[];
  metric: Metric;
  format: (value: number | null) => string;
}) {
  const { t } = useT();
  const W = props.width, H = 260, top = 24, lineH = 120, barTop = 176, barH = 56, left = 12, right = 12;
  const n = Math.max(props.points.length, 1);
  const step = (W - left - right) / n;
  const x = (i: number) => left + step * (i + 0.5);
  const range = props.metric === 'nps' ? [-100, 100] : props.metric === 'csat' ? [1, 5] : [0, 1];
  const y = (v: number) => top + lineH - ((v - range[0]!) / (range[1]! - range[0]!)) * lineH;
  const maxVolume = Math.max(1, ...props.points.map((p) => p.volume));
  const withValues = props.points.map((p, i) => ({ ...p, i })).filter((p) => p.value != null);
  const path = withValues.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.i).toFixed(1)},${y(p.value!).toFixed(1)}`).join(' ');
  return (
     <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} class="chart-svg" focusable="false" aria-hidden="true">
      <line x1={left} x2={W - right} y1={y(range[0]!)} y2={y(range[0]!)} class="axis" />
      <line x1={left} x2={W - right} y1={y(range[1]!)} y2={y(range[1]!)} class="grid" />
      <text x={left} y={y(range[1]!) - 6} class="tick">{props.format(range[1]!)}</text>
      <text x={left} y={y(range[0]!) - 6} class="tick">{props.format(range[0]!)}</text>
      <path d={path} class="trend-line" />
      {withValues.map((p) => (
        <g key={p.i}>
          <circle cx={x(p.i)} cy={y(p.value!)} r={4.5} class="trend-dot" />
          <text x={x(p.i)} y={y(p.value!) - 9} class="value" text-anchor="middle">{props.format(p.value)}</text>
        </g>
      ))}
      <text x={left} y={barTop - 8} class="tick">{t('dashboard.trend.volume')}</text>
      {props.points.map((p, i) => {
        const h = (p.volume / maxVolume) * barH;
        return (
          <g key={`v${i}`}>
            <rect x={x(i) - step * 0.35} y={barTop + barH - h} width={step * 0.7} height={Math.max(h, p.volume > 0 ? 1 : 0)} class="volume-bar" />
            {p.volume > 0 && <text x={x(i)} y={barTop + barH - h - 3} class="value small" text-anchor="middle">{p.volume}</text>}
            <text x={x(i)} y={H - 6} class="tick" text-anchor="middle">{p.label}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** Horizontal bars: one per item, a value from 0 to 1 written next to its bar. */
export function PercentBars(props: { width: number; items: { label: string; value: number | null; note: string }[]; format: (v: number | null) => string }) {
  const W = props.width, rowH = 34, labelW = Math.min(150, W * 0.3), barW = Math.max(60, W - labelW - 130);
  const H = Math.max(1, props.items.length) * rowH + 8;
  return (
     <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} class="chart-svg" focusable="false" aria-hidden="true">
      {props.items.map((item, i) => {
        const yy = 4 + i * rowH;
        const w = (item.value ?? 0) * barW;
        return (
          <g key={item.label}>
            <text x={0} y={yy + 20} class="label">{item.label}</text>
            <rect x={labelW} y={yy + 6} width={barW} height={18} class="track" />
            <rect x={labelW} y={yy + 6} width={w} height={18} class="percent-bar" />
            <text x={labelW + barW + 8} y={yy + 20} class="value">{props.format(item.value)} <tspan class="note">{item.note}</tspan></text>
          </g>
        );
      })}
    </svg>
  );
}

/** Ranges: a solid bar to the low estimate, a hatched one on to the high estimate, "low–high" written after. */
export function RangeBars(props: { width: number; items: { label: string; low: number; high: number }[]; format: (low: number, high: number) => string }) {
  const W = props.width, rowH = 34, labelW = Math.min(170, W * 0.35), barW = Math.max(60, W - labelW - 110);
  const H = Math.max(1, props.items.length) * rowH + 8;
  const max = Math.max(1, ...props.items.map((item) => item.high));
  return (
     <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} class="chart-svg" focusable="false" aria-hidden="true">
      <defs>
        <pattern id="wom-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" class="hatch-ground" />
          <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
        </pattern>
      </defs>
      {props.items.map((item, i) => {
        const yy = 4 + i * rowH;
        const low = (item.low / max) * barW, high = (item.high / max) * barW;
        return (
          <g key={item.label}>
            <text x={0} y={yy + 20} class="label">{item.label}</text>
            <rect x={labelW} y={yy + 6} width={high} height={18} fill="url(#wom-hatch)" class="range-high" />
            <rect x={labelW} y={yy + 6} width={low} height={18} class="range-low" />
            <text x={labelW + high + 8} y={yy + 20} class="value">{props.format(item.low, item.high)}</text>
          </g>
        );
      })}
    </svg>
  );
}
