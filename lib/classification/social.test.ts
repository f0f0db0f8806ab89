import { describe, expect, it } from 'vitest';
import { context, dataset, school, withParams } from './fixtures/builders';
import type { Dataset } from './dataset';
import { socialModel } from './social';

/** Every school's assessment against the region's model, by school id. */
function assessSocial(data: Dataset, year: number) {
  const model = socialModel(data, year);
  return { bySchool: new Map(data.schools.map((s) => [s.id, model.assess(s.id, true)])), summary: model.summary };
}

const only = (variables: Array<{ variable: 'shareLowIncome' | 'shareParentsHigherEd' | 'distanceKm'; sign: 1 | -1; weight: number }>) =>
  withParams({ social: { variables, disadvantagedFraction: 0.25 } });

describe('social index, ШНСУ and clusters', () => {
  it('standardises within the region, signs so that higher is worse, and weights', () => {
    const schools = ['a', 'b', 'c', 'd'].map((id) => school(id));
    const contexts = [10, 20, 30, 40].map((v, i) => context(schools[i]!.id, { shareLowIncome: v, shareParentsHigherEd: v }));
    const m = only([{ variable: 'shareLowIncome', sign: 1, weight: 3 }, { variable: 'shareParentsHigherEd', sign: -1, weight: 1 }]);
    const { bySchool } = assessSocial(dataset(schools, [], contexts, m), 2026);
    const sd = Math.sqrt(125); // population sd of 10, 20, 30, 40
    expect(bySchool.get('a')!.index).toBeCloseTo((3 * (-15 / sd) + 1 * (15 / sd)) / 4, 12);
    expect(bySchool.get('d')!.contributions.map((c) => c.z)).toEqual([15 / sd, -15 / sd]);
  });

  it('gives no index with fewer than half of the variables, but hard factors still count', () => {
    const m = only([
      { variable: 'shareLowIncome', sign: 1, weight: 1 },
      { variable: 'shareParentsHigherEd', sign: -1, weight: 1 },
      { variable: 'distanceKm', sign: 1, weight: 1 },
    ]);
    const schools = [school('a'), school('b'), school('c')];
    const contexts = [
      context('a', { shareLowIncome: 10, shareParentsHigherEd: 50, distanceKm: 5 }),
      context('b', { distanceKm: 60, teacherVacancyShare: 11 }),
      context('c', { distanceKm: 70 }),
    ];
    const { bySchool } = assessSocial(dataset(schools, [], contexts, m), 2026);
    expect(bySchool.get('b')!.index).toBeNull();
    expect(bySchool.get('b')!.shnsu).toBe('yes');
    expect(bySchool.get('c')!.shnsu).toBe('insufficient_data');
    expect(bySchool.get('c')!.shnsuReasons[0]).toContain('1 из 3 переменных');
  });

  it('takes the top quarter (ties included) and splits clusters by quantiles, cluster 5 most disadvantaged', () => {
    const m = only([{ variable: 'shareLowIncome', sign: 1, weight: 1 }]);
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 8, 8];
    const schools = values.map((_, i) => school(`s${i}`));
    const contexts = values.map((v, i) => context(`s${i}`, { shareLowIncome: v }));
    const { bySchool, summary } = assessSocial(dataset(schools, [], contexts, m), 2026);
    const ids = (pred: (id: string) => boolean) => schools.map((s) => s.id).filter(pred);
    expect(ids((id) => bySchool.get(id)!.shnsu === 'yes')).toEqual(['s7', 's8', 's9']);
    expect(schools.map((s) => bySchool.get(s.id)!.cluster)).toEqual([1, 1, 2, 2, 3, 3, 4, 5, 5, 5]);
    expect(summary.schoolsWithIndex).toBe(10);
  });

  it('counts hard factors strictly: 50 km and 10% vacancies are not hard factors, 1 Mbit/s is not slow', () => {
    const schools = [school('a'), school('b')];
    const contexts = [
      context('a', { distanceKm: 50, teacherVacancyShare: 10, internetMbps: 1 }),
      context('b', { distanceKm: 50.1, teacherVacancyShare: 10.1, internetMbps: 0.9 }),
    ];
    const { bySchool } = assessSocial(dataset(schools, [], contexts), 2026);
    expect(bySchool.get('a')!.hardFactors.map((f) => f.applies)).toEqual([false, false, false]);
    expect(bySchool.get('b')!.hardFactors.map((f) => f.applies)).toEqual([true, true, true]);
  });
});
