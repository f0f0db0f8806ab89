import { describe, expect, it } from 'vitest';
import { resultFigures, type ResultRow } from './figures';
import { listMovements } from './movements';

const row = (schoolId: string, municipalityId: string, cluster: number, participants: number, meanScore: number): ResultRow => ({
  schoolId, municipalityId, cluster, year: 2025, exam: 'EGE', subject: 'russian', participants, meanScore, maxScore: null,
});

describe('public result figures', () => {
  it('hides a small school and, because the municipal mean is published, a second school of the municipality', () => {
    const f = resultFigures([row('a', 'm', 1, 6, 40), row('b', 'm', 2, 25, 70), row('c', 'm', 3, 30, 65), row('d', 'n', 1, 40, 60), row('e', 'n', 2, 45, 62)]);
    expect(f.school.get('a')).toEqual({ shown: false, reason: 'small_group' });
    expect(f.participants.get('a')).toEqual({ shown: false, reason: 'small_group' });
    // Neither the municipal relation (m = a + b + c) nor the cluster one (1 = a + d) may leave «a» alone hidden.
    const hidden = (v: { shown: boolean } | undefined) => (v && !v.shown ? 1 : 0);
    expect(hidden(f.school.get('b')) + hidden(f.school.get('c')) + hidden(f.municipality.get('m'))).toBeGreaterThanOrEqual(1);
    expect(hidden(f.school.get('d')) + hidden(f.cluster.get(1))).toBeGreaterThanOrEqual(1);
    // What is published is the true figure: the municipal mean weighted by participants.
    const m = f.municipality.get('n')!;
    if (m.shown) expect(m.value).toBeCloseTo((40 * 60 + 45 * 62) / 85, 6);
  });

  it('publishes everything when every school has ten participants or more', () => {
    const f = resultFigures([row('a', 'm', 1, 10, 40), row('b', 'm', 1, 12, 70)]);
    expect([...f.school.values()].every((v) => v.shown)).toBe(true);
    expect(f.municipality.get('m')).toEqual({ shown: true, value: (400 + 840) / 22 });
  });
});

describe('entering and leaving the programme', () => {
  it('counts the schools in the programme each year and the changes from the year before', () => {
    expect(listMovements([
      { schoolId: 'a', year: 2024, category: 'low_results' },
      { schoolId: 'b', year: 2024, category: 'none' },
      { schoolId: 'a', year: 2025, category: 'none' },
      { schoolId: 'b', year: 2025, category: 'unfavourable' },
      { schoolId: 'c', year: 2025, category: 'both' },
    ])).toEqual([
      { year: 2024, inProgramme: 1, entered: 1, left: 0 },
      { year: 2025, inProgramme: 2, entered: 2, left: 1 },
    ]);
  });
});

describe('result figures do not depend on row order', () => {
  it('gives the same decisions for the same rows in any order', () => {
    const rows = [row('a', 'm', 1, 6, 40), row('b', 'm', 2, 25, 70), row('c', 'm', 3, 30, 65), row('d', 'n', 1, 40, 60), row('e', 'n', 2, 45, 62)];
    const key = (f: ReturnType<typeof resultFigures>) => JSON.stringify([[...f.school].sort(), [...f.municipality].sort(), [...f.cluster].sort()]);
    expect(key(resultFigures([...rows].reverse()))).toBe(key(resultFigures(rows)));
    expect(key(resultFigures([rows[2]!, rows[0]!, rows[4]!, rows[1]!, rows[3]!]))).toBe(key(resultFigures(rows)));
    // Two equal candidates for the complementary cell: the choice must not follow the order of the rows.
    const tie = [{ ...row('a', 'm', 0, 6, 40), cluster: null }, { ...row('b', 'm', 0, 20, 70), cluster: null }, { ...row('c', 'm', 0, 20, 65), cluster: null }];
    expect(key(resultFigures([tie[0]!, tie[2]!, tie[1]!]))).toBe(key(resultFigures(tie)));
  });
});
