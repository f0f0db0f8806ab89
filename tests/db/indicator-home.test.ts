import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { indicators, organisations, roadmaps, users } from '@/db/schema';
import { scopeOf } from '@/lib/auth/actor-store';
import type { Actor } from '@/lib/auth/actor';
import { seedDemoClassification } from '@/lib/classification/demo-seed';
import { getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { DEMO_DATA } from '@/lib/demo/data';
import { DEMO_REGION } from '@/lib/demo/organisations';
import { demoIndicatorKey, seedDemoIndicators } from '@/lib/indicators/demo';
import { loadIndicatorSummary, roadmapIndicatorWarnings } from '@/lib/indicators/home';
import { seedDemoRoadmaps } from '@/lib/roadmaps/demo-seed';
import { validOgrn } from './classification-helpers';

/**
 * The indicators blocks of the start page and the road-map page on a fresh copy of the demo region (as
 * indicators-demo.test.ts seeds it): the scorecard summary by status with its filtered links, and the
 * «Мероприятия выполняются, а показатель не меняется» warning on #12 (its reverse on #9) for Берёзовский район.
 */
const prefix = `t${randomUUID().slice(0, 8)}`;

let analyst: Actor;
let regionId: string;
const db = () => getDb();

async function indicatorId(no: number) {
  const [row] = await db().select({ id: indicators.id }).from(indicators).where(eq(indicators.externalKey, demoIndicatorKey(no, prefix)));
  return row!.id;
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


const TODAY = new Date('2023-01-15');

async function municipality(prefixName: string) {
  const all = await db().select().from(organisations).where(eq(organisations.regionId, regionId));
  return all.find((o) => o.kind === 'municipality' && o.name.startsWith(prefixName))!;
}

async function coordinatorOf(prefixName: string): Promise<Actor> {
  const mun = await municipality(prefixName);
  const a: Actor = { id: randomUUID(), name: 'Координатор', role: 'municipal_coordinator', scope: scopeOf(mun) };
  await db().insert(users).values({ id: a.id, login: `${a.id}@test`, name: a.name, passwordHash: 'x', role: a.role, organisationId: mun.id });
  return a;
}

describe('indicators on the start page and the road map', () => {
  it('the region sees counts by status over the municipalities, each opening the filtered scorecard, and both warnings', async () => {
    const summary = (await loadIndicatorSummary(analyst, TODAY))!;
    expect(summary.year).toBe(2022);
    expect(summary.place).toBe('муниципалитеты региона');
    expect(summary.counts.total).toBe(17 * 2);
    expect(summary.counts.achieved + summary.counts.close + summary.counts.behind + summary.counts.no_data).toBe(34);
    expect(summary.links.behind).toBe('/indicators?year=2022&status=%D0%BE%D1%82%D1%81%D1%82%D0%B0%D1%91%D1%82');
    const twelve = await indicatorId(12);
    const nine = await indicatorId(9);
    const ber = await municipality('Берёзовский');
    expect(summary.warnings).toContainEqual(expect.objectContaining({ indicatorId: twelve, organisationId: ber.id, kind: 'activities_done_not_moving' }));
    expect(summary.warnings).toContainEqual(expect.objectContaining({ indicatorId: nine, organisationId: ber.id, kind: 'met_while_activities_lag' }));
  });

  it('a municipality sees its own row only, with links filtered to it', async () => {
    const coordinator = await coordinatorOf('Берёзовский');
    const summary = (await loadIndicatorSummary(coordinator, TODAY))!;
    const ber = await municipality('Берёзовский');
    expect(summary.place).toBe(ber.name);
    expect(summary.counts.total).toBe(17);
    expect(new URL(summary.links.close, 'http://x').searchParams.get('organisation')).toBe(ber.name);
    expect(summary.warnings.every((w) => w.organisationId === ber.id)).toBe(true);
    expect(summary.warnings.map((w) => w.code).sort()).toEqual(['12', '9']);
    const other = await coordinatorOf('городской округ');
    expect((await loadIndicatorSummary(other, TODAY))!.warnings.filter((w) => w.organisationId === ber.id)).toEqual([]);
  });

  it('the seed 001 road map (its УМЦ belongs to Берёзовский район) shows the warnings of its linked indicators', async () => {
    const [map] = await db().select().from(roadmaps).where(eq(roadmaps.externalKey, `${prefix}-seed-001-roadmap`));
    const result = await roadmapIndicatorWarnings(analyst, map!.id, TODAY);
    expect(result.linked).toBeGreaterThan(0);
    expect(result.warnings.map((w) => [w.code, w.kind]).sort()).toEqual([['12', 'activities_done_not_moving'], ['9', 'met_while_activities_lag']]);
    // A map with no linked item shows none.
    const [other] = await db().select().from(roadmaps).where(eq(roadmaps.externalKey, `${prefix}-seed-001-directions`));
    expect((await roadmapIndicatorWarnings(analyst, other!.id, TODAY)).warnings).toEqual([]);
    expect((await roadmapIndicatorWarnings(analyst, 'не-id', TODAY)).warnings).toEqual([]);
  });
});
