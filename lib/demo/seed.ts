import { eq, sql } from 'drizzle-orm';
import { type NewOrganisation, organisations, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { getDb, type Transaction } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { organisationScope, organisationSnapshot } from '@/lib/organisations/scope';
import { seedDemoClassification } from '@/lib/classification/demo-seed';
import { seedDemoRoadmaps } from '@/lib/roadmaps/demo-seed';
import { seedDemoIndicators } from '@/lib/indicators/demo';
import { seedDemoCampaigns } from '@/lib/indicators/campaigns/demo';
import { seedDemoPractices } from '@/lib/practices/demo';
import { DEMO_DATA, DEMO_PASSWORD } from './data';

export interface SeedReport {
  organisationsCreated: number;
  usersCreated: number;
  roadmapsCreated: number;
  classificationRecordsCreated: number;
  indicatorRecordsCreated: number;
  practicesCreated: number;
}

/** What domain seeders receive: the transaction and the ids of the demo records by their demo key / login. */
export interface DemoContext {
  tx: Transaction;
  organisationIds: ReadonlyMap<string, string>;
  userIds: ReadonlyMap<string, string>;
}

/**
 * Loads the demo region, its municipalities, schools, other organisations and one account per role. Idempotent:
 * records are found by their demo key (users by login) and only missing ones are created; existing ones, perhaps
 * edited by people since, are left as they are.
 */
export async function seedDemoData(): Promise<SeedReport> {
  return inTransaction(async (tx) => {
    const report: SeedReport = { organisationsCreated: 0, usersCreated: 0, roadmapsCreated: 0, classificationRecordsCreated: 0, indicatorRecordsCreated: 0, practicesCreated: 0 };
    const ids = new Map<string, string>();
    const ensure = async (key: string, values: Omit<NewOrganisation, 'id' | 'externalKey'> & { selfScope?: 'region' | 'municipality' }) => {
      const [existing] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.externalKey, key));
      if (existing) {
        ids.set(key, existing.id);
        return existing.id;
      }
      const id = crypto.randomUUID();
      const { selfScope, ...rest } = values;
      const row = {
        ...rest,
        id,
        externalKey: key,
        regionId: selfScope === 'region' ? id : rest.regionId,
        municipalityId: selfScope === 'municipality' ? id : rest.municipalityId,
      };
      const [created] = await tx.insert(organisations).values(row).returning();
      await recordAudit(tx, null, {
        action: 'create',
        entityType: 'organisation',
        entityId: id,
        scope: organisationScope(created!),
        after: organisationSnapshot(created!),
      });
      ids.set(key, id);
      report.organisationsCreated += 1;
      return id;
    };
    const { region } = DEMO_DATA;
    const regionId = await ensure(region.key, { kind: 'region', name: region.name, shortName: region.shortName, selfScope: 'region' });
    for (const m of DEMO_DATA.municipalities) {
      await ensure(m.key, { kind: 'municipality', name: m.name, shortName: m.shortName, parentId: regionId, regionId, selfScope: 'municipality' });
    }
    for (const o of DEMO_DATA.organisations) {
      const municipalityId = o.municipalityKey ? ids.get(o.municipalityKey)! : null;
      await ensure(o.key, {
        kind: o.kind,
        name: o.fullName,
        shortName: o.shortName,
        parentId: municipalityId ?? regionId,
        regionId,
        municipalityId,
        aliases: [...o.aliases],
      });
    }
    for (const s of DEMO_DATA.schools) {
      const municipalityId = ids.get(s.municipalityKey)!;
      await ensure(s.key, {
        kind: 'school',
        name: s.fullName,
        shortName: s.shortName,
        parentId: municipalityId,
        regionId,
        municipalityId,
        ogrn: s.ogrn,
        inn: s.inn,
        address: s.address,
        settlement: s.locality,
        distanceKm: s.distanceToCentreKm,
        pupils: s.pupilCount,
        schoolKind: 'school',
      });
    }
    const userIds = new Map<string, string>();
    report.usersCreated = await ensureUsers(tx, ids, userIds);
    const context: DemoContext = { tx, organisationIds: ids, userIds };
    report.roadmapsCreated = await seedDemoRoadmaps(context);
    report.classificationRecordsCreated = await seedDemoClassification(context);
    report.indicatorRecordsCreated = await seedDemoIndicators(context);
    report.indicatorRecordsCreated += await seedDemoCampaigns(context);
    report.practicesCreated = await seedDemoPractices(context);
    return report;
  });
}

async function ensureUsers(tx: Transaction, ids: Map<string, string>, userIds: Map<string, string>): Promise<number> {
  let created = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_DATA.users) {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.login, u.login));
    if (existing) {
      userIds.set(u.login, existing.id);
      continue;
    }
    const organisationId = ids.get(u.organisationKey)!;
    const [row] = await tx
      .insert(users)
      .values({ login: u.login, name: u.fullName, role: u.role, organisationId, passwordHash })
      .returning();
    userIds.set(u.login, row!.id);
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
    await recordAudit(tx, null, {
      action: 'create',
      entityType: 'user',
      entityId: row!.id,
      scope: organisationScope(org!),
      after: { login: row!.login, name: row!.name, role: row!.role, organisationId },
    });
    created += 1;
  }
  return created;
}

/** True when the database holds no organisation at all: the first start. */
export async function databaseIsEmpty(): Promise<boolean> {
  const result = await getDb().execute<{ empty: boolean }>(sql`SELECT NOT EXISTS (SELECT 1 FROM organisations) AS empty`);
  return result.rows[0]?.empty ?? true;
}
