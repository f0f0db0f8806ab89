import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/classification/classify';
import { demoContexts, demoResults, demoSchools, DEMO_YEAR } from '@/lib/classification/fixtures/demo-district';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import { overviewOf } from '@/lib/classification/overview';
import { runExportRows } from '@/lib/classification/export-rows';
import { MEASURE_DIGITS } from '@/lib/classification/format';
import { formatNumber } from '@/lib/format/ru';
import { RESULT_COLUMNS, resultRows } from './results-table';

describe('the results table of a run', () => {
  const run = classify({ year: DEMO_YEAR, schools: demoSchools, results: demoResults, contexts: demoContexts, methodology: DEFAULT_METHODOLOGY });
  const overviews = run.schools.map(overviewOf);

  it('lists schools by municipality, then by name in Russian order with numbers in numeric order', () => {
    const names = new Map([['m-a', 'Яблоновский район'], ['m-b', 'Берёзовский район']]);
    const renamed = overviews.map((s, i) => ({ ...s, municipalityId: i % 3 === 0 ? 'm-a' : 'm-b', name: ['Школа № 11', 'Школа № 2', 'Ёлкинская школа', 'Гимназия'][i % 4]! }));
    const rows = resultRows('run', [...renamed].reverse(), names);
    const keys = rows.map((r) => `${String(r.municipality)}|${String(r.name)}`);
    const expected = [...keys].sort((a, b) => {
      const [ma, na] = a.split('|') as [string, string];
      const [mb, nb] = b.split('|') as [string, string];
      const rank = (m: string) => (m === 'Берёзовский район' ? 0 : 1);
      const nameRank = (n: string) => ['Гимназия', 'Ёлкинская школа', 'Школа № 2', 'Школа № 11'].indexOf(n);
      return rank(ma) - rank(mb) || nameRank(na) - nameRank(nb);
    });
    expect(keys).toEqual(expected);
    expect(new Set(rows.map((r) => r.municipality)).size).toBe(2);
    expect(rows.length).toBe(overviews.length);
  });

  it('shows each measure with one precision, the same as the export: the social index in hundredths, the gap in tenths', () => {
    const names = new Map(overviews.map((s) => [s.municipalityId, 'Берёзовский район']));
    const rows = resultRows('run', overviews, names);
    const exported = runExportRows(overviews, names);
    const column = (key: string) => RESULT_COLUMNS.find((c) => c.key === key)!;
    expect(column('index').fractionDigits).toBe(MEASURE_DIGITS.socialIndex);
    expect(column('gap').fractionDigits).toBe(MEASURE_DIGITS.gap);
    expect(rows.map((r) => r.index)).toEqual(exported.map((r) => r.index));
    expect(rows.map((r) => r.gap)).toEqual(exported.map((r) => r.gap));
    const indices = rows.map((r) => r.index).filter((v): v is number => typeof v === 'number');
    expect(indices.length).toBeGreaterThan(0);
    for (const value of indices) expect(formatNumber(value, 2)).toMatch(/^−?\d+,\d{2}$/);
    expect(indices.some((v) => Math.round(v * 10) !== v * 10)).toBe(true);
  });
});
