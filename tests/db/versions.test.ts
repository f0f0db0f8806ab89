/**
 * Lost updates: for every table with an optimistic version, two saves carrying the same version race each other;
 * exactly one succeeds and the other gets `conflict` (409) — on PostgreSQL the two run on separate connections.
 */
import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { assessmentResults, organisations } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import * as classification from '@/lib/classification/queries';
import { AppError } from '@/lib/errors';
import { updateOrganisation } from '@/lib/organisations/queries';
import { updateOrganisationSchema } from '@/lib/organisations/schemas';
import { createRoadmap, updateRoadmap } from '@/lib/roadmaps/roadmap-queries';
import { createItem, createSection, updateItem, updateSection } from '@/lib/roadmaps/item-queries';
import { createUser, getUser, updateUser } from '@/lib/users/queries';
import { addSchools, csvFile, RESULT_HEADER } from './classification-helpers';
import { uniqueOgrn, createWorld, type World } from './fixtures';

let world: World;
const admin = () => world.actor('admin', world.region);
const analyst = () => world.actor('ministry_analyst', world.region);
const coordinatorA = () => world.actor('municipal_coordinator', world.munA);

beforeAll(async () => {
  world = await createWorld();
});

/** Runs the writers at once (several times, to give the race a chance); exactly one must win each round. */
async function race(round: (n: number) => Promise<Array<() => Promise<unknown>>>) {
  for (let n = 0; n < 3; n += 1) {
    const writers = await round(n);
    const outcomes = await Promise.allSettled(writers.map((write) => write()));
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as unknown);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(failures).toHaveLength(writers.length - 1);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(AppError);
      expect((failure as AppError).code).toBe('conflict');
      expect((failure as AppError).status).toBe(409);
    }
  }
}

describe('two saves with the same version: one wins, the other gets 409', () => {
  it('assessment results', async () => {
    const base = { schoolId: world.schoolA.id, exam: 'OGE' as const, subject: 'russian', participants: 10 };
    await race(async (n) => {
      const row = await classification.upsertAssessmentResult(coordinatorA(), { ...base, year: 2020 + n, meanScore: 20 });
      return [30, 31].map((meanScore) => () => classification.upsertAssessmentResult(coordinatorA(), { ...base, year: 2020 + n, meanScore, version: row.version }));
    });
  });

  it('school contexts', async () => {
    await race(async (n) => {
      const ctx = await classification.upsertSchoolContext(coordinatorA(), { schoolId: world.schoolA.id, year: 2010 + n, pupils: 100 });
      return [101, 102].map((pupils) => () => classification.upsertSchoolContext(coordinatorA(), { schoolId: world.schoolA.id, year: 2010 + n, pupils, version: ctx.version }));
    });
  });

  it('methodologies', async () => {
    await race(async (n) => {
      const draft = await classification.createDraftMethodology(analyst(), { name: `Гонка ${n}` });
      return ['А', 'Б'].map((suffix) => () => classification.updateDraftMethodology(analyst(), { id: draft.id, version: draft.version, name: `Гонка ${n} ${suffix}`, params: draft.params }));
    });
  });

  it('organisations', async () => {
    await race(async (n) => {
      const [school] = await getDb().insert(organisations)
        .values({ kind: 'school', name: `Школа гонки ${n}`, ogrn: uniqueOgrn(), parentId: world.munA.id, regionId: world.region.id, municipalityId: world.munA.id, settlement: 'rural' })
        .returning();
      return ['А', 'Б'].map((suffix) => () => updateOrganisation(admin(), updateOrganisationSchema.parse({ id: school!.id, version: school!.version, name: `${school!.name} ${suffix}` })));
    });
  });

  it('users', async () => {
    await race(async (n) => {
      const id = await createUser(admin(), { login: `race${n}-${world.region.id.slice(0, 8)}@test`, name: `Гонка Пользователь ${n}`, password: 'Correct-horse-1', role: 'expert', organisationId: world.munA.id });
      const user = await getUser(admin(), id);
      return ['Первый', 'Второй'].map((who) => () => updateUser(admin(), { id, version: user.version, name: `${who} Участник ${n}`, role: 'expert', organisationId: world.munA.id, password: undefined }));
    });
  });

  it('road maps, their sections and items', async () => {
    const roadmap = await createRoadmap(coordinatorA(), { level: 'municipality', ownerOrganisationId: world.munA.id, title: 'Гонка', periodStartYear: 2024, periodEndYear: 2025 });
    let current = roadmap;
    await race(async (n) => {
      const version = current.version;
      return ['А', 'Б'].map((suffix) => async () => {
        current = await updateRoadmap(coordinatorA(), { id: roadmap.id, version, title: `Гонка ${n} ${suffix}` });
      });
    });
    await race(async (n) => {
      const section = await createSection(coordinatorA(), { roadmapId: roadmap.id, title: `Раздел ${n}` });
      return ['А', 'Б'].map((suffix) => () => updateSection(coordinatorA(), { id: section.id, version: section.version, title: `Раздел ${n} ${suffix}` }));
    });
    const section = await createSection(coordinatorA(), { roadmapId: roadmap.id, title: 'Мероприятия' });
    await race(async (n) => {
      const item = await createItem(coordinatorA(), { roadmapId: roadmap.id, sectionId: section.id, activity: `Мероприятие ${n}` });
      return ['А', 'Б'].map((suffix) => () => updateItem(coordinatorA(), { id: item.id, version: item.version, activity: `Мероприятие ${n} ${suffix}` }));
    });
  });
});

describe('an import planned on a version that changes before it writes', () => {
  it('does not overwrite the newer change: the import is refused with 409 (PostgreSQL), or plans on the change (PGlite)', async () => {
    const [school] = await addSchools(world.munB, 1);
    const base = { schoolId: school!.id, year: 2019, exam: 'OGE' as const, subject: 'russian', participants: 10 };
    const row = await classification.upsertAssessmentResult(admin(), { ...base, meanScore: 20 });
    // Another writer changes the record and holds its row lock, uncommitted.
    const other = new pg.Client({ connectionString: inject('databaseUrl') });
    await other.connect();
    await other.query('BEGIN');
    await other.query('UPDATE assessment_results SET mean_score = 25, version = version + 1 WHERE id = $1', [row.id]);
    const file = csvFile([RESULT_HEADER, [school!.ogrn!, 2019, 'ОГЭ', 'русский', '', 10, 30, 0]]);
    const imported = classification.importAssessmentResults(admin(), { file, dryRun: false }).then(() => 'committed', (e: unknown) => e);
    if (inject('databaseTarget') === 'postgres') {
      // The import has read version 1 and waits for the row: let the other writer commit then.
      for (let i = 0; i < 100; i += 1) {
        const waiting = await getDb().execute<{ n: string }>(sql`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE 'update "assessment_results"%'`);
        if (Number(waiting.rows[0]!.n) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await other.query('COMMIT');
    await other.end();
    const outcome = await imported;
    const [stored] = await getDb().select().from(assessmentResults).where(eq(assessmentResults.id, row.id));
    if (inject('databaseTarget') === 'postgres') {
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).code).toBe('conflict');
      expect(stored).toMatchObject({ meanScore: 25, version: 2 });
    } else {
      // PGlite runs one transaction at a time: the import starts after the change and plans on it.
      expect(outcome).toBe('committed');
      expect(stored).toMatchObject({ meanScore: 30, version: 3 });
    }
  });
});
