import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { RUN_EXPORT_COLUMNS, runExportFileName, runExportRows } from './export-rows';
import { demoContexts, demoResults, demoSchools, DEMO_YEAR } from './fixtures/demo-district';
import { DEFAULT_METHODOLOGY } from './methodology';

const run = classify({ year: DEMO_YEAR, schools: demoSchools, results: demoResults, contexts: demoContexts, methodology: DEFAULT_METHODOLOGY });
const names = new Map([[demoSchools[0]!.municipalityId, 'Демонстрационный район']]);
const rows = runExportRows(run.schools, names);

describe('classification run export rows', () => {
  it('has one row per school in the run order, with every column', () => {
    expect(rows.map((r) => r.school)).toEqual(run.schools.map((s) => s.name));
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(RUN_EXPORT_COLUMNS.map((c) => c.key).sort());
  });

  it('writes decisions and categories in Russian and keeps numbers as numbers', () => {
    const low = run.schools.findIndex((s) => s.category === 'low_results');
    expect(rows[low]).toMatchObject({ category: 'ШНОР', lowResults: 'да', municipality: 'Демонстрационный район', threshold: DEFAULT_METHODOLOGY.lowResultsThreshold });
    expect(rows[low]!.firedRules).toBe(run.schools[low]!.rules.filter((r) => r.status === 'fired').map((r) => r.rule).join(', '));
    expect(typeof rows[low]!.score).toBe('number');
    const unrated = run.schools.findIndex((s) => s.rating === null); // the district's school without results
    expect(rows[unrated]).toMatchObject({ rank: 'недостаточно данных', ratingScore: null });
    const rated = run.schools.findIndex((s) => s.rating !== null);
    expect(rows[rated]!.rank).toBe(run.schools[rated]!.rating!.rankLabel);
  });

  it('names the file by year, methodology and version, without characters file systems refuse', () => {
    expect(runExportFileName(2026, 'Методика: 2026/27', 3, 'xlsx')).toBe('Классификация школ 2026 — Методика 2026 27, версия 3.xlsx');
  });
});
