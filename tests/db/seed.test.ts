import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor-store';
import { getDb } from '@/lib/db/client';
import { DEMO_DATA } from '@/lib/demo/data';
import { realNamesIn, SEED_REAL_NAMES } from '@/lib/demo/fictional';
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
    expect(second).toEqual({ organisationsCreated: 0, usersCreated: 0, roadmapsCreated: 0, classificationRecordsCreated: 0, indicatorRecordsCreated: 0, practicesCreated: 0 });
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

  it('writes no real place or person name of the seeds into the fictional region', async () => {
    await seedDemoData();
    const { rows } = await getDb().execute<{ source: string; text: string }>(sql`
      SELECT 'roadmap ' || r.external_key AS source, concat_ws(' | ', r.title, r.approval_document) AS text FROM roadmaps r WHERE r.external_key LIKE 'demo-%'
      UNION ALL SELECT 'section', s.title FROM roadmap_sections s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.external_key LIKE 'demo-%'
      UNION ALL SELECT 'item ' || coalesce(i.number, ''), concat_ws(' | ', i.activity, i.deadline_text, i.responsible_text, i.planned_result, i.expected_document)
        FROM roadmap_items i JOIN roadmaps r ON r.id = i.roadmap_id WHERE r.external_key LIKE 'demo-%'
      UNION ALL SELECT 'organisation ' || o.name, concat_ws(' | ', o.name, o.short_name, o.address, array_to_string(o.aliases, ' | ')) FROM organisations o
        WHERE o.region_id = (SELECT id FROM organisations WHERE name = ${DEMO_DATA.region.name} AND kind = 'region' LIMIT 1)`);
    expect(rows.length).toBeGreaterThan(100);
    // The seeds do name these (the scan would find them without the fictional names).
    expect(SEED_REAL_NAMES.length).toBeGreaterThan(5);
    const leaks = rows.flatMap((row) => realNamesIn(row.text).map((name) => `${row.source}: ${name}`));
    expect(leaks).toEqual([]);
  });

  it('sets demo statuses through the status-change path: each item’s history ends in its status', async () => {
    await seedDemoData();
    const { rows } = await getDb().execute<{ id: string; status: string; last: string | null }>(sql`
      SELECT i.id, i.status,
        (SELECT a.after->>'status' FROM audit_log a WHERE a.entity_type = 'roadmap_item' AND a.entity_id = i.id::text AND a.after ? 'status'
          ORDER BY a.id DESC LIMIT 1) AS last
      FROM roadmap_items i JOIN roadmaps r ON r.id = i.roadmap_id WHERE r.external_key LIKE 'demo-%'`);
    expect(rows.filter((r) => r.status === 'cancelled').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.last !== r.status).map((r) => `${r.id}: ${r.last} → ${r.status}`)).toEqual([]);
  });

  it('opens one campaign in the demo region: Берёзовский район submitted, г. Светлогорск late and reminded on its start page', async () => {
    await seedDemoData();
    const { getCampaign, listCampaigns, owedCampaigns } = await import('@/lib/indicators/campaigns/queries');
    const actorOf = async (login: string) => {
      const [user] = await getDb().select().from(users).where(eq(users.login, login));
      return (await loadActor(user!.id, user!.sessionVersion))!;
    };
    const analyst = await actorOf('analyst@opora.demo');
    const open = (await listCampaigns(analyst)).filter((c) => c.campaign.status === 'open' && c.campaign.externalKey?.startsWith('demo-'));
    expect(open).toHaveLength(1);
    const detail = await getCampaign(analyst, open[0]!.campaign.id);
    expect(detail.campaign.year).toBe(new Date().getFullYear());
    expect(detail.indicators).toHaveLength(13);
    const statusOf = Object.fromEntries(detail.rows.map((r) => [r.organisation.shortName ?? r.organisation.name, r.completeness.status]));
    expect(Object.values(statusOf).sort()).toEqual(['overdue', 'submitted']);
    expect(detail.rate).toMatchObject({ expected: 2, submitted: 1, late: 1 });
    const late = detail.rows.find((r) => r.completeness.late)!;
    expect(late.valuesEntered).toBe(4);
    const coordinator2 = await actorOf('coordinator2@opora.demo');
    expect(coordinator2.scope.organisationId).toBe(late.organisation.id);
    expect((await owedCampaigns(coordinator2)).map((c) => c.campaignId)).toEqual([detail.campaign.id]);
    expect(await owedCampaigns(await actorOf('coordinator@opora.demo'))).toEqual([]);
  });
});
