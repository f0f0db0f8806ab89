import { describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '@/lib/demo/data';
import { classify } from './classify';
import { demoClassificationData, DEMO_YEAR } from './demo-data';
import { demoSchools } from './fixtures/demo-district';
import { DEFAULT_METHODOLOGY } from './methodology';
import { schoolLevel } from './school-level';

describe('demo classification data', () => {
  const data = demoClassificationData();
  const schools = DEMO_SCHOOLS.map((s) => ({ id: s.key, name: s.shortName, municipalityId: s.municipalityKey }));
  const result = classify({ year: DEMO_YEAR, schools, results: data.results, contexts: data.contexts, methodology: DEFAULT_METHODOLOGY });
  const byKey = new Map(DEMO_SCHOOLS.map((s) => [s.key, s]));
  const level = (key: string) => schoolLevel(byKey.get(key)!.shortName);

  it('gives every demo school three years of data', () => {
    for (const s of DEMO_SCHOOLS) expect(data.contexts.filter((c) => c.schoolId === s.key)).toHaveLength(3);
    expect(new Set(data.results.map((r) => r.schoolId)).size).toBe(DEMO_SCHOOLS.length);
  });

  it('shows every category in a region-wide run of the latest year', () => {
    for (const category of Object.keys(result.counts)) expect(result.counts[category as keyof typeof result.counts], category).toBeGreaterThan(0);
  });

  it('lets the school’s level decide its exams: no ЕГЭ without grade 11, no ОГЭ without grade 9, ВПР in taught grades', () => {
    const basicOrPrimary = DEMO_SCHOOLS.filter((s) => schoolLevel(s.shortName) !== 'secondary');
    expect(basicOrPrimary.length).toBeGreaterThanOrEqual(5);
    for (const r of data.results) {
      if (level(r.schoolId) !== 'secondary') expect(r.exam, `${r.schoolId} ${r.exam}`).not.toBe('EGE');
      if (level(r.schoolId) === 'primary') {
        expect(r.exam, r.schoolId).toBe('VPR');
        expect(r.grade, r.schoolId).toBeLessThanOrEqual(4);
      }
    }
    // The hand-made district's ООШ lands on an ООШ of the demo district.
    const fixtureLevels = demoSchools.map((s) => schoolLevel(s.name));
    expect(data.districtKeys.map(level)).toEqual(fixtureLevels);
  });

  it('takes the pupils of every context from the directory (one source of pupil counts)', () => {
    for (const c of data.contexts) expect(c.pupils, c.schoolId).toBe(byKey.get(c.schoolId)!.pupilCount);
    const osinovka = data.contexts.find((c) => c.schoolId === 'ber-osinovka-oosh' && c.year === DEMO_YEAR)!;
    expect(osinovka.pupils).toBe(byKey.get('ber-osinovka-oosh')!.pupilCount);
  });

  it('takes the distance to the centre and the settlement type from the directory too', () => {
    for (const c of data.contexts) {
      const school = byKey.get(c.schoolId)!;
      expect(c.distanceKm, c.schoolId).toBe(school.distanceToCentreKm);
      expect(c.rural, c.schoolId).toBe(school.locality === 'rural');
    }
    // The school the users saw at 63 km in the directory and 83,3 km in the classification.
    expect(data.contexts.find((c) => c.schoolId === 'ber-osinovka-oosh')!.distanceKm).toBe(63);
  });

  it('never has more participants in one exam than the school has pupils', () => {
    for (const r of data.results) expect(r.participants, `${r.schoolId} ${r.exam} ${r.subject}`).toBeLessThanOrEqual(byKey.get(r.schoolId)!.pupilCount);
  });
});
