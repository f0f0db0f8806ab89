import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor-store';
import { getDb } from '@/lib/db/client';
import { DEMO_DATA } from '@/lib/demo/data';
import { seedDemoData } from '@/lib/demo/seed';

const count = async (table: typeof organisations | typeof users) =>
  Number((await getDb().select({ n: sql<number>`count(*)` }).from(table))[0]!.n);

describe('demo data', () => {
  it('loads every demo record once, and a second run changes nothing', async () => {
    const orgsBefore = await count(organisations);
    const first = await seedDemoData();
    const expectedOrgs = 1 + DEMO_DATA.municipalities.length + DEMO_DATA.organisations.length + DEMO_DATA.schools.length;
    expect(first).toMatchObject({ organisationsCreated: expectedOrgs, usersCreated: DEMO_DATA.users.length });
    expect(await count(organisations)).toBe(orgsBefore + expectedOrgs);
    const second = await seedDemoData();
    expect(second).toEqual({ organisationsCreated: 0, usersCreated: 0, roadmapsCreated: 0, classificationRecordsCreated: 0, indicatorRecordsCreated: 0 });
    expect(await count(organisations)).toBe(orgsBefore + expectedOrgs);
  });

  it('binds each demo account to a scope that matches its role', async () => {
    await seedDemoData();
    const scopes: Record<string, string> = {};
    for (const demo of DEMO_DATA.users) {
      const [user] = await getDb().select().from(users).where(eq(users.login, demo.login));
      const actor = await loadActor(user!.id, user!.sessionVersion);
      scopes[demo.login] = `${actor!.role}:${actor!.scope.level}`;
    }
    expect(scopes).toMatchObject({
      'admin@opora.demo': 'admin:region',
      'analyst@opora.demo': 'ministry_analyst:region',
      'coordinator@opora.demo': 'municipal_coordinator:municipality',
      'methodologist@opora.demo': 'methodologist:municipality',
      'expert@opora.demo': 'expert:region',
      'school@opora.demo': 'school_team:school',
    });
  });
});
