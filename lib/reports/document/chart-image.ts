/**
 * A report chart as a PNG image, drawn on the server: chart.js on a Skia canvas (@napi-rs/canvas, prebuilt, no
 * system libraries), so DOCX and PDF reports get their charts without a browser. Labels in PT Sans (Cyrillic),
 * ru-RU ticks («1 234,5», «−2»), targets and means dashed, gaps where there is no data. The same chart gives the
 * same bytes: no animation, a fixed pixel ratio, a white background, no time or random input.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartDataset,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Title,
} from 'chart.js';
import { formatNumber } from '@/lib/format/ru';
import { REPORT_FONT_FAMILY, reportFont } from './fonts';
import type { ReportChart } from './model';

Chart.register(LineController, BarController, LineElement, BarElement, PointElement, CategoryScale, LinearScale, Legend, Title);

export interface ChartImageSize {
  width: number;
  height: number;
}

/** In CSS pixels; the PNG has twice as many (PIXEL_RATIO) so it stays sharp when printed at 16 cm. */
export const DEFAULT_CHART_SIZE: ChartImageSize = { width: 800, height: 400 };
const PIXEL_RATIO = 2;

/** Colours with at least 3:1 contrast on white; a marker shape per series, so colour is never the only difference. */
const COLORS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0f766e', '#4d7c0f', '#9d174d'] as const;
const POINT_STYLES = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'] as const;
const TEXT_COLOR = '#1e293b';
const GRID_COLOR = '#e2e8f0';

let fontsRegistered = false;

function registerFonts(): void {
  if (fontsRegistered) return;
  GlobalFonts.register(reportFont('regular'), REPORT_FONT_FAMILY, { weight: '400', style: 'normal' });
  GlobalFonts.register(reportFont('bold'), REPORT_FONT_FAMILY, { weight: '700', style: 'normal' });
  fontsRegistered = true;
}

/** Chart.js leaves the canvas transparent; documents want white behind the lines. */
const whiteBackground: Plugin = {
  id: 'reportWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

function dataset(chart: ReportChart, index: number): ChartDataset {
  const series = chart.series[index]!;
  const color = COLORS[index % COLORS.length]!;
  // In a bar chart a target or a mean is a dashed line across the bars, not one more bar.
  const asLine = chart.type === 'line' || series.dashed === true;
  return {
    type: asLine ? 'line' : 'bar',
    label: series.label,
    data: [...series.values],
    borderColor: color,
    backgroundColor: color,
    borderWidth: asLine ? 3 : 1,
    borderDash: series.dashed ? [10, 6] : [],
    pointStyle: POINT_STYLES[index % POINT_STYLES.length],
    pointRadius: asLine ? 5 : 0,
    spanGaps: false,
    fill: false,
    order: asLine ? 0 : 1,
  } as ChartDataset;
}

function configuration(chart: ReportChart): ChartConfiguration {
  const font = (size: number, weight: 'normal' | 'bold' = 'normal') => ({ family: REPORT_FONT_FAMILY, size, weight });
  return {
    type: chart.type,
    data: { labels: [...chart.labels], datasets: chart.series.map((_, index) => dataset(chart, index)) },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: PIXEL_RATIO,
      locale: 'ru-RU',
      layout: { padding: 12 },
      scales: {
        x: { offset: true, ticks: { color: TEXT_COLOR, font: font(14) }, grid: { color: GRID_COLOR } },
        y: {
          beginAtZero: chart.type === 'bar',
          title: chart.unit ? { display: true, text: chart.unit, color: TEXT_COLOR, font: font(14) } : undefined,
          ticks: { color: TEXT_COLOR, font: font(14), callback: (value: string | number) => formatNumber(Number(value)) },
          grid: { color: GRID_COLOR },
        },
      },
      plugins: {
        title: { display: true, text: chart.title, color: TEXT_COLOR, font: font(18, 'bold'), padding: { bottom: 12 } },
        legend: { position: 'bottom', labels: {
            usePointStyle: true,
            boxWidth: 10,
            boxHeight: 10,
            color: TEXT_COLOR,
            font: font(14),
            padding: 16,
            // In the order of the series, whichever is drawn on top.
            sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
          },
        },
        tooltip: { enabled: false },
      },
    },
    plugins: [whiteBackground],
  } as ChartConfiguration;
}

async function renderChart(chart: ReportChart, size: ChartImageSize, format: 'png' | 'jpeg'): Promise<Uint8Array> {
  registerFonts();
  const canvas = createCanvas(size.width, size.height);
  // chart.js takes any object with getContext('2d'); outside a browser it draws on it with its basic platform.
  const instance = new Chart(canvas as unknown as HTMLCanvasElement, configuration(chart));
  try {
    const bytes = format === 'png' ? await canvas.encode('png') : await canvas.encode('jpeg', 95);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    instance.destroy();
  }
}

/** The chart as PNG bytes, `size` in CSS pixels (the image is twice that). */
export function renderChartPng(chart: ReportChart, size: ChartImageSize = DEFAULT_CHART_SIZE): Promise<Uint8Array> {
  return renderChart(chart, size, 'png');
}

/**
 * The chart as JPEG bytes (quality 95), for PDF: PDFKit splits a PNG's alpha channel asynchronously, so with several
 * charts the objects' order in the file — and the file's bytes — would depend on timing; a JPEG is embedded as is.
 */
export function renderChartJpeg(chart: ReportChart, size: ChartImageSize = DEFAULT_CHART_SIZE): Promise<Uint8Array> {
  return renderChart(chart, size, 'jpeg');
}
