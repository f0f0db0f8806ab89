/**
 * Demo assessment and context data for the demo region, as plain engine rows keyed by the demo schools' keys.
 * The hand-made district (fixtures/demo-district.ts, where every category occurs) is mapped onto schools of
 * Берёзовский район of the same level (its ООШ onto the district's ООШ); the other demo schools get
 * deterministic synthetic data of the same three years. The region is coherent:
 * - a school's level (from its name: НШ – ДС, ООШ, СОШ) decides which assessments it has — no ЕГЭ without
 *   grade 11, no ОГЭ without grade 9, ВПР only in the grades it teaches;
 * - the pupils, the distance to the centre and the settlement type of every context are the directory's (one
 *   source), and synthetic results and olympiad participants are scaled to the pupils.
 */
import { DEMO_SCHOOLS } from '@/lib/demo/data';
import { BEREZOVSKY_KEY } from '@/lib/demo/organisations';
import type { DemoSchool } from '@/lib/demo/types';
import { demoContexts, demoResults, demoSchools, DEMO_YEAR, DEMO_YEARS } from './fixtures/demo-district';
import { LAST_GRADE, levelHasExam, schoolLevel } from './school-level';
import { generateDataset } from './synthetic';
import type { AssessmentResult, SchoolContext } from './types';

export { DEMO_YEAR, DEMO_YEARS };

export interface DemoClassificationData {
  /** Demo school key → engine rows with `schoolId` set to that key. */
  results: AssessmentResult[];
  contexts: SchoolContext[];
  /** Keys of the schools carrying the hand-made district. */
  districtKeys: string[];
}

/** Each fixture school onto the next unused Берёзовский school of the same level. */
function districtSchools(): DemoSchool[] {
  const pool = DEMO_SCHOOLS.filter((s) => s.municipalityKey === BEREZOVSKY_KEY);
  const used = new Set<string>();
  return demoSchools.map((fixture) => {
    const level = schoolLevel(fixture.name);
    const match = pool.find((s) => !used.has(s.key) && schoolLevel(s.shortName) === level);
    if (!match) throw new Error(`Нет демо-школы уровня «${level}» для ${fixture.name}`);
    used.add(match.key);
    return match;
  });
}

/** A count scaled to another school size, at least 1 where it was at least 1. */
const scaled = (value: number, factor: number) => (value <= 0 ? 0 : Math.max(1, Math.round(value * factor)));

/** A synthetic result resized to the school's pupils: participants and every count with them. */
function resize(row: AssessmentResult, factor: number): AssessmentResult {
  const participants = scaled(row.participants, factor);
  const cap = (v: number | null | undefined) => (v === null || v === undefined ? v : Math.min(participants, Math.round(v * factor)));
  if (!row.marks) return { ...row, participants, belowMinimum: cap(row.belowMinimum) ?? null, highScorers: cap(row.highScorers) };
  const m2 = cap(row.marks.m2)!;
  const m5 = Math.min(participants - m2, Math.round(row.marks.m5 * factor));
  const m4 = Math.min(participants - m2 - m5, Math.round(row.marks.m4 * factor));
  return { ...row, participants, belowMinimum: m2, marks: { m2, m3: participants - m2 - m4 - m5, m4, m5 } };
}

export function demoClassificationData(): DemoClassificationData {
  const district = districtSchools();
  const districtKeys = district.map((s) => s.key);
  const others = DEMO_SCHOOLS.filter((s) => !districtKeys.includes(s.key));
  const byKey = new Map(DEMO_SCHOOLS.map((s) => [s.key, s]));
  const byFixture = new Map(demoSchools.map((s, i) => [s.id, districtKeys[i]!]));
  const synthetic = generateDataset({ municipalities: 1, schoolsPerMunicipality: others.length, years: DEMO_YEARS, seed: 2026 });
  const bySynthetic = new Map(synthetic.schools.map((s, i) => [s.id, others[i]!.key]));
  // How much a synthetic school is resized to its demo school's pupils.
  const factor = new Map(synthetic.contexts.filter((c) => c.year === DEMO_YEAR)
    .map((c) => [bySynthetic.get(c.schoolId)!, byKey.get(bySynthetic.get(c.schoolId)!)!.pupilCount / (c.pupils ?? 1)]));

  const fits = (r: AssessmentResult) => levelHasExam(schoolLevel(byKey.get(r.schoolId)!.shortName), r.exam, r.grade);
  const results = [
    ...demoResults.map((r) => ({ ...r, schoolId: byFixture.get(r.schoolId)! })),
    ...synthetic.results.map((r) => {
      const schoolId = bySynthetic.get(r.schoolId)!;
      return resize({ ...r, schoolId }, factor.get(schoolId)!);
    }),
  ].filter(fits);

  const contexts = [
    ...demoContexts.map((c) => ({ ...c, schoolId: byFixture.get(c.schoolId)! })),
    ...synthetic.contexts.map((c) => {
      const schoolId = bySynthetic.get(c.schoolId)!;
      const olympiad = c.olympiadParticipants ?? null;
      return { ...c, schoolId, olympiadParticipants: olympiad === null ? null : Math.round(olympiad * factor.get(schoolId)!) };
    }),
  ].map((c) => {
    const school = byKey.get(c.schoolId)!;
    // No grade 9 to continue from in a primary school.
    const continuation = LAST_GRADE[schoolLevel(school.shortName)] < 9 ? null : c.continuationShare9to10;
    // The directory is the one source of a school's size, distance and settlement type.
    return { ...c, pupils: school.pupilCount, distanceKm: school.distanceToCentreKm, rural: school.locality === 'rural', continuationShare9to10: continuation };
  });
  return { results, contexts, districtKeys };
}
