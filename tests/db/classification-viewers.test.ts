/**
 * The figures of a run are the run's own: the administrator, a municipal coordinator and a school see the same
 * counts, ШНСУ boundary, ratings and municipality names; their scope only decides which rows they see.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '@/db/schema';
import { municipalRatingView } from '@/components/classification/rating-table';
import { runScatter } from '@/components/classification/scatter';
import { runExportRows } from '@/lib/classification/export-rows';
import * as q from '@/lib/classification/queries';
import { addSchools, csvFile, resultLines } from './classification-helpers';
import { createWorld, type World } from './fixtures';

let world: World;
let schoolsA: Organisation[];
let runId: string;

/** Contexts with enough variables for a social index (half of the methodology's), varied from school to school. */
function contextLines(schools: Organisation[], offset: number): (string | number)[][] {
  const header = ['ОГРН', 'Год', 'Обучающихся', 'Малообеспеченные', 'Родители с высшим образованием', 'Доля ОВЗ', 'Русский не родной', 'Расстояние до центра', 'Вакансии учителей', 'Интернет', 'Учителя до 35 лет'];
  const lines: (string | number)[][] = [header];
  for (const year of [2024, 2025, 2026]) {
    schools.forEach((s, k) => {
      const i = (k * 7 + offset) % 11;
      lines.push([s.ogrn!, year, 300 + i * 10, 5 + i * 4, 60 - i * 5, i, i % 3, 3 + i * 6, i % 4, 100 - i * 8, 30 - i * 2]);
    });
  }
  return lines;
}

beforeAll(async () => {
  world = await createWorld();
  schoolsA = await addSchools(world.munA, 6);
  const schoolsB = await addSchools(world.munB, 5);
  const analyst = world.actor('ministry_analyst', world.region);
  for (const [k, group] of [schoolsA, schoolsB].entries()) {
    await q.importAssessmentResults(analyst, { file: csvFile(resultLines(group)), dryRun: false });
    await q.importSchoolContexts(analyst, { file: csvFile(contextLines(group, k * 3)), dryRun: false });
  }
  const run = await q.createRun(analyst, { year: 2026 });
  await q.publishRun(analyst, run.id);
  runId = run.id;
});

describe('one run seen by three roles', () => {
  const viewers = () => ({
    admin: world.actor('admin', world.region),
    coordinator: world.actor('municipal_coordinator', world.munA),
    school: world.actor('school_team', schoolsA[5]!),
  });

  it('shows every viewer the run’s counts, boundary and municipality names; scope filters only the rows', async () => {
    const { admin, coordinator, school } = viewers();
    const [a, c, s] = await Promise.all([q.getRun(admin, runId), q.getRun(coordinator, runId), q.getRun(school, runId)]);
    expect(a.schools.length).toBe(13);
    expect(c.schools.every((x) => x.municipalityId === world.munA.id)).toBe(true);
    expect(c.schools.length).toBe(7);
    expect(s.schools.map((x) => x.schoolId)).toEqual([schoolsA[5]!.id]);

    for (const view of [c, s]) {
      expect(view.counts).toEqual(a.counts);
      expect(view.schoolCount).toBe(a.schoolCount);
      expect(view.disadvantagedCut).toBe(a.disadvantagedCut);
      // Each row the viewer sees is the administrator's row: category, rating and rank, index and cluster.
      for (const row of view.schools) expect(row).toEqual(a.schools.find((x) => x.schoolId === row.schoolId));
    }
    expect(a.disadvantagedCut).not.toBeNull();
    // The boundary is the region's, not the index of the one school a school user sees.
    expect(s.schools[0]!.social.index).not.toBe(a.disadvantagedCut);
    expect(a.schoolCount).toBe(13);

    // A school user reads its municipality's name, as the others do.
    expect(s.municipalityNames[world.munA.id]).toBe(world.munA.shortName ?? world.munA.name);
    expect(c.municipalityNames).toEqual(a.municipalityNames);
    expect(s.municipalityNames).toEqual(a.municipalityNames);
    expect(runExportRows(s.schools, new Map(Object.entries(s.municipalityNames)))[0]!.municipality).toBe(world.munA.name);
  });

  it('shows every viewer the run’s «из N» in the municipal rating, not a count of the rows it sees', async () => {
    const { admin, school } = viewers();
    const [a, s] = await Promise.all([q.getRun(admin, runId), q.getRun(school, runId)]);
    const ranked = municipalRatingView(runId, a.schools, world.munA.id).rows;
    const own = municipalRatingView(runId, s.schools, world.munA.id).rows;
    expect(ranked.length).toBeGreaterThan(1);
    expect(own).toHaveLength(1);
    expect(own[0]!.rank).toMatch(new RegExp(` из ${ranked.length}$`));
    expect(own[0]).toEqual(ranked.find((r) => r.name === own[0]!.name));
  });

  it('draws the same ШНСУ boundary on every viewer’s scatter', async () => {
    const { admin, coordinator, school } = viewers();
    const cuts = await Promise.all([admin, coordinator, school].map(async (actor) => {
      const run = await q.getRun(actor, runId);
      const line = runScatter(run.schools, 20, run.disadvantagedCut).series.find((x) => x.label.startsWith('Граница ШНСУ'));
      return line?.data[0];
    }));
    expect(cuts[0]).toBeDefined();
    expect(cuts[1]).toEqual(cuts[0]);
    expect(cuts[2]).toEqual(cuts[0]);
  });
});
