/**
 * The indicator page's chart: values by year for the chosen organisations, with the programme's baseline and
 * target drawn as dashed reference series over the same years. Pure: the page passes the rows it read.
 */
import type { ChartSeries, ChartSpec } from '@/components/ui/Chart';
import { compareRussian, formatNumber } from '@/lib/format/ru';
import { applicable, type TargetRow } from './targets';

export interface ChartValue {
  organisationId: string;
  organisationName: string;
  year: number;
  quarter: number;
  value: number;
}

/** Colours with at least 3:1 contrast on white; series also differ by marker shape (Chart.tsx). */
const COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0f766e', '#4d7c0f', '#9d174d'];
const BASELINE_COLOUR = '#475569';
const TARGET_COLOUR = '#b91c1c';

/**
 * Years from the earliest value, baseline or target to the latest, every year in between; organisations in the
 * given order, each a line with a gap where no yearly value exists. Quarterly values are left out (the chart is by year).
 */
export function indicatorChart(name: string, unitLabel: string, values: readonly ChartValue[], targets: readonly TargetRow[], organisationIds: readonly string[]): ChartSpec {
  const chosen = new Set(organisationIds);
  const yearly = values.filter((v) => v.quarter === 0 && chosen.has(v.organisationId));
  const programme = targets.filter((t) => t.organisationId === null);
  const allYears = [...yearly.map((v) => v.year), ...programme.map((t) => t.year)];
  if (allYears.length === 0) return { kind: 'line', summary: `${name}: значений и целей пока нет.`, series: [], labels: [], xTitle: 'Год', yTitle: unitLabel };
  const first = Math.min(...allYears);
  const last = Math.max(...allYears);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const names = new Map(yearly.map((v) => [v.organisationId, v.organisationName]));
  const series: ChartSeries[] = [];
  organisationIds
    .filter((id) => names.has(id))
    .forEach((id, n) => {
      const byYear = new Map(yearly.filter((v) => v.organisationId === id).map((v) => [v.year, v.value]));
      series.push({ label: names.get(id)!, color: COLOURS[n % COLOURS.length]!, data: years.map((y) => byYear.get(y) ?? null) });
    });
  const baseline = programme.some((t) => t.kind === 'baseline') ? years.map((y) => applicable(programme, 'baseline', y, null)?.value ?? null) : null;
  const target = programme.some((t) => t.kind === 'target') ? years.map((y) => applicable(programme, 'target', y, null)?.value ?? null) : null;
  if (baseline) series.push({ label: 'Базовое значение', color: BASELINE_COLOUR, data: baseline, dashed: true });
  if (target) series.push({ label: 'Целевое значение', color: TARGET_COLOUR, data: target, dashed: true });
  const lastTarget = programme.filter((t) => t.kind === 'target').sort((a, b) => b.year - a.year)[0];
  const summary = [
    `${name}: значения по годам с ${first} по ${last}`,
    series.length > 0 ? `линии — ${series.map((s) => s.label).join(', ')}` : '',
    lastTarget ? `цель ${lastTarget.year} года — ${formatNumber(lastTarget.value)}` : 'цель не задана',
  ]
    .filter(Boolean)
    .join('; ');
  return { kind: 'line', summary: `${summary}.`, series, labels: years.map(String), xTitle: 'Год', yTitle: unitLabel };
}

/**
 * The organisations the chart shows when the user chose none: those with yearly values, the region first, then
 * by name, at most `limit`.
 */
export function defaultOrganisations(values: readonly (ChartValue & { organisationKind?: string })[], limit = 5): string[] {
  const seen = new Map<string, { name: string; region: boolean }>();
  for (const v of values) if (v.quarter === 0 && !seen.has(v.organisationId)) seen.set(v.organisationId, { name: v.organisationName, region: v.organisationKind === 'region' });
  return [...seen.entries()]
    .sort(([, a], [, b]) => Number(b.region) - Number(a.region) || compareRussian(a.name, b.name))
    .slice(0, limit)
    .map(([id]) => id);
}
