/**
 * The scatter of a run: social index (x) against what R1 judges (y) — the school's largest judged gap to the
 * municipal mean, the subject R1 decides on — one series per cluster, with the R1 threshold and the run's ШНСУ
 * boundary drawn as two-point line series (no annotation plugin). A school lies below the R1 line exactly when
 * R1 fired for it; the boundary is the run's own (the region's quarter), whoever looks and whatever rows they see.
 */
import type { ChartPoint, ChartSeries, ChartSpec } from '@/components/ui/Chart';
import { POINTS, SCHOOLS } from '@/lib/classification/format';
import type { SchoolOverview } from '@/lib/classification/overview';
import { formatNumber, plural, pluralize } from '@/lib/format/ru';
import { clusterColour } from './labels';


type Plotted = { school: SchoolOverview; point: ChartPoint; fired: boolean };

/**
 * The gap R1 decided on, signed as on the axis (negative: behind the municipal mean): the judged subject with the
 * largest gap. Null when R1 judged nothing.
 */
export function r1JudgedGap(school: SchoolOverview): number | null {
  const r1 = school.rules.find((r) => r.rule === 'R1');
  if (!r1 || r1.status === 'insufficient_data' || r1.value === null || r1.reference === null) return null;
  return r1.value - r1.reference;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Rounded for display, unless rounding would move the point across the line the rule judged it by. */
function shownGap(gap: number, fired: boolean, gapPoints: number): number {
  const rounded = round(gap, 1);
  const belowLine = rounded < -gapPoints;
  const onLine = rounded === -gapPoints;
  return onLine || belowLine === fired ? rounded : gap;
}

function plotted(schools: readonly SchoolOverview[], gapPoints: number): Plotted[] {
  return schools.flatMap((school) => {
    const gap = r1JudgedGap(school);
    if (school.social.index === null || gap === null) return [];
    const fired = school.rules.some((r) => r.rule === 'R1' && r.status === 'fired');
    return [{ school, fired, point: { x: round(school.social.index, 3), y: shownGap(gap, fired, gapPoints) } }];
  });
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

/**
 * @param schools the rows the viewer sees
 * @param gapPoints the run methodology's R1 threshold
 * @param cut the run's ШНСУ boundary (stored with the run); never recomputed from the visible rows
 */
export function runScatter(schools: readonly SchoolOverview[], gapPoints: number, cut: number | null): ChartSpec {
  const gapText = `−${formatNumber(gapPoints)} ${plural(gapPoints, POINTS)}`;
  const points = plotted(schools, gapPoints);
  const xs = points.map((p) => p.point.x);
  const ys = [...points.map((p) => p.point.y), -gapPoints, 0];
  const [xMin, xMax] = [Math.min(...xs, 0, cut ?? 0), Math.max(...xs, 0, cut ?? 0)];
  const [yMin, yMax] = [Math.min(...ys) - 2, Math.max(...ys) + 2];
  const series = clusterSeries(points);
  series.push({
    label: `Порог R1: ${gapText} по предмету с наибольшим отставанием (ниже линии — R1 сработало)`,
    color: '#b91c1c',
    data: [{ x: xMin, y: -gapPoints }, { x: xMax, y: -gapPoints }],
    asLine: true,
    dashed: true,
  });
  if (cut !== null) {
    series.push({
      label: `Граница ШНСУ по региону: индекс ${formatNumber(cut)}`,
      color: '#a16207',
      data: [{ x: cut, y: yMin }, { x: cut, y: yMax }],
      asLine: true,
      dashed: true,
    });
  }
  const fired = points.filter((p) => p.fired).length;
  const right = cut === null ? 0 : points.filter((p) => p.school.social.index! >= cut).length;
  const missing = schools.length - points.length;
  const summary = [
    `Диаграмма рассеяния: ${pluralize(points.length, SCHOOLS)} по социальному индексу и наибольшему отставанию от среднего по муниципалитету среди оцениваемых предметов (по нему судит правило R1).`,
    `Ниже порога R1 (${gapText}), R1 сработало: ${pluralize(fired, SCHOOLS)}.`,
    cut === null ? 'Граница ШНСУ не определена.' : `Правее границы ШНСУ по региону (индекс ${formatNumber(cut)}): ${pluralize(right, SCHOOLS)}.`,
    missing > 0 ? `Без индекса или оценённых результатов ЕГЭ и ОГЭ, не показаны: ${pluralize(missing, SCHOOLS)}.` : '',
  ].filter(Boolean).join(' ');
  return {
    kind: 'scatter',
    summary,
    series,
    xTitle: 'Социальный индекс (больше — неблагополучнее)',
    yTitle: 'Наибольшее отставание от среднего по муниципалитету по оцениваемому предмету, баллов',
    height: 420,
  };
}
