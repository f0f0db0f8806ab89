import { describe, expect, it } from 'vitest';
import { school } from './fixtures/builders';
import { DEFAULT_METHODOLOGY } from './methodology';
import { municipalRatings, ratingScore } from './rating';

describe('municipal rating', () => {
  it('weights the exams a school has and redistributes missing weights', () => {
    expect(ratingScore(DEFAULT_METHODOLOGY, { EGE: 70, OGE: 60, VPR: 50 })).toBeCloseTo(0.4 * 70 + 0.4 * 60 + 0.2 * 50, 12);
    expect(ratingScore(DEFAULT_METHODOLOGY, { OGE: 60, VPR: 30 })).toBeCloseTo((0.4 * 60 + 0.2 * 30) / 0.6, 12);
    expect(ratingScore(DEFAULT_METHODOLOGY, {})).toBeNull();
  });

  it('shows ties as a shared rank and lists schools without data apart', () => {
    const inputs = [
      { school: school('a'), ratingByExam: { EGE: 80 } },
      { school: school('b'), ratingByExam: { EGE: 70.01 } },
      { school: school('c'), ratingByExam: { EGE: 70.04 } },
      { school: school('d'), ratingByExam: { EGE: 60 } },
      { school: school('e'), ratingByExam: {} },
      { school: school('f', 'm2'), ratingByExam: { OGE: 10 } },
    ];
    const [m1, m2] = municipalRatings(DEFAULT_METHODOLOGY, inputs);
    expect(m1!.ranked.map((e) => [e.schoolId, e.rankLabel])).toEqual([['a', '1'], ['b', '2–3'], ['c', '2–3'], ['d', '4']]);
    expect(m1!.insufficientData.map((e) => e.schoolId)).toEqual(['e']);
    expect(m2!.ranked.map((e) => e.rank)).toEqual([1]);
    expect(m1!.formula).toContain('0,4 × ЕГЭ + 0,4 × ОГЭ + 0,2 × ВПР');
  });
});
