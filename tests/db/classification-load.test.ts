/**
 * The run loader reads with binary COPY: every value the rules read must come back exactly as the driver's text
 * parsing gives it (floats included), rows and marks no rule reads are not built, and a scope of thousands of
 * schools is read whole.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessmentResults, schoolContexts, type Organisation } from '@/db/schema';
import type { SchoolClassification } from '@/lib/classification/classify';
import { buildDataset, readByRules, readsMarks } from '@/lib/classification/dataset';
import { inputDigest } from '@/lib/classification/digest';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import { overviewOf } from '@/lib/classification/overview';
import * as q from '@/lib/classification/queries';
import { loadInput } from '@/lib/classification/server/load';
import type { AssessmentResult } from '@/lib/classification/types';
import { getDb } from '@/lib/db/client';
import { addSchools } from './classification-helpers';
import { createWorld, type World } from './fixtures';

let world: World;
let schools: Organisation[];
const SCORES = [41.2, 0.1, 67.12345, 99.99, 1e-7, 16777217, 33.333332, 5, 70.05];

beforeAll(async () => {
  world = await createWorld();
  schools = await addSchools(world.munA, 3);
  const place = (s: Organisation) => ({ schoolId: s.id, regionId: s.regionId, municipalityId: s.municipalityId });
  await getDb().insert(assessmentResults).values(schools.flatMap((s, i) => [
    ...[2025, 2026].map((year) => ({ ...place(s), year, exam: 'EGE' as const, subject: 'russian', participants: 20 + i, meanScore: SCORES[(i + year) % SCORES.length]!, belowMinimum: i })),
    { ...place(s), year: 2026, exam: 'OGE' as const, subject: 'mathematics', participants: 30, meanScore: SCORES[i]!, maxScore: 31.5, belowMinimum: null },
    { ...place(s), year: 2025, exam: 'EGE' as const, subject: 'physics', participants: 9, meanScore: 55.5, highScorers: 2 },
    { ...place(s), year: 2026, exam: 'VPR' as const, subject: 'russian', grade: 5, participants: 25, meanScore: null, marks2: 3, marks3: 10, marks4: 8, marks5: 4, belowMinimum: 3 },
    // Last year's ВПР: with a «2» count its marks are never read; without one they stand in for it.
    { ...place(s), year: 2025, exam: 'VPR' as const, subject: 'russian', grade: 5, participants: 24, meanScore: null, marks2: 2, marks3: 10, marks4: 8, marks5: 4, belowMinimum: 2 },
    { ...place(s), year: 2025, exam: 'VPR' as const, subject: 'mathematics', grade: 5, participants: 24, meanScore: null, marks2: 6, marks3: 10, marks4: 4, marks5: 4, belowMinimum: null },
    // A subject code the reference does not know (the loader sends known codes as numbers, others as text).
    ...(i === 0 ? [{ ...place(s), year: 2026, exam: 'EGE' as const, subject: 'astronomy', participants: 7, meanScore: 61.5, belowMinimum: 0 }] : []),
  ]));
  await getDb().insert(schoolContexts).values(schools.map((s, i) => ({
    ...place(s), year: 2026, pupils: 300 + i, continuationShare9to10: SCORES[i]!, distanceKm: 12.7, rural: i === 0, hasPsychologist: null, internetMbps: 0.3, facilitiesCondition: 4,
  })));
});

/** The rows as the driver parses them, in the form the rules of 2026 read (marks only where read, no high scorers). */
function viaDriver(rows: (typeof assessmentResults.$inferSelect)[]): AssessmentResult[] {
  return rows.map((r) => {
    const row: AssessmentResult = {
      schoolId: r.schoolId, year: r.year, exam: r.exam as AssessmentResult['exam'], subject: r.subject as AssessmentResult['subject'], grade: r.grade || null,
      participants: r.participants, meanScore: r.meanScore, belowMinimum: r.belowMinimum, marks: null, maxScore: r.maxScore,
    };
    const known = r.marks2 !== null && r.marks3 !== null && r.marks4 !== null && r.marks5 !== null;
    if (known && readsMarks(2026, row)) row.marks = { m2: r.marks2!, m3: r.marks3!, m4: r.marks4!, m5: r.marks5! };
    return row;
  });
}

const byKey = (a: AssessmentResult, b: AssessmentResult) => `${a.schoolId}${a.year}${a.exam}${a.subject}`.localeCompare(`${b.schoolId}${b.year}${b.exam}${b.subject}`);

describe('loading a run’s input', () => {
  it('reads every value exactly as the driver does, and leaves out only rows no rule reads', async () => {
    const input = await loadInput({ regionId: world.region.id, municipalityId: world.munA.id, year: 2026 }, DEFAULT_METHODOLOGY);
    expect(input.schools.map((s) => s.id)).toEqual(expect.arrayContaining(schools.map((s) => s.id)));
    const stored = viaDriver(await getDb().select().from(assessmentResults).where(inArray(assessmentResults.schoolId, schools.map((s) => s.id))));
    const expected = stored.filter((r) => readByRules(DEFAULT_METHODOLOGY, 2026, r));
    expect(stored.length - expected.length).toBe(3); // the 2025 physics rows
    const mine = new Set(schools.map((s) => s.id));
    expect(input.results.filter((r) => mine.has(r.schoolId)).sort(byKey)).toEqual(expected.sort(byKey));
    expect(input.results.map((r) => r.meanScore)).toEqual(expect.arrayContaining([41.2, 0.1, 67.12345, 99.99]));
    expect(input.results.find((r) => r.subject === ('astronomy' as AssessmentResult['subject']))).toMatchObject({ schoolId: schools[0]!.id, exam: 'EGE', meanScore: 61.5 });
    const vpr2025 = input.results.filter((r) => r.schoolId === schools[0]!.id && r.exam === 'VPR' && r.year === 2025);
    expect(vpr2025.find((r) => r.subject === 'russian')!.marks).toBeNull();
    expect(vpr2025.find((r) => r.subject === 'mathematics')!.marks).toEqual({ m2: 6, m3: 10, m4: 4, m5: 4 });

    const [context] = await getDb().select().from(schoolContexts).where(and(eq(schoolContexts.schoolId, schools[0]!.id), eq(schoolContexts.year, 2026)));
    const loaded = input.contexts.find((c) => c.schoolId === schools[0]!.id)!;
    expect(loaded).toEqual({ schoolId: context!.schoolId, year: 2026, pupils: 300, continuationShare9to10: context!.continuationShare9to10, distanceKm: 12.7, rural: true, internetMbps: 0.3, facilitiesCondition: 4 });
    expect(() => buildDataset(input)).not.toThrow();
  });

  it('in another municipality’s run, fetches of these schools only what the region-wide parts read', async () => {
    const theirs = await loadInput({ regionId: world.region.id, municipalityId: world.munB.id, year: 2026 }, DEFAULT_METHODOLOGY);
    const ours = await loadInput({ regionId: world.region.id, municipalityId: world.munA.id, year: 2026 }, DEFAULT_METHODOLOGY);
    const mine = new Set(schools.map((s) => s.id));
    const rowsOf = (input: typeof ours) => input.results.filter((r) => mine.has(r.schoolId));
    expect(rowsOf(ours).filter((r) => r.year === 2025 && r.exam === 'EGE')).toHaveLength(3);
    expect(rowsOf(theirs).filter((r) => r.year === 2025 && r.exam === 'EGE')).toHaveLength(0);
    expect(rowsOf(theirs).filter((r) => r.year === 2025 && r.exam === 'VPR')).toHaveLength(6);
    expect(rowsOf(theirs).filter((r) => r.year === 2026)).toEqual(rowsOf(ours).filter((r) => r.year === 2026));
    // The same filter in the engine: the digest of the full rows equals that of the rows read.
    const full = [...theirs.results, ...rowsOf(ours).filter((r) => r.year === 2025 && r.exam === 'EGE')];
    expect(inputDigest({ ...theirs, results: full })).toBe(inputDigest(theirs));
  });

  it('fetches the judged subjects of every methodology the input is for (what-if)', async () => {
    const physics = { ...DEFAULT_METHODOLOGY, judged: [...DEFAULT_METHODOLOGY.judged, { exam: 'EGE' as const, subject: 'physics' as const }] };
    const input = await loadInput({ regionId: world.region.id, municipalityId: world.munA.id, year: 2026 }, DEFAULT_METHODOLOGY, [physics]);
    expect(input.results.filter((r) => r.subject === 'physics' && r.year === 2025)).toHaveLength(3);
  });

  it('reads a municipality of thousands of schools whole; its compact run words a school card on demand', async () => {
    const many = await addSchools(world.munB, 2_100);
    await getDb().insert(assessmentResults).values(many.map((s, i) => ({ schoolId: s.id, regionId: s.regionId, municipalityId: s.municipalityId, year: 2026, exam: 'EGE' as const, subject: 'russian', participants: 10, meanScore: i % 100 })));
    const input = await loadInput({ regionId: world.region.id, municipalityId: world.munB.id, year: 2026 }, DEFAULT_METHODOLOGY);
    expect(input.schools.length).toBeGreaterThanOrEqual(2_100);
    const loaded = new Map(input.results.filter((r) => r.subject === 'russian').map((r) => [r.schoolId, r.meanScore]));
    expect(many.every((s, i) => loaded.get(s.id) === i % 100)).toBe(true);

    const analyst = world.actor('ministry_analyst', world.region);
    const run = await q.createRun(analyst, { year: 2026, municipalityId: world.munB.id });
    expect(run.compact).toBe(true);
    const weak = many[0]!; // mean 0 against a municipal mean near 50: R1 fires
    const card = await q.getSchoolClassification(analyst, run.id, weak.id);
    expect(card.inputsUnchanged).toBe(true);
    const school = card.school!;
    expect(school.rules[0]!.status).toBe('fired');
    expect(school.rules[0]!.sentence).toContain('ниже среднего по муниципалитету');
    // The run stored each school's overview alone: the rebuilt card agrees with it.
    const stored = await q.getRun(analyst, run.id);
    expect(stored.compact).toBe(true);
    const overview = stored.schools.find((s) => s.schoolId === weak.id)!;
    expect(overview).toEqual(overviewOf(JSON.parse(JSON.stringify(school)) as SchoolClassification));
    expect(overview).not.toHaveProperty('categorySentence');
    expect(card.overview).toEqual(overview);

    await getDb().update(assessmentResults).set({ meanScore: 77 }).where(eq(assessmentResults.schoolId, many[1]!.id));
    const changed = await q.getSchoolClassification(analyst, run.id, weak.id);
    expect(changed.inputsUnchanged).toBe(false);
    expect(changed.school).toBeNull();
    expect(changed.overview).toEqual(overview);
  }, 120_000);
});
