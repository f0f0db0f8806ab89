import { describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '@/lib/demo/data';
import { classify } from './classify';
import { demoClassificationData, DEMO_YEAR } from './demo-data';
import { DEFAULT_METHODOLOGY } from './methodology';

describe('demo classification data', () => {
  const data = demoClassificationData();
  const schools = DEMO_SCHOOLS.map((s) => ({ id: s.key, name: s.shortName, municipalityId: s.municipalityKey }));
  const result = classify({ year: DEMO_YEAR, schools, results: data.results, contexts: data.contexts, methodology: DEFAULT_METHODOLOGY });

  it('gives every demo school three years of data', () => {
    for (const s of DEMO_SCHOOLS) expect(data.contexts.filter((c) => c.schoolId === s.key)).toHaveLength(3);
    expect(new Set(data.results.map((r) => r.schoolId)).size).toBeGreaterThanOrEqual(DEMO_SCHOOLS.length - 2);
  });

  it('shows every category in a region-wide run of the latest year', () => {
    for (const category of Object.keys(result.counts)) expect(result.counts[category as keyof typeof result.counts], category).toBeGreaterThan(0);
  });
});
