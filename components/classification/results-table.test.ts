import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/classification/classify';
import { demoContexts, demoResults, demoSchools, DEMO_YEAR } from '@/lib/classification/fixtures/demo-district';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import { overviewOf } from '@/lib/classification/overview';
import { resultRows } from './results-table';

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
});
