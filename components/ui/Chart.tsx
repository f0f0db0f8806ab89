'use client';

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  type ChartConfiguration,
  type ChartDataset as ChartJsDataset,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type TooltipItem,
} from 'chart.js';
import { useEffect, useId, useRef } from 'react';
import { formatNumber } from '@/lib/format/ru';

// Only what the portal draws: scatter, line and bar charts on linear or category axes.
ChartJs.register(ScatterController, LineController, BarController, PointElement, LineElement, BarElement, LinearScale, CategoryScale, Tooltip, Legend);

export type ChartKind = 'scatter' | 'line' | 'bar';
export type ChartPoint = { x: number; y: number };

/** One series. Scatter series hold points; line and bar series hold one number per category label. */
export interface ChartSeries {
  label: string;
  /** CSS colour; must keep 3:1 contrast with white. */
  color: string;
  data: ChartPoint[] | (number | null)[];
  /** Scatter only: join the points with a line and hide the markers — for thresholds and reference lines. */
  asLine?: boolean;
  dashed?: boolean;
  /** Scatter only: a name for each point (tooltip and the data table). */
  pointLabels?: string[];
}

/** Serializable description of a chart, so server pages can pass it to this client component. */
export interface ChartSpec {
  kind: ChartKind;
  /** Short text read by screen readers instead of the picture: what the chart shows and its main finding. */
  summary: string;
  series: ChartSeries[];
  /** Category labels for line and bar charts. */
  labels?: string[];
  xTitle?: string;
  yTitle?: string;
  /** Canvas height in pixels (the width follows the container). */
  height?: number;
}

// Marker shapes differ per series so that colour is never the only difference (WCAG 1.4.1).
const POINT_STYLES = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'] as const;

function isPoints(data: ChartSeries['data']): data is ChartPoint[] {
  return data.length > 0 && typeof data[0] === 'object' && data[0] !== null;
}

function toDataset(spec: ChartSpec, series: ChartSeries, index: number): ChartJsDataset {
  const line = spec.kind === 'line' || series.asLine === true;
  return {
    label: series.label,
    data: series.data as never,
    backgroundColor: series.color,
    borderColor: series.color,
    borderDash: series.dashed ? [6, 4] : undefined,
    pointStyle: series.asLine ? 'line' : POINT_STYLES[index % POINT_STYLES.length],
    pointRadius: series.asLine ? 0 : 4,
    pointHoverRadius: series.asLine ? 0 : 6,
    showLine: line,
    borderWidth: line ? 2 : 1,
  } as ChartJsDataset;
}

function tooltipLabel(spec: ChartSpec) {
  return (item: TooltipItem<'scatter'>) => {
    const series = spec.series[item.datasetIndex];
    const name = series?.pointLabels?.[item.dataIndex] ?? series?.label ?? '';
    if (spec.kind !== 'scatter') return `${name}: ${formatNumber(item.parsed.y)}`;
    return `${name}: ${formatNumber(item.parsed.x)}; ${formatNumber(item.parsed.y)}`;
  };
}

function toConfig(spec: ChartSpec): ChartConfiguration {
  const axis = (title: string | undefined, type: 'linear' | 'category') => ({
    type,
    title: title ? { display: true, text: title, color: '#1e293b' } : undefined,
    ticks: { color: '#334155', ...(type === 'linear' ? { callback: (v: string | number) => formatNumber(Number(v)) } : {}) },
    grid: { color: '#e2e8f0' },
  });
  return {
    type: spec.kind,
    data: { labels: spec.labels, datasets: spec.series.map((s, i) => toDataset(spec, s, i)) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'ru-RU',
      scales: {
        x: axis(spec.xTitle, spec.kind === 'scatter' ? 'linear' : 'category'),
        y: axis(spec.yTitle, 'linear'),
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, color: '#1e293b' } },
        tooltip: { callbacks: { label: tooltipLabel(spec) as never } },
      },
    },
  } as ChartConfiguration;
}

/** The same numbers as a table: for keyboard and screen-reader users, and for anyone who wants exact values. */
function DataAlternative({ spec, captionId }: { spec: ChartSpec; captionId: string }) {
  const cell = 'px-2 py-1 text-left';
  if (spec.kind === 'scatter') {
    return (
      <table className="mt-2 min-w-full text-sm" aria-labelledby={captionId}>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={cell}>Ряд</th>
            <th scope="col" className={cell}>Точка</th>
            <th scope="col" className={cell}>{spec.xTitle ?? 'X'}</th>
            <th scope="col" className={cell}>{spec.yTitle ?? 'Y'}</th>
          </tr>
        </thead>
        <tbody>
          {spec.series.flatMap((series) =>
            isPoints(series.data)
              ? series.data.map((point, i) => (
                  <tr key={`${series.label}-${i}`} className="border-t border-slate-200">
                    <td className={cell}>{series.label}</td>
                    <td className={cell}>{series.pointLabels?.[i] ?? '—'}</td>
                    <td className={cell}>{formatNumber(point.x)}</td>
                    <td className={cell}>{formatNumber(point.y)}</td>
                  </tr>
                ))
              : [],
          )}
        </tbody>
      </table>
    );
  }
  return (
    <table className="mt-2 min-w-full text-sm" aria-labelledby={captionId}>
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className={cell}>{spec.xTitle ?? 'Категория'}</th>
          {spec.series.map((s) => (
            <th key={s.label} scope="col" className={cell}>{s.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(spec.labels ?? []).map((label, i) => (
          <tr key={label} className="border-t border-slate-200">
            <th scope="row" className={cell}>{label}</th>
            {spec.series.map((s) => (
              <td key={s.label} className={cell}>{formatNumber(isPoints(s.data) ? s.data[i]?.y : s.data[i])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** THE chart of the portal: chart.js on a canvas that reads as one image with a summary, plus its data table. */
export function Chart({ spec }: { spec: ChartSpec }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const captionId = useId();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new ChartJs(canvas, toConfig(spec));
    return () => chart.destroy();
  }, [spec]);

  return (
    <figure className="rounded border border-slate-200 bg-white p-4">
      <div className="relative w-full" style={{ height: spec.height ?? 360 }}>
        <canvas ref={canvasRef} role="img" aria-label={spec.summary}>
          {spec.summary}
        </canvas>
      </div>
      <details className="mt-3 text-sm">
        <summary id={captionId} className="cursor-pointer font-medium text-brand-700">
          Данные графика таблицей
        </summary>
        <div className="max-h-96 overflow-auto">
          <DataAlternative spec={spec} captionId={captionId} />
        </div>
      </details>
    </figure>
  );
}
