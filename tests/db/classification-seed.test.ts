import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessmentResults, classificationRuns, organisations, type Organisation } from '@/db/schema';
import { scopeOf } from '@/lib/auth/actor-store';
import type { Actor } from '@/lib/auth/actor';
import { classify } from '@/lib/classification/classify';
import { DEMO_YEAR, DEMO_YEARS } from '@/lib/classification/demo-data';
import { seedDemoClassification } from '@/lib/classification/demo-seed';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import { createRun, getActiveMethodology, getRun, listPublishedCategories } from '@/lib/classification/queries';
import { dataHistory } from '@/lib/classification/server/data';
import { schoolCategoryHistory } from '@/lib/classification/server/runs';
import { loadInput } from '@/lib/classification/server/load';
import { getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { DEMO_DATA } from '@/lib/demo/data';
import { validOgrn } from './classification-helpers';

/**
 * The classification seeder on a fresh copy of the demo region's schools (the shared demo region belongs to
 * seed.test.ts, which expects to seed it first).
 */
let region: Organisation;
let ids: Map<string, string>;
let analyst: Actor;

const seed = () => inTransaction((tx) => seedDemoClassification({ tx, organisationIds: ids, userIds: new Map() }));

beforeAll(async () => {
  const db = getDb();
  const label = randomUUID().slice(0, 6);
  const regionId = randomUUID();
  [region] = await db.insert(organisations).values({ id: regionId, kind: 'region', name: `Демо-копия ${label}`, regionId }).returning() as [Organisation];
  ids = new Map();
  for (const m of DEMO_DATA.municipalities) {
    const id = randomUUID();
    await db.insert(organisations).values({ id, kind: 'municipality', name: `${m.name} ${label}`, parentId: regionId, regionId, municipalityId: id });
    ids.set(m.key, id);
  }
  for (const s of DEMO_DATA.schools) {
    const municipalityId = ids.get(s.municipalityKey)!;
    const [row] = await db.insert(organisations).values({ kind: 'school', name: s.fullName, shortName: s.shortName, ogrn: validOgrn(), parentId: municipalityId, regionId, municipalityId }).returning();
    ids.set(s.key, row!.id);
  }
  analyst = { id: randomUUID(), name: 'Аналитик', role: 'ministry_analyst', scope: scopeOf(region) };
});

describe('classification demo data', () => {
  it('seeds data, methodology v1 and one published run per demo year once; a second seed creates nothing', async () => {
    expect(await seed()).toBeGreaterThan(DEMO_DATA.schools.length * 3);
    expect(await seed()).toBe(0);
    expect(await getActiveMethodology(analyst)).toMatchObject({ versionNumber: 1, status: 'active' });
    const runs = await getDb().select().from(classificationRuns)
      .where(and(eq(classificationRuns.regionId, region.id), eq(classificationRuns.status, 'published')));
    expect(runs.map((r) => r.year).sort()).toEqual([...DEMO_YEARS]);
  });

  it('computes each earlier year from what was known then: a rerun from the database gives the same digest', async () => {
    for (const year of DEMO_YEARS.filter((y) => y < DEMO_YEAR)) {
      const [published] = await getDb().select().from(classificationRuns).where(and(eq(classificationRuns.regionId, region.id), eq(classificationRuns.year, year), eq(classificationRuns.status, 'published')));
      const rerun = await createRun(analyst, { year });
      expect(rerun.inputDigest, String(year)).toBe(published!.inputDigest);
    }
  });

  it('gives a school its category for every demo year (the hub\'s «История по годам»)', async () => {
    const [published] = await getDb().select().from(classificationRuns).where(and(eq(classificationRuns.regionId, region.id), eq(classificationRuns.year, DEMO_YEAR), eq(classificationRuns.status, 'published')));
    const run = await getRun(analyst, published!.id);
    const school = run.schools[0]!;
    const history = await schoolCategoryHistory(analyst, school.schoolId);
    expect(history.map((h) => h.year)).toEqual([...DEMO_YEARS].reverse());
  });

  it('records the demo data as an import, so a result\'s history is true', async () => {
    const [result] = await getDb().select({ id: assessmentResults.id }).from(assessmentResults).where(eq(assessmentResults.regionId, region.id)).limit(1);
    const history = await dataHistory(analyst, 'assessment_result', result!.id);
    expect(history.map((h) => h.action)).toEqual(['import']);
  });

  it('shows every category, publicly too, and rerunning from the database reproduces the digest', async () => {
    const [published] = await getDb().select().from(classificationRuns).where(and(eq(classificationRuns.regionId, region.id), eq(classificationRuns.year, DEMO_YEAR), eq(classificationRuns.status, 'published')));
    const run = await getRun(analyst, published!.id);
    if (run.compact) throw new Error('the demo region is stored in full');
    for (const [category, n] of Object.entries(run.counts)) expect(n, category).toBeGreaterThan(0);
    expect(run.schools.every((s) => s.categorySentence.length > 0)).toBe(true);
    const categories = new Set((await listPublishedCategories(region.id)).map((p) => p.category));
    expect(categories.size).toBe(6);
    const rerun = await createRun(analyst, { year: DEMO_YEAR });
    expect(rerun.inputDigest).toBe(run.inputDigest);
    expect(rerun.counts).toEqual(run.counts);
    // What the store wrote (COPY on PostgreSQL, INSERT batches on PGlite) reads back as the engine returned it.
    const input = await loadInput({ regionId: region.id, municipalityId: null, year: DEMO_YEAR }, DEFAULT_METHODOLOGY);
    expect((await getRun(analyst, rerun.id)).schools).toEqual(JSON.parse(JSON.stringify(classify(input).schools)));
  });
});
