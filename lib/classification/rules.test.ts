import { describe, expect, it } from 'vitest';
import { context, dataset, ege, oge, school, vpr, withParams } from './fixtures/builders';
import { assessLowResults } from './low-results';
import { ruleR1, ruleR2, ruleR4, ruleR5 } from './rules';
import { ruleR3 } from './rule-vpr';

const A = school('a');
const B = school('b');
const C = school('c');

describe('R1: gap to the municipal mean', () => {
  it('does not fire at exactly 20 points and fires at 20.01', () => {
    const exact = dataset([A, B], [ege('a', 'mathematics_profile', 80), ege('b', 'mathematics_profile', 40)]);
    expect(ruleR1(exact, B, 2026).status).toBe('not_fired');
    const over = dataset([A, B], [ege('a', 'mathematics_profile', 80), ege('b', 'mathematics_profile', 39.98)]);
    const outcome = ruleR1(over, B, 2026);
    expect(outcome.status).toBe('fired');
    expect(outcome.value).toBe(39.98);
    expect(outcome.reference).toBeCloseTo(59.99, 9);
  });

  it('treats a gap of 20 that floating point computes as 20.000000000000004 as exactly 20', () => {
    const ds = dataset([A, B], [ege('a', 'mathematics_profile', 84.7), ege('b', 'mathematics_profile', 44.7)]);
    const outcome = ruleR1(ds, B, 2026);
    expect(Math.abs(outcome.reference! - outcome.value! - 20)).toBeLessThan(1e-9);
    expect(outcome.status).toBe('not_fired');
  });

  it('writes the explanation in Russian with ru-RU numbers and plurals', () => {
    const ds = dataset([A, B], [ege('a', 'mathematics_profile', 88.2), ege('b', 'mathematics_profile', 41.2)]);
    const outcome = ruleR1(ds, B, 2026);
    expect(outcome.status).toBe('fired');
    expect(outcome.sentence).toBe('Средний балл ЕГЭ по математике (профиль) — 41,2; это на 23,5 балла ниже среднего по муниципалитету (64,7); порог — 20 баллов.');
    expect(outcome.source).toContain('ГИА');
    expect(outcome.threshold).toBe(20);
  });

  it('judges 5 participants but not 4, and leaves small schools out of the municipal mean', () => {
    const four = dataset([A, B, C], [ege('a', 'russian', 70), ege('b', 'russian', 40, 4), ege('c', 'russian', 0, 4)]);
    expect(ruleR1(four, B, 2026).status).toBe('insufficient_data');
    expect(ruleR1(four, B, 2026).sentence).toContain('4 участника — меньше 5');
    expect(ruleR1(four, A, 2026).reference).toBe(70);
    const five = dataset([A, B], [ege('a', 'russian', 70, 5), ege('b', 'russian', 40, 5)]);
    expect(ruleR1(five, B, 2026).status).toBe('not_fired');
    expect(ruleR1(five, B, 2026).reference).toBe(55);
  });

  it('weights the municipal mean by participants and puts ОГЭ on a 0–100 scale', () => {
    const ds = dataset([A, B], [oge('a', 'mathematics', 31, 30), oge('b', 'mathematics', 15.5, 10)]);
    const outcome = ruleR1(ds, B, 2026);
    expect(outcome.value).toBeCloseTo(50, 9);
    expect(outcome.reference).toBeCloseTo((100 * 30 + 50 * 10) / 40, 9);
    expect(outcome.status).toBe('fired');
    expect(outcome.sentence).toContain('первичный балл 15,5 из 31');
  });

  it('is insufficient data when the year has no results, and ignores subjects not judged', () => {
    const ds = dataset([A, B], [ege('a', 'physics', 90), ege('b', 'physics', 20), ege('b', 'russian', 60, 20, 0, 2025)]);
    expect(ruleR1(ds, B, 2026).status).toBe('insufficient_data');
  });
});

describe('R2: below the minimum score', () => {
  it('fires on any participant below the ЕГЭ minimum by default', () => {
    expect(ruleR2(dataset([A], [ege('a', 'russian', 60, 20, 1)]), A, 2026).status).toBe('fired');
    expect(ruleR2(dataset([A], [ege('a', 'russian', 60, 20, 0)]), A, 2026).status).toBe('not_fired');
    expect(ruleR2(dataset([A], [ege('a', 'russian', 60, 20, 1)]), A, 2026).sentence).toContain('минимальный балл (24)');
  });

  it('fires at exactly the threshold share and not below it', () => {
    const m = withParams({ r2: { minSharePercent: 10 } });
    expect(ruleR2(dataset([A], [oge('a', 'mathematics', 15, 20, 2)], [], m), A, 2026).status).toBe('fired');
    expect(ruleR2(dataset([A], [oge('a', 'mathematics', 15, 20, 1)], [], m), A, 2026).status).toBe('not_fired');
  });

  it('falls back to the marks distribution and reports missing counts as insufficient data', () => {
    const withMarks = { ...oge('a', 'russian', 20, 10), belowMinimum: null, marks: { m2: 1, m3: 4, m4: 3, m5: 2 } };
    expect(ruleR2(dataset([A], [withMarks]), A, 2026).status).toBe('fired');
    const unknown = { ...oge('a', 'russian', 20, 10), belowMinimum: null };
    expect(ruleR2(dataset([A], [unknown]), A, 2026).status).toBe('insufficient_data');
  });
});

describe('R3: ВПР', () => {
  it('fires when exactly 30% got «2» in two procedures', () => {
    const ds = dataset([A], [vpr('a', 'russian', 5, 10, 3), vpr('a', 'mathematics', 5, 10, 3)]);
    expect(ruleR3(ds, A, 2026).status).toBe('fired');
  });

  it('does not fire with one procedure at 30% and another at 29%', () => {
    const ds = dataset([A], [vpr('a', 'russian', 5, 100, 30), vpr('a', 'mathematics', 5, 100, 29)]);
    const outcome = ruleR3(ds, A, 2026);
    expect(outcome.status).toBe('not_fired');
    expect(outcome.sentence).toContain('меньше 2');
  });

  it('fires for the same procedure two years running, but not when the previous year is missing', () => {
    const twoYears = dataset([A], [vpr('a', 'mathematics', 5, 20, 6, 2025), vpr('a', 'mathematics', 5, 20, 6)]);
    expect(ruleR3(twoYears, A, 2026).status).toBe('fired');
    expect(ruleR3(twoYears, A, 2026).sentence).toContain('два года подряд: математика, 5 класс');
    const oneYear = dataset([A], [vpr('a', 'mathematics', 5, 20, 6)]);
    expect(ruleR3(oneYear, A, 2026).status).toBe('not_fired');
    const otherGrade = dataset([A], [vpr('a', 'mathematics', 4, 20, 6, 2025), vpr('a', 'mathematics', 5, 20, 6)]);
    expect(ruleR3(otherGrade, A, 2026).status).toBe('not_fired');
  });

  it('does not judge procedures with fewer than 5 participants', () => {
    const ds = dataset([A], [vpr('a', 'russian', 5, 4, 4), vpr('a', 'mathematics', 5, 4, 4)]);
    expect(ruleR3(ds, A, 2026).status).toBe('insufficient_data');
  });
});

describe('R4 and R5: context', () => {
  it('R4 fires under 60% only', () => {
    const at = (share: number | null) => ruleR4(dataset([A], [], [context('a', { continuationShare9to10: share })]), A, 2026).status;
    expect(at(60)).toBe('not_fired');
    expect(at(59.9)).toBe('fired');
    expect(at(null)).toBe('insufficient_data');
  });

  it('R5 sums three years and says which years are missing', () => {
    const contexts = (olympiad: number) => [
      context('a', { pupils: 200, olympiadParticipants: 1 }, 2024),
      context('a', { pupils: 200, olympiadParticipants: 1 }, 2025),
      context('a', { pupils: 200, olympiadParticipants: olympiad }),
    ];
    expect(ruleR5(dataset([A], [], contexts(1)), A, 2026).status).toBe('not_fired'); // 3 of 600 = 0.5%
    expect(ruleR5(dataset([A], [], contexts(0)), A, 2026).status).toBe('fired');
    const gap = ruleR5(dataset([A], [], contexts(1).slice(1)), A, 2026);
    expect(gap.status).toBe('not_fired'); // 2 of 400 is exactly 0.5%
    expect(gap.sentence).toContain('нет данных за 2024 г.');
    // Pupils are counted per year, never added up over the years as if they were different people.
    const three = ruleR5(dataset([A], [], contexts(1)), A, 2026);
    expect(three.sentence).toContain('за 2024–2026 гг.: 2024 — 1 из 200 обучающихся; 2025 — 1 из 200 обучающихся; 2026 — 1 из 200 обучающихся.');
    expect(three.sentence).toContain('за эти годы — 0,5%');
    expect(three.sentence).not.toMatch(/из 600/);
    expect(ruleR5(dataset([A], [], []), A, 2026).status).toBe('insufficient_data');
  });
});

describe('ШНОР decision', () => {
  const base = [ege('a', 'russian', 90), ege('b', 'russian', 40)];
  const complete = (id: string, continuation: number) => context(id, { continuationShare9to10: continuation, pupils: 100, olympiadParticipants: 5 });

  it('is yes when the fired weights reach the threshold', () => {
    const ds = dataset([A, B], [...base, vpr('b', 'russian', 5, 10, 0)], [complete('a', 90), complete('b', 90)]);
    const low = assessLowResults(ds, B, 2026);
    expect(low.score).toBe(2);
    expect(low.decision).toBe('yes');
  });

  it('is no only when the rules without data could not reach the threshold either', () => {
    const full = dataset([A, B], [ege('a', 'russian', 60), ege('b', 'russian', 50), vpr('b', 'russian', 5, 10, 0)], [complete('b', 50)]);
    expect(assessLowResults(full, B, 2026)).toMatchObject({ score: 1, unknownWeight: 0, decision: 'no' });
    const noVpr = dataset([A, B], [ege('a', 'russian', 60), ege('b', 'russian', 50)], [complete('b', 50)]);
    expect(assessLowResults(noVpr, B, 2026)).toMatchObject({ score: 1, unknownWeight: 2, decision: 'insufficient_data' });
  });
});
