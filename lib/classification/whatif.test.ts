import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { DEMO_YEAR, demoContexts, demoResults, demoSchools } from './fixtures/demo-district';
import { withParams } from './fixtures/builders';
import { DEFAULT_METHODOLOGY } from './methodology';
import { generateDataset } from './synthetic';
import { compareRuns, whatIf } from './whatif';

const run = (methodology = DEFAULT_METHODOLOGY) =>
  classify({ year: DEMO_YEAR, schools: demoSchools, results: demoResults, contexts: demoContexts, methodology });

describe('what-if', () => {
  it('shows no change for the same methodology', () => {
    const diff = compareRuns(run(), run());
    expect(diff.unchanged).toBe(demoSchools.length);
    expect(diff.categoryChanges).toEqual([]);
  });

  it('lists who enters and leaves and why when thresholds change', () => {
    // R1 gap 25: s03 (gap 22) and s08 (gap 24.6) no longer fire R1. Threshold 3: s03 keeps R2 + R5 = 2 and
    // leaves; s08 keeps R2 + R3 + R4 + R5 = 5 and stays.
    const draft = run(withParams({ r1: { gapPoints: 25 }, lowResultsThreshold: 3 }));
    const diff = compareRuns(run(), draft);
    expect(diff.leaving.lowResults.map((c) => c.schoolId)).toEqual(['s03']);
    expect(diff.entering.lowResults).toEqual([]);
    expect(diff.leaving.lowResults[0]!.reasons[0]).toMatch(/^R1 \(отставание по ГИА\): сработало → не сработало\. Средний балл ЕГЭ/);
    expect(diff.leaving.lowResults[0]!.changedBy).toMatch(/^Решение изменило правило R1 \(отставание по ГИА\) — «Отставание от среднего балла по муниципалитету \(ЕГЭ, ОГЭ\)»: сработало → не сработало\.$/);
    expect(diff.categoryChanges.map((c) => [c.schoolId, c.before, c.after])).toEqual([['s03', 'ШНОР', 'Не относится к ШНОР и ШНСУ']]);
  });

  it('lists schools entering ШНСУ when the disadvantaged share grows', () => {
    const draft = run(withParams({ social: { disadvantagedFraction: 0.4 } }));
    const diff = compareRuns(run(), draft);
    expect(diff.entering.unfavourable.map((c) => c.schoolId)).toEqual(['s07']);
    expect(diff.entering.unfavourable[0]!.reasons[0]).toContain('Социальный индекс');
  });
});

describe('what-if on lazily built runs (what the preview computes)', () => {
  const synthetic = generateDataset({ municipalities: 4, schoolsPerMunicipality: 30, years: [2024, 2025, 2026], seed: 11 });
  const inputs = [
    { name: 'the hand-made district', input: { year: DEMO_YEAR, schools: demoSchools, results: demoResults, contexts: demoContexts, methodology: DEFAULT_METHODOLOGY } },
    { name: 'a synthetic region', input: { year: 2026, ...synthetic, methodology: DEFAULT_METHODOLOGY } },
    { name: 'one municipality of a synthetic region', input: { year: 2026, ...synthetic, methodology: DEFAULT_METHODOLOGY, municipalityId: synthetic.schools[0]!.municipalityId } },
  ];
  const drafts = [
    withParams({}),
    withParams({ r1: { gapPoints: 12 } }),
    withParams({ r1: { gapPoints: 25 }, lowResultsThreshold: 3 }),
    withParams({ social: { disadvantagedFraction: 0.4 } }),
    withParams({ clusters: { count: 4, disadvantagedClusters: 1 } }),
  ];

  it.each(inputs)('gives exactly the diff of the fully worded runs on $name', ({ input }) => {
    for (const draft of drafts) {
      const expected = compareRuns(classify(input), classify({ ...input, methodology: draft }));
      const { diff, active, draft: drafted } = whatIf(input, draft);
      expect(diff).toEqual(expected);
      expect(active.counts).toEqual(classify(input).counts);
      expect(drafted.counts).toEqual(classify({ ...input, methodology: draft }).counts);
    }
  });

  it('finds changes in the synthetic region at all (the comparison above is not vacuous)', () => {
    const { diff } = whatIf(inputs[1]!.input, drafts[1]!);
    expect(diff.entering.lowResults.length + diff.categoryChanges.length).toBeGreaterThan(0);
  });
});
