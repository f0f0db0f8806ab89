import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { classificationResults, classificationRuns, indicatorApprovals, indicators, indicatorValues, organisations, type Organisation } from '@/db/schema';
import { scopeOf } from '@/lib/auth/actor-store';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/db/schema/users';
import { DEMO_YEAR } from '@/lib/classification/demo-data';
import { seedDemoClassification } from '@/lib/classification/demo-seed';
import { getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { DEMO_DATA } from '@/lib/demo/data';
import { DEMO_REGION } from '@/lib/demo/organisations';
import { seedDemoIndicators } from '@/lib/indicators/demo';
import { reportTables } from '@/lib/reports/document/model';
import { renderReport } from '@/lib/reports/document/render';
import { buildMonitoring, gatherNoteFacts } from '@/lib/reports/monitoring/queries';
import { seedDemoRoadmaps } from '@/lib/roadmaps/demo-seed';
import { validOgrn } from './classification-helpers';

/**
 * The monitoring report on a fresh copy of the demo region: the lists counted straight from the published runs in
 * SQL, the ЕГЭ means by hand from the raw rows, approved values only, the same report twice → the same digest,
 * and who may build which report.
 */
const prefix = `r${randomUUID().slice(0, 8)}`;
const db = () => getDb();
let region: Organisation;
const municipalities = new Map<string, Organisation>();
const schoolsByKey = new Map<string, Organisation>();

function actor(role: Role, org: Organisation): Actor {
  return { id: randomUUID(), name: `Тест ${role}`, role, scope: scopeOf(org) };
}

async function regionRun(year: number) {
  const [run] = await db().select().from(classificationRuns)
    .where(and(eq(classificationRuns.regionId, region.id), eq(classificationRuns.year, year), eq(classificationRuns.status, 'published'), isNull(classificationRuns.municipalityId)));
  return run!;
}

beforeAll(async () => {
  const regionId = randomUUID();
  [region] = await db().insert(organisations).values({ id: regionId, kind: 'region', name: `Отчётная область ${prefix}`, regionId }).returning() as [Organisation];
  const ids = new Map<string, string>([[DEMO_REGION.key, regionId]]);
  for (const m of DEMO_DATA.municipalities) {
    const id = randomUUID();
    const [row] = await db().insert(organisations).values({ id, kind: 'municipality', name: `${m.name} ${prefix}`, parentId: regionId, regionId, municipalityId: id }).returning();
    ids.set(m.key, id);
    municipalities.set(m.key, row!);
  }
  for (const o of DEMO_DATA.organisations.filter((x) => x.key === 'ber-umc')) {
    const municipalityId = ids.get(o.municipalityKey!)!;
    const [row] = await db().insert(organisations).values({ kind: o.kind, name: `${o.fullName} ${prefix}`, parentId: municipalityId, regionId, municipalityId, aliases: [...o.aliases] }).returning();
    ids.set(o.key, row!.id);
  }
  for (const s of DEMO_DATA.schools) {
    const municipalityId = ids.get(s.municipalityKey)!;
    const [row] = await db().insert(organisations).values({ kind: 'school', name: `${s.fullName} ${prefix}`, shortName: s.shortName, ogrn: validOgrn(), parentId: municipalityId, regionId, municipalityId, settlement: s.locality }).returning();
    ids.set(s.key, row!.id);
    schoolsByKey.set(s.key, row!);
  }
  await inTransaction(async (tx) => {
    const context = { tx, organisationIds: ids, userIds: new Map<string, string>() };
    await seedDemoClassification(context);
    await seedDemoRoadmaps(context, { keyPrefix: prefix });
    await seedDemoIndicators(context, { keyPrefix: prefix });
  });
  // One municipality's values of the year approved and locked; the other's entered but not approved.
  const [entered] = await db().select().from(indicators).where(and(eq(indicators.regionId, regionId), eq(indicators.kind, 'entered'), eq(indicators.status, 'active'))).limit(1);
  const [first, second] = [...municipalities.values()];
  for (const [org, value] of [[first!, 42.5], [second!, 17]] as const) {
    await db().insert(indicatorValues).values({ indicatorId: entered!.id, organisationId: org.id, regionId, municipalityId: org.id, year: DEMO_YEAR, quarter: 0, value, enteredByName: 'Тест' });
  }
  await db().insert(indicatorApprovals).values({ organisationId: first!.id, regionId, municipalityId: first!.id, year: DEMO_YEAR, quarter: 0, state: 'approved', lockedAt: new Date('2027-01-20T10:00:00Z') });
}, 180_000);

const analyst = () => actor('ministry_analyst', region);

describe('monitoring report of the demo region', () => {
  it('lists ШНОР, ШНСУ, both and resilient exactly as the published run holds them, with entries and exits since last year', async () => {
    const doc = await buildMonitoring(analyst(), { organisationId: region.id, year: DEMO_YEAR });
    const run = await regionRun(DEMO_YEAR);
    const previous = await regionRun(DEMO_YEAR - 1);
    const { rows } = await db().execute<{ category: string; n: string; rural: string }>(`
      SELECT r.category, count(*) AS n, count(*) FILTER (WHERE o.settlement = 'rural') AS rural
        FROM classification_results r JOIN organisations o ON o.id = r.school_id WHERE r.run_id = '${run.id}' GROUP BY r.category`);
    const hand = new Map(rows.map((r) => [r.category, { n: Number(r.n), rural: Number(r.rural) }]));
    const now = await db().select().from(classificationResults).where(eq(classificationResults.runId, run.id));
    const before = await db().select().from(classificationResults).where(eq(classificationResults.runId, previous.id));
    const cat = (list: typeof now, id: string) => list.find((r) => r.schoolId === id)?.category;
    const lists = reportTables(doc).find((t) => t.id === 'lists')!;
    const categories = ['low_results', 'unfavourable', 'both', 'resilient'];
    expect(lists.rows.map((r) => r.count)).toEqual(categories.map((c) => hand.get(c)?.n ?? 0));
    expect(lists.rows.map((r) => r.rural)).toEqual(categories.map((c) => hand.get(c)?.rural ?? 0));
    expect(lists.rows.map((r) => r.previous)).toEqual(categories.map((c) => before.filter((r) => r.category === c).length));
    expect(lists.rows.map((r) => r.entered)).toEqual(categories.map((c) => now.filter((r) => r.category === c && cat(before, r.schoolId) !== c).length));
    expect(lists.rows.map((r) => r.left)).toEqual(categories.map((c) => before.filter((r) => r.category === c && cat(now, r.schoolId) !== c).length));
    expect(hand.get('low_results')!.n + (hand.get('both')?.n ?? 0)).toBeGreaterThan(0);
    const params = new Map(doc.parameters);
    expect(params.get('Идентификатор расчёта')).toBe(run.id);
    expect(params.get('Отпечаток входных данных расчёта (sha256)')).toBe(run.inputDigest);
    expect(params.get('Методика')).toMatch(/, версия \d+$/);
    const listed = reportTables(doc).find((t) => t.id === 'listed-schools')!;
    expect(listed.rows).toHaveLength(categories.reduce((sum, c) => sum + (hand.get(c)?.n ?? 0), 0));
    expect(listed.rows.every((r) => typeof r.reasons === 'string' && (r.reasons as string).length > 20)).toBe(true);
  });

  it('compares the ЕГЭ Russian mean of the ШНОР schools with the region, as a hand calculation from the raw rows', async () => {
    const doc = await buildMonitoring(analyst(), { organisationId: region.id, year: DEMO_YEAR });
    const run = await regionRun(DEMO_YEAR);
    const listedIds = new Set((await db().select().from(classificationResults).where(eq(classificationResults.runId, run.id)))
      .filter((r) => r.category === 'low_results' || r.category === 'both').map((r) => r.schoolId));
    const { rows } = await db().execute<{ school_id: string; participants: number; mean_score: number | null }>(`
      SELECT a.school_id, a.participants, a.mean_score FROM assessment_results a JOIN organisations s ON s.id = a.school_id
       WHERE s.region_id = '${region.id}' AND a.exam = 'EGE' AND a.subject = 'russian' AND a.year = ${DEMO_YEAR}`);
    const mean = (list: typeof rows) => {
      const known = list.filter((r) => r.mean_score !== null && r.participants > 0);
      return known.reduce((s, r) => s + Number(r.mean_score) * r.participants, 0) / known.reduce((s, r) => s + r.participants, 0);
    };
    const row = reportTables(doc).find((t) => t.id === 'results')!.rows.find((r) => r.exam === 'ЕГЭ' && r.subject === 'Русский язык' && r.year === DEMO_YEAR)!;
    expect(row.regional).toBeCloseTo(Math.round(mean(rows) * 10) / 10, 9);
    expect(row.listed).toBeCloseTo(Math.round(mean(rows.filter((r) => listedIds.has(r.school_id))) * 10) / 10, 9);
  });

  it('shows only approved (locked) indicator values and says how many organisations are approved', async () => {
    const doc = await buildMonitoring(analyst(), { organisationId: region.id, year: DEMO_YEAR });
    const [first, second] = [...municipalities.values()];
    const table = reportTables(doc).find((t) => t.id === 'indicators')!;
    const approvedRows = table.rows.filter((r) => r.approved === 'да');
    expect(new Set(approvedRows.map((r) => r.organisation))).toEqual(new Set([first!.name]));
    expect(table.rows.some((r) => r.value === 42.5)).toBe(true);
    expect(table.rows.some((r) => r.value === 17)).toBe(false);
    expect(table.rows.filter((r) => r.organisation === second!.name).every((r) => r.value === null)).toBe(true);
    expect(new Map(doc.parameters).get('Показатели')).toBe('утверждены значения 1 из 2 организаций; неутверждённые значения в отчёт не входят');
  });

  it('built twice from the same run and locked values gives the same file, byte for byte', async () => {
    const input = { organisationId: region.id, year: DEMO_YEAR, onDate: '2026-11-30' };
    const a = await renderReport(await buildMonitoring(analyst(), input), 'xlsx');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const b = await renderReport(await buildMonitoring(analyst(), input), 'xlsx');
    const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(digest(b.bytes)).toBe(digest(a.bytes));
  });

  it('gives the analytical note the figures of the report', async () => {
    const facts = await gatherNoteFacts(analyst(), { organisationId: region.id, year: DEMO_YEAR });
    const doc = await buildMonitoring(analyst(), { organisationId: region.id, year: DEMO_YEAR });
    const lists = reportTables(doc).find((t) => t.id === 'lists')!;
    // The table's lists are exclusive; the note's «перечень ШНОР/ШНСУ» also holds the schools in both lists.
    const [shnor, shnsu, both, resilient] = lists.rows.map((r) => r.count as number);
    expect(facts.lists.map((l) => l.count)).toEqual([shnor! + both!, shnsu! + both!, both, resilient]);
    const total = reportTables(doc).find((t) => t.id === 'roadmaps-municipalities')!.rows.at(-1)!;
    expect(facts.roadmaps).toMatchObject({ total: total.total, done: total.done, overdue: total.overdue });
    expect(facts.level).toBe('region');
  });

  it('is built the same for every viewer allowed to build it: a municipality’s report for the analyst and its coordinator', async () => {
    const mun = [...municipalities.values()][0]!;
    const byAnalyst = await buildMonitoring(analyst(), { organisationId: mun.id, year: DEMO_YEAR, onDate: '2026-11-30' });
    const byCoordinator = await buildMonitoring(actor('municipal_coordinator', mun), { organisationId: mun.id, year: DEMO_YEAR, onDate: '2026-11-30' });
    const digest = async (doc: typeof byAnalyst) => createHash('sha256').update((await renderReport(doc, 'xlsx')).bytes).digest('hex');
    expect(await digest(byCoordinator)).toBe(await digest(byAnalyst));
    expect(JSON.stringify(byCoordinator.blocks)).toBe(JSON.stringify(byAnalyst.blocks));
    const listed = reportTables(byAnalyst).find((t) => t.id === 'listed-schools')!;
    const regionListed = reportTables(await buildMonitoring(analyst(), { organisationId: region.id, year: DEMO_YEAR })).find((t) => t.id === 'listed-schools')!;
    expect(listed.rows.length).toBeGreaterThan(0);
    expect(listed.rows.length).toBeLessThan(regionListed.rows.length);
    expect(new Set(listed.rows.map((r) => r.municipality)).size).toBe(1);
  });

  it('refuses a school, a coordinator for the region or another municipality, and an unknown id', async () => {
    const [first, second] = [...municipalities.values()];
    const school = [...schoolsByKey.values()][0]!;
    await expect(buildMonitoring(actor('school_team', school), { organisationId: region.id, year: DEMO_YEAR })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(buildMonitoring(actor('school_team', school), { organisationId: school.municipalityId!, year: DEMO_YEAR })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(buildMonitoring(actor('municipal_coordinator', first!), { organisationId: region.id, year: DEMO_YEAR })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(buildMonitoring(actor('municipal_coordinator', first!), { organisationId: second!.id, year: DEMO_YEAR })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(buildMonitoring(analyst(), { organisationId: 'не-id', year: DEMO_YEAR })).rejects.toMatchObject({ code: 'not_found' });
    await expect(buildMonitoring(analyst(), { organisationId: randomUUID(), year: DEMO_YEAR })).rejects.toMatchObject({ code: 'not_found' });
    await expect(buildMonitoring(analyst(), { organisationId: school.id, year: DEMO_YEAR })).rejects.toMatchObject({ code: 'validation' });
    await expect(buildMonitoring(analyst(), { organisationId: region.id, year: 1900 })).rejects.toMatchObject({ code: 'validation' });
  });
});

