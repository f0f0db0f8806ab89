import { describe, expect, it } from 'vitest';
import { renderChartPng } from './chart-image';
import type { ReportChart } from './model';

const CHART: ReportChart = {
  id: 'ege',
  title: 'ЕГЭ, математика: школы ШНОР и среднее по региону',
  type: 'line',
  labels: ['2023', '2024', '2025'],
  series: [
    { label: 'Школы ШНОР', values: [40.2, null, 46] },
    { label: 'В среднем по региону', values: [52.8, 54.1, 55.1], dashed: true },
  ],
  unit: 'балл',
  description: 'Результаты школ ШНОР ниже среднего по региону.',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('renderChartPng', () => {
  it('draws a PNG at twice the requested size', async () => {
    const png = await renderChartPng(CHART, { width: 600, height: 300 });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 1200, height: 600 });
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('gives the same bytes for the same chart, other bytes for other figures', async () => {
    const first = await renderChartPng(CHART);
    const second = await renderChartPng(CHART);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const changed = await renderChartPng({ ...CHART, series: [CHART.series[0]!, { ...CHART.series[1]!, values: [52.8, 54.1, 58] }] });
    expect(Buffer.from(changed).equals(Buffer.from(first))).toBe(false);
  });

  it('draws bar charts with a dashed target line and negative values', async () => {
    const png = await renderChartPng({
      ...CHART,
      type: 'bar',
      labels: ['Берёзовский район', 'Озёрный район'],
      series: [
        { label: 'Изменение', values: [-5, 12.5] },
        { label: 'Цель', values: [10, 10], dashed: true },
      ],
      unit: '%',
    });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });
});
