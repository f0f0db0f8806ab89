/**
 * The scatter of a run: social index (x) against the gap to the municipal mean (y), one series per cluster,
 * with the ШНСУ cut and the R1 gap drawn as two-point line series (no annotation plugin).
 */
import type { ChartPoint, ChartSeries, ChartSpec } from '@/components/ui/Chart';
import type { SchoolOverview } from '@/lib/classification/overview';
import { formatNumber, plural, pluralize } from '@/lib/format/ru';
import { clusterColour } from './labels';

const SCHOOLS = ['школа', 'школы', 'школ'] as const;
const POINTS = ['балл', 'балла', 'баллов'] as const;

type Plotted = { school: SchoolOverview; point: ChartPoint };

function plotted(schools: readonly SchoolOverview[]): Plotted[] {
  return schools.flatMap((school) =>
    school.social.index !== null && school.results.municipalGap !== null
      ? [{ school, point: { x: round(school.social.index, 3), y: round(school.results.municipalGap, 1) } }]
      : [],
  );
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The lowest index of the most disadvantaged quarter, as the engine decided it school by school. */
export function disadvantagedCut(schools: readonly SchoolOverview[]): number | null {
  const inQuarter = schools.filter((s) => s.social.inDisadvantagedQuarter === true && s.social.index !== null).map((s) => s.social.index!);
  return inQuarter.length > 0 ? Math.min(...inQuarter) : null;
}

function clusterSeries(points: Plotted[]): ChartSeries[] {
  const byCluster = new Map<number | null, Plotted[]>();
  for (const p of points) byCluster.set(p.school.cluster, [...(byCluster.get(p.school.cluster) ?? []), p]);
  return [...byCluster.entries()]
    .sort(([a], [b]) => (a ?? 99) - (b ?? 99))
    .map(([cluster, items]) => ({
      label: cluster === null ? 'Без кластера' : `Кластер ${cluster}`,
      color: cluster === null ? '#475569' : clusterColour(cluster),
      data: items.map((i) => i.point),
      pointLabels: items.map((i) => i.school.name),
    }));
}

export function runScatter(schools: readonly SchoolOverview[], gapPoints: number): ChartSpec {
  const gapText = `−${formatNumber(gapPoints)} ${plural(gapPoints, POINTS)}`;
  const points = plotted(schools);
  const xs = points.map((p) => p.point.x);
  const ys = [...points.map((p) => p.point.y), -gapPoints, 0];
  const [xMin, xMax] = [Math.min(...xs, 0), Math.max(...xs, 0)];
  const [yMin, yMax] = [Math.min(...ys) - 2, Math.max(...ys) + 2];
  const cut = disadvantagedCut(schools);
  const series = clusterSeries(points);
  series.push({
    label: `Порог R1: ${gapText}`,
    color: '#b91c1c',
    data: [{ x: xMin, y: -gapPoints }, { x: xMax, y: -gapPoints }],
    asLine: true,
    dashed: true,
  });
  if (cut !== null) {
    series.push({
      label: `Граница ШНСУ: индекс ${formatNumber(cut)}`,
      color: '#a16207',
      data: [{ x: cut, y: yMin }, { x: cut, y: yMax }],
      asLine: true,
      dashed: true,
    });
  }
  // Counted on the unrounded values, as the engine decided them.
  const below = points.filter((p) => p.school.results.municipalGap! < -gapPoints).length;
  const right = cut === null ? 0 : points.filter((p) => p.school.social.index! >= cut).length;
  const missing = schools.length - points.length;
  const summary = [
    `Диаграмма рассеяния: ${pluralize(points.length, SCHOOLS)} по социальному индексу и отставанию результатов от среднего по муниципалитету.`,
    `Ниже порога R1 (${gapText} в среднем по предметам): ${pluralize(below, SCHOOLS)}.`,
    cut === null ? 'Граница ШНСУ не определена.' : `Правее границы ШНСУ (индекс ${formatNumber(cut)}): ${pluralize(right, SCHOOLS)}.`,
    missing > 0 ? `Без индекса или результатов, не показаны: ${pluralize(missing, SCHOOLS)}.` : '',
  ].filter(Boolean).join(' ');
  return {
    kind: 'scatter',
    summary,
    series,
    xTitle: 'Социальный индекс (больше — неблагополучнее)',
    yTitle: 'Отставание от среднего по муниципалитету, баллов',
    height: 420,
  };
}
