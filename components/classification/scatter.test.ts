import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/classification/classify';
import { DEMO_YEAR, demoContexts, demoResults, demoSchools } from '@/lib/classification/fixtures/demo-district';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import type { ChartPoint } from '@/components/ui/Chart';
import { disadvantagedCut, runScatter } from './scatter';

const result = classify({ year: DEMO_YEAR, schools: demoSchools, results: demoResults, contexts: demoContexts, methodology: DEFAULT_METHODOLOGY });

describe('run scatter', () => {
  const spec = runScatter(result.schools, 20);
  const points = (label: string) => spec.series.find((s) => s.label.startsWith(label))!.data as ChartPoint[];

  it('draws one series per cluster with every school that has an index and results', () => {
    const clusters = spec.series.filter((s) => s.label.startsWith('Кластер'));
    expect(clusters.map((s) => s.label)).toEqual(['Кластер 1', 'Кластер 2', 'Кластер 3', 'Кластер 4', 'Кластер 5']);
    const plotted = result.schools.filter((s) => s.social.index !== null && s.results.municipalGap !== null);
    expect(clusters.reduce((n, s) => n + s.data.length, 0)).toBe(plotted.length);
    for (const s of clusters) expect(s.pointLabels).toHaveLength(s.data.length);
  });

  it('draws the R1 threshold as a horizontal line and the ШНСУ cut as a vertical one', () => {
    const r1 = points('Порог R1');
    expect(r1.map((p) => p.y)).toEqual([-20, -20]);
    // s08, s09 and s10 are the disadvantaged quarter (worked out in demo-district.test.ts): the cut is s08's index.
    const s08 = result.schools.find((s) => s.schoolId === 's08')!;
    expect(disadvantagedCut(result.schools)).toBe(s08.social.index);
    const cut = points('Граница ШНСУ');
    expect(cut.map((p) => p.x)).toEqual([s08.social.index, s08.social.index]);
    expect(cut[0]!.y).toBeLessThan(-20);
  });

  it('says in words what the picture shows', () => {
    expect(spec.summary).toContain('Правее границы ШНСУ');
    expect(spec.summary).toMatch(/правее границы ШНСУ \(индекс [\d,−-]+\): 3 школы/i);
  });
});
