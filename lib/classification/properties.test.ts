import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { buildDataset, compareResults, readByRules, readsMarks, type ClassificationInput } from './dataset';
import { exitPlan } from './exit';
import { assessLowResults } from './low-results';
import { inputDigest } from './digest';
import { DEFAULT_METHODOLOGY } from './methodology';
import { ruleR1 } from './rules';
import { generateDataset, seededRandom } from './synthetic';

const data = generateDataset({ municipalities: 3, schoolsPerMunicipality: 8, years: [2024, 2025, 2026], seed: 7 });
const input: ClassificationInput = { year: 2026, ...data, methodology: DEFAULT_METHODOLOGY };
const baseline = classify(input);

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('properties of a run', () => {
  it('the synthetic data exercises the rules (otherwise the properties below prove little)', () => {
    expect(baseline.counts.low_results + baseline.counts.both).toBeGreaterThan(0);
    expect(baseline.counts.none).toBeGreaterThan(0);
    expect(baseline.schools.some((s) => s.rules[0]!.status === 'fired')).toBe(true);
  });

  it('shuffling schools, results and contexts never changes the result', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const again = classify({
          ...input,
          schools: shuffled(input.schools, seed),
          results: shuffled(input.results, seed + 1),
          contexts: shuffled(input.contexts, seed + 2),
        });
        expect(again).toEqual(baseline);
      }),
      { numRuns: 15 },
    );
  });

  it('lowering a school’s mean never clears its R1 flag', () => {
    const judged = input.results
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.year === 2026 && (row.exam === 'EGE' || row.exam === 'OGE') && row.meanScore !== null);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: judged.length - 1 }), fc.double({ min: 0.01, max: 40, noNaN: true }), (pick, drop) => {
        const { row, index } = judged[pick]!;
        const school = input.schools.find((s) => s.id === row.schoolId)!;
        const before = ruleR1(buildDataset(input), school, 2026);
        const results = [...input.results];
        results[index] = { ...row, meanScore: Math.max(0, row.meanScore! - drop) };
        const after = ruleR1(buildDataset({ ...input, results }), school, 2026);
        if (before.status === 'fired') expect(after.status).toBe('fired');
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same input gives the same result and digest', () => {
    expect(classify(input)).toEqual(baseline);
    expect(inputDigest(input)).toBe(baseline.inputDigest);
    expect(baseline.inputDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the digest changes with any value or methodology parameter, not with row order', () => {
    const changed = [...input.results];
    changed[0] = { ...changed[0]!, participants: changed[0]!.participants + 1 };
    expect(inputDigest({ ...input, results: changed })).not.toBe(baseline.inputDigest);
    const methodology = { ...DEFAULT_METHODOLOGY, r1: { gapPoints: 21 } };
    expect(inputDigest({ ...input, methodology })).not.toBe(baseline.inputDigest);
    expect(inputDigest({ ...input, results: shuffled(input.results, 3) })).toBe(baseline.inputDigest);
  });

  it('rows no rule reads change neither the result nor the digest, so the loader may leave them out', () => {
    const read = input.results.filter((r) => readByRules(DEFAULT_METHODOLOGY, 2026, r));
    const unread = input.results.filter((r) => !readByRules(DEFAULT_METHODOLOGY, 2026, r));
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.every((r) => r.year < 2026 && r.exam !== 'VPR')).toBe(true);
    expect(classify({ ...input, results: read })).toEqual(baseline);
    const later = input.results.filter((r) => r.year === 2026).map((r) => ({ ...r, year: 2027, meanScore: 1 }));
    fc.assert(
      fc.property(fc.subarray([...unread, ...later]), (extra) => {
        expect(inputDigest({ ...input, results: [...read, ...extra] })).toBe(baseline.inputDigest);
      }),
      { numRuns: 20 },
    );
  });

  it('no rule reads those rows: slipped into the dataset with absurd values, they change no assessment', () => {
    const read = input.results.filter((r) => readByRules(DEFAULT_METHODOLOGY, 2026, r));
    const unread = input.results.filter((r) => !readByRules(DEFAULT_METHODOLOGY, 2026, r));
    const clean = buildDataset({ ...input, results: read });
    const tampered = buildDataset({ ...input, results: read });
    // Around the filter, as a dataset without it would hold them: each in its school's rows of its year.
    for (const row of unread) {
      const rows = tampered.results.get(row.schoolId)!.get(row.year)!;
      rows.push({ ...row, meanScore: 0, participants: 999, belowMinimum: 999 });
      rows.sort(compareResults);
    }
    for (const school of clean.schools) {
      for (const year of [2024, 2025, 2026]) {
        const before = assessLowResults(clean, school, year);
        const after = assessLowResults(tampered, school, year);
        expect(after).toEqual(before);
        expect(exitPlan(tampered, school, after, true)).toEqual(exitPlan(clean, school, before, true));
      }
    }
  });

  it('marks no rule reads and high scorers change neither the result nor the digest; marks that are read do', () => {
    const unreadMarks = input.results.map((r, i) => (i % 2 === 0 && !readsMarks(2026, r) ? { ...r, marks: r.marks ? null : { m2: 1, m3: 1, m4: 1, m5: 1 } } : r));
    const scorers = unreadMarks.map((r, i) => ({ ...r, highScorers: i % 3 }));
    expect(input.results.filter((r, i) => unreadMarks[i] !== r).length).toBeGreaterThan(100);
    expect(classify({ ...input, results: scorers })).toEqual(baseline);
    expect(inputDigest({ ...input, results: scorers })).toBe(baseline.inputDigest);
    // A ВПР row of the classified year: its marks feed the rating.
    const rated = input.results.findIndex((r) => r.exam === 'VPR' && r.year === 2026 && r.marks && r.participants >= 5);
    expect(readsMarks(2026, input.results[rated]!)).toBe(true);
    const changed = input.results.map((r, i) => (i === rated ? { ...r, marks: { ...r.marks!, m4: r.marks!.m4 + 1, m3: r.marks!.m3 - 1 } } : r));
    expect(inputDigest({ ...input, results: changed })).not.toBe(baseline.inputDigest);
    expect(classify({ ...input, results: changed }).ratings).not.toEqual(baseline.ratings);
  });
});
