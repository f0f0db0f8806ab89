import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { classificationResults, classificationRuns, indicators, indicatorTargets, indicatorValues, organisations, roadmaps, schoolContexts, users } from '@/db/schema';
import { scopeOf } from '@/lib/auth/actor-store';
import type { Actor } from '@/lib/auth/actor';
import { DEMO_YEAR } from '@/lib/classification/demo-data';
import { seedDemoClassification } from '@/lib/classification/demo-seed';
import { getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { DEMO_DATA } from '@/lib/demo/data';
import { DEMO_REGION } from '@/lib/demo/organisations';
import { demoIndicatorKey, seedDemoIndicators, SEED_001_INDICATORS } from '@/lib/indicators/demo';
import { computeIndicator, listIndicators } from '@/lib/indicators/queries';
import { loadScorecard } from '@/lib/indicators/scorecard';
import { seedDemoRoadmaps } from '@/lib/roadmaps/demo-seed';
import { validOgrn } from './classification-helpers';

/**
 * The indicators seeder on a fresh copy of the demo region (the shared demo region belongs to seed.test.ts,
 * which expects to seed it first): schools, the УМЦ that owns seed 001's road map, classification, road maps and
 * indicators seeded under their own key prefix; computed values compared with a hand count from the tables.
 */
const prefix = `t${randomUUID().slice(0, 8)}`;

let analyst: Actor;
let regionId: string;
const db = () => getDb();

async function indicatorId(no: number) {
  const [row] = await db().select({ id: indicators.id }).from(indicators).where(eq(indicators.externalKey, demoIndicatorKey(no, prefix)));
  return row!.id;
}

/** The region's published run of the demo year and its ШНОР, read straight from the tables. */
async function handLowResultSchools(): Promise<string[]> {
  const [run] = await db().select().from(classificationRuns).where(and(eq(classificationRuns.regionId, regionId), eq(classificationRuns.year, DEMO_YEAR), eq(classificationRuns.status, 'published')));
  const rows = await db().select().from(classificationResults).where(eq(classificationResults.runId, run!.id));
  return rows.filter((r) => r.category === 'low_results' || r.category === 'both').map((r) => r.schoolId);
}

beforeAll(async () => {
  regionId = randomUUID();
  const [region] = await db().insert(organisations).values({ id: regionId, kind: 'region', name: `Демо-копия ${prefix}`, regionId }).returning();
  const ids = new Map<string, string>([[DEMO_REGION.key, regionId]]);
  for (const m of DEMO_DATA.municipalities) {
    const id = randomUUID();
    await db().insert(organisations).values({ id, kind: 'municipality', name: `${m.name} ${prefix}`, parentId: regionId, regionId, municipalityId: id });
    ids.set(m.key, id);
  }
  for (const o of DEMO_DATA.organisations.filter((x) => x.key === 'ber-umc')) {
    const municipalityId = ids.get(o.municipalityKey!)!;
    const [row] = await db().insert(organisations).values({ kind: o.kind, name: `${o.fullName} ${prefix}`, parentId: municipalityId, regionId, municipalityId, aliases: [...o.aliases] }).returning();
    ids.set(o.key, row!.id);
  }
  for (const s of DEMO_DATA.schools) {
    const municipalityId = ids.get(s.municipalityKey)!;
    const [row] = await db().insert(organisations).values({ kind: 'school', name: `${s.fullName} ${prefix}`, shortName: s.shortName, ogrn: validOgrn(), parentId: municipalityId, regionId, municipalityId }).returning();
    ids.set(s.key, row!.id);
  }
  const created = await inTransaction(async (tx) => {
    const context = { tx, organisationIds: ids, userIds: new Map<string, string>() };
    await seedDemoClassification(context);
    await seedDemoRoadmaps(context, { keyPrefix: prefix });
    return seedDemoIndicators(context, { keyPrefix: prefix });
  });
  expect(created).toBeGreaterThan(17);
  const again = await inTransaction((tx) => seedDemoIndicators({ tx, organisationIds: ids, userIds: new Map() }, { keyPrefix: prefix }));
  expect(again).toBe(0);
  analyst = { id: randomUUID(), name: 'Аналитик', role: 'ministry_analyst', scope: scopeOf(region!) };
  await db().insert(users).values({ id: analyst.id, login: `${analyst.id}@test`, name: 'Аналитик', passwordHash: 'x', role: 'ministry_analyst', organisationId: regionId });
}, 120_000);

describe('demo indicators of seed 001', () => {
  it('holds the 17 indicators with sources and 2022 targets, attached to the seed 001 road map, values for 2020–2022', async () => {
    const list = await listIndicators(analyst);
    const demo = list.filter((i) => i.externalKey?.startsWith(`${prefix}-seed-001-indicator-`));
    expect(demo.map((i) => i.code)).toEqual(SEED_001_INDICATORS.map((d) => String(d.no)));
    expect(demo.find((i) => i.code === '11')).toMatchObject({ source: 'УО, ОО', kind: 'computed', unit: 'percent' });
    const [roadmap] = await db().select().from(roadmaps).where(eq(roadmaps.externalKey, `${prefix}-seed-001-roadmap`));
    expect(new Set(demo.map((i) => i.roadmapId))).toEqual(new Set([roadmap!.id]));
    const targets = await db().select().from(indicatorTargets).where(and(inArray(indicatorTargets.indicatorId, demo.map((i) => i.id)), eq(indicatorTargets.kind, 'target')));
    expect(targets.every((t) => t.year === 2022)).toBe(true);
    expect(targets.find((t) => t.indicatorId === demo.find((i) => i.code === '3')!.id)!.value).toBe(25);
    const years = await db().selectDistinct({ year: indicatorValues.year }).from(indicatorValues).where(inArray(indicatorValues.indicatorId, demo.map((i) => i.id)));
    expect(years.map((y) => y.year).sort()).toEqual([2020, 2021, 2022]);
  });

  it('#11 share of ШНОР with internet ≥ 1 Мбит/с equals the hand count over the published run', async () => {
    const low = await handLowResultSchools();
    expect(low.length).toBeGreaterThan(0);
    const contexts = await db().select().from(schoolContexts).where(and(inArray(schoolContexts.schoolId, low), eq(schoolContexts.year, DEMO_YEAR)));
    const fast = contexts.filter((c) => c.internetMbps !== null && c.internetMbps >= 1).length;
    const r = await computeIndicator(analyst, await indicatorId(11), regionId, DEMO_YEAR);
    expect(r.denominator).toBe(low.length);
    expect(r.numerator).toBe(fast);
    expect(r.value).toBeCloseTo((100 * fast) / low.length, 9);
    expect(r.trace.filter((t) => t.inDenominator).map((t) => t.schoolId).sort()).toEqual([...low].sort());
  });

  it('#8 mean share of teachers under 35 over ШНОР with data equals the hand mean', async () => {
    const low = await handLowResultSchools();
    const contexts = await db().select().from(schoolContexts).where(and(inArray(schoolContexts.schoolId, low), eq(schoolContexts.year, DEMO_YEAR)));
    const known = contexts.map((c) => c.shareTeachersUnder35).filter((v): v is number => v !== null);
    const r = await computeIndicator(analyst, await indicatorId(8), regionId, DEMO_YEAR);
    expect(r.denominator).toBe(known.length);
    expect(r.value).toBeCloseTo(known.reduce((a, b) => a + b, 0) / known.length, 4);
  });

  it('#2 «программа минимум» and #1 road maps equal the hand count', async () => {
    const low = await handLowResultSchools();
    const rows = (await getDb().execute(
      // Independent of the loader: per school, graduates below the ЕГЭ minimum and ОГЭ «2» in Russian and mathematics.
      `SELECT school_id, exam, subject, below_minimum, marks_2 FROM assessment_results WHERE year = ${DEMO_YEAR}`,
    )).rows as { school_id: string; exam: string; subject: string; below_minimum: number | null; marks_2: number | null }[];
    let met = 0;
    for (const id of low) {
      const mine = rows.filter((r) => r.school_id === id);
      const ege = mine.filter((r) => r.exam === 'EGE' && ['russian', 'mathematics_profile', 'mathematics_base'].includes(r.subject));
      const oge = mine.filter((r) => r.exam === 'OGE' && ['russian', 'mathematics'].includes(r.subject));
      const hasOge = mine.some((r) => r.exam === 'OGE');
      const hasEge = mine.some((r) => r.exam === 'EGE');
      const egeOk = hasEge ? ege.every((r) => (r.below_minimum ?? 0) === 0) : hasOge;
      const ogeOk = hasOge && oge.every((r) => (r.marks_2 ?? 0) === 0);
      if (egeOk && ogeOk) met += 1;
    }
    const r2 = await computeIndicator(analyst, await indicatorId(2), regionId, DEMO_YEAR);
    expect(r2).toMatchObject({ numerator: met, denominator: low.length });

    const schools = await db().select({ id: organisations.id }).from(organisations).where(and(eq(organisations.regionId, regionId), eq(organisations.kind, 'school'), eq(organisations.isActive, true)));
    const approved = await db().selectDistinct({ id: roadmaps.schoolId }).from(roadmaps).where(and(eq(roadmaps.level, 'school'), eq(roadmaps.status, 'approved'), eq(roadmaps.regionId, regionId)));
    const r1 = await computeIndicator(analyst, await indicatorId(1), regionId, DEMO_YEAR);
    expect(r1).toMatchObject({ numerator: approved.length, denominator: schools.length });
  });

  it('scorecard 2022 by municipality: statuses in words, the warning on #12 and its reverse on #9', async () => {
    const card = await loadScorecard(analyst, { year: 2022, level: 'municipality' }, new Date('2023-01-15'));
    expect(card.organisations).toHaveLength(2);
    const ber = card.organisations.find((o) => o.name.startsWith('Берёзовский'))!;
    const cell = async (no: number) => {
      const id = await indicatorId(no);
      return card.cells.find((c) => c.organisationId === ber.id && c.indicatorId === id)!;
    };
    expect(await cell(3)).toMatchObject({ value: 15, target: { year: 2022, value: 25 }, baseline: { year: 2020, value: 0 }, status: 'behind' });
    expect(await cell(4)).toMatchObject({ value: 96, status: 'close' });
    const twelve = await cell(12);
    expect(twelve.warning).toMatchObject({ kind: 'activities_done_not_moving', activitiesDone: true, expectedProgress: 1 });
    expect(twelve.warning!.message).toContain('Мероприятия выполняются, а показатель не меняется');
    const nine = await cell(9);
    expect(nine).toMatchObject({ value: 100, status: 'achieved' });
    expect(nine.warning!.kind).toBe('met_while_activities_lag');
    // Computed indicators of 2022 have no published classification in the copy: «нет данных», not zero.
    expect((await cell(11)).status).toBe('no_data');
  });
});
