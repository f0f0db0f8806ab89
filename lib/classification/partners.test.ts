import { describe, expect, it } from 'vitest';
import { school } from './fixtures/builders';
import { partnerMatcher, type PartnerProfile } from './partners';

function profile(id: string, municipalityId: string, cluster: number | null, distanceKm: number | null, ege: number | undefined, isLowResults = false): PartnerProfile {
  return { school: school(id, municipalityId), cluster, distanceKm, isLowResults, judgedByExam: ege === undefined ? {} : { EGE: ege } };
}

const weak = Array.from({ length: 6 }, (_, i) => profile(`w${i}`, 'm1', 3, 10, 50));
const target = profile('t', 'm1', 3, 30, 40, true);

describe('partner matching', () => {
  it('prefers the same municipality, then the same cluster, then similar remoteness; skips ШНОР and far clusters', () => {
    const profiles = [
      target,
      ...weak,
      profile('p1', 'm1', 3, 5, 90),
      profile('p2', 'm1', 5, 30, 90),
      profile('p3', 'm2', 3, 29, 90),
      profile('p4', 'm2', 4, 31, 90),
      profile('p5', 'm3', 3, 60, 90),
      profile('p6', 'm1', 3, 30, 90, true),
    ];
    const suggest = partnerMatcher(profiles, 0.25, 3);
    const partners = suggest(target);
    expect(partners.map((p) => p.schoolId)).toEqual(['p1', 'p3', 'p5']);
    expect(partners[0]!.sameMunicipality).toBe(true);
    expect(partners[1]!.reason).toBe('Другой муниципалитет (m2); та же социальная группа (кластер 3); высокие результаты: ЕГЭ — 90 (лучшая четверть региона); удалённость от центра 29 км (у школы — 30 км).');
  });

  it('only suggests schools in the top quarter on an exam the school takes', () => {
    const ogeOnly: PartnerProfile = { ...profile('o', 'm1', 3, 30, undefined), judgedByExam: { OGE: 99 } };
    // ЕГЭ: eight schools, top quarter = 2 → cut 50, so every «w» (50, ties included) is strong and p1 (45) is not.
    const profiles = [target, ...weak, profile('p1', 'm1', 3, 5, 45), ogeOnly];
    const ids = partnerMatcher(profiles, 0.25, 3)(target).map((p) => p.schoolId);
    expect(ids).toEqual(['w0', 'w1', 'w2']);
    // The ОГЭ-only school is the strongest of all but shares no exam with the target.
    expect(partnerMatcher([target, ogeOnly], 0.25, 3)(target)).toEqual([]);
  });

  it('finds the nearest schools of other municipalities among many without scanning them all in order', () => {
    const many = Array.from({ length: 500 }, (_, i) => profile(`x${String(i).padStart(3, '0')}`, `m${(i % 50) + 2}`, 3, i, 95));
    const suggest = partnerMatcher([target, ...weak, ...many], 0.25, 3);
    expect(suggest(target).map((p) => p.schoolId)).toEqual(['x030', 'x029', 'x031']);
  });
});
