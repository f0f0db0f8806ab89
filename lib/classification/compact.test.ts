import { describe, expect, it } from 'vitest';
import { classify, classifyLazily } from './classify';
import { demoContexts, demoResults, demoSchools, DEMO_YEAR } from './fixtures/demo-district';
import { DEFAULT_METHODOLOGY } from './methodology';
import { overviewOf } from './overview';
import { generateDataset } from './synthetic';

const WORDING = new Set(['sentence', 'reason', 'reasons', 'change', 'categorySentence']);

/** The result without its Russian wording: every decision, number, list and order stays. */
function withoutWording(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWording);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !WORDING.has(k)).map(([k, v]) => [k, withoutWording(v)]));
  }
  return value;
}

const synthetic = generateDataset({ municipalities: 6, schoolsPerMunicipality: 25, years: [2024, 2025, 2026], seed: 7 });
const inputs = [
  { name: 'hand-made district', input: { year: DEMO_YEAR, schools: demoSchools, results: demoResults, contexts: demoContexts, methodology: DEFAULT_METHODOLOGY } },
  { name: 'synthetic region', input: { year: 2026, ...synthetic, methodology: DEFAULT_METHODOLOGY } },
];

describe.each(inputs)('compact mode on the $name', ({ input }) => {
  const full = classify(input);
  const compact = classify(input, { explain: false });

  it('agrees with the full run on every decision, number, category, partner and digest', () => {
    expect(compact.inputDigest).toBe(full.inputDigest);
    expect(compact.counts).toEqual(full.counts);
    expect(withoutWording(compact.schools)).toEqual(withoutWording(full.schools));
  });

  it('leaves every sentence out', () => {
    for (const school of compact.schools) {
      expect(school.categorySentence).toBe('');
      expect(school.lowResults.sentence).toBe('');
      expect(school.rules.filter((r) => r.status !== 'insufficient_data').every((r) => r.sentence === '')).toBe(true);
      expect(school.partners.every((p) => p.reason === '')).toBe(true);
    }
    expect(full.schools.every((s) => s.categorySentence.length > 0)).toBe(true);
  });

  it('builds each overview (what a compact run stores) exactly as the overview of the full result', () => {
    const overviews = [...classifyLazily(input, { explain: false }).overviews()];
    expect(overviews).toEqual(full.schools.map(overviewOf));
    expect(new Set(overviews.map((o) => o.category)).size).toBeGreaterThan(2);
  });

  it('words one school alone exactly as the full run does (a compact run’s school card)', () => {
    const lowSchool = full.schools.find((s) => s.category === 'low_results' || s.category === 'both') ?? full.schools[0]!;
    const one = (id: string) => classifyLazily(input, { explain: (s) => s === id }).school(id);
    expect(one(lowSchool.schoolId)).toEqual(lowSchool);
    expect(one('нет такой школы')).toBeNull();
  });
});
