import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/classification/classify';
import { DEMO_YEAR, demoContexts, demoResults, demoSchools } from '@/lib/classification/fixtures/demo-district';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import type { ChartPoint } from '@/components/ui/Chart';
import { r1JudgedGap, runScatter } from './scatter';

const result = classify({ year: DEMO_YEAR, schools: demoSchools, results: demoResults, contexts: demoContexts, methodology: DEFAULT_METHODOLOGY });
const gapPoints = DEFAULT_METHODOLOGY.r1.gapPoints;

describe('run scatter', () => {
  const spec = runScatter(result.schools, gapPoints, result.social.disadvantagedCut);
  const points = (label: string) => spec.series.find((s) => s.label.startsWith(label))!.data as ChartPoint[];

  it('draws one series per cluster with every school that has an index and an R1 judgement', () => {
    const clusters = spec.series.filter((s) => s.label.startsWith('Кластер'));
    expect(clusters.map((s) => s.label)).toEqual(['Кластер 1', 'Кластер 2', 'Кластер 3', 'Кластер 4', 'Кластер 5']);
    const plotted = result.schools.filter((s) => s.social.index !== null && r1JudgedGap(s) !== null);
    expect(clusters.reduce((n, s) => n + s.data.length, 0)).toBe(plotted.length);
    for (const s of clusters) expect(s.pointLabels).toHaveLength(s.data.length);
  });

  it('plots what R1 judges: every school with R1 fired lies below the line, every other judged school on or above it', () => {
    const clusters = spec.series.filter((s) => s.label.startsWith('Кластер'));
    const byName = new Map(result.schools.map((s) => [s.name, s]));
    let fired = 0;
    for (const series of clusters) {
      (series.data as ChartPoint[]).forEach((point, i) => {
        const school = byName.get(series.pointLabels![i]!)!;
        const r1 = school.rules.find((r) => r.rule === 'R1')!;
        if (r1.status === 'fired') {
          fired += 1;
          expect(point.y, school.name).toBeLessThan(-gapPoints);
        } else {
          expect(point.y, school.name).toBeGreaterThanOrEqual(-gapPoints);
        }
      });
    }
    expect(fired).toBe(result.schools.filter((s) => s.rules[0]!.status === 'fired').length);
    expect(fired).toBeGreaterThan(0);
  });

  it('keeps every school on its side of the line for any threshold (the average gap did not)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 40, noNaN: true }), (threshold) => {
        const methodology = { ...DEFAULT_METHODOLOGY, r1: { ...DEFAULT_METHODOLOGY.r1, gapPoints: threshold } };
        const run = classify({ year: DEMO_YEAR, schools: demoSchools, results: demoResults, contexts: demoContexts, methodology });
        const chart = runScatter(run.schools, threshold, run.social.disadvantagedCut);
        const byName = new Map(run.schools.map((s) => [s.name, s]));
        for (const series of chart.series.filter((s) => s.label.startsWith('Кластер'))) {
          (series.data as ChartPoint[]).forEach((point, i) => {
            const firedR1 = byName.get(series.pointLabels![i]!)!.rules[0]!.status === 'fired';
            if (firedR1) expect(point.y).toBeLessThan(-threshold);
            else expect(point.y).toBeGreaterThanOrEqual(-threshold);
          });
        }
      }),
      { numRuns: 12 },
    );
  });

  it('says in the legend what the line judges', () => {
    expect(points('Порог R1').map((p) => p.y)).toEqual([-gapPoints, -gapPoints]);
    expect(spec.series.find((s) => s.label.startsWith('Порог R1'))!.label).toMatch(/по предмету с наибольшим отставанием/);
    expect(spec.yTitle).toMatch(/Наибольшее отставание/);
  });

  it('draws the run’s ШНСУ boundary, not one recomputed from the rows the viewer sees', () => {
    // s08, s09 and s10 are the disadvantaged quarter (worked out in demo-district.test.ts): the cut is s08's index.
    const s08 = result.schools.find((s) => s.schoolId === 's08')!;
    expect(result.social.disadvantagedCut).toBe(s08.social.index);
    expect(points('Граница ШНСУ').map((p) => p.x)).toEqual([s08.social.index, s08.social.index]);
    // One school seen alone (a school user): the boundary stays the region's.
    const alone = runScatter([result.schools.find((s) => s.schoolId === 's01')!], gapPoints, result.social.disadvantagedCut);
    const line = alone.series.find((s) => s.label.startsWith('Граница ШНСУ'))!.data as ChartPoint[];
    expect(line.map((p) => p.x)).toEqual([s08.social.index, s08.social.index]);
  });

  it('says in words what the picture shows', () => {
    expect(spec.summary).toMatch(/правее границы ШНСУ по региону \(индекс [\d,−-]+\): 3 школы/i);
    expect(spec.summary).toMatch(/R1 сработало: \d+ школ/);
  });
});
