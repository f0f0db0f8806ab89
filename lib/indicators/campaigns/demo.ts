/**
 * Demo campaign: the demo region asks its two municipalities for seed 001's entered indicators of the current year,
 * due ten days before the seed ran. Берёзовский район has entered and submitted its values (its coordinator did, through
 * the domain's write core); г. Светлогорск has entered some and not submitted — it is late, and sees the campaign on its
 * start page. Idempotent: skipped when the campaign exists.
 */
import { eq, inArray } from 'drizzle-orm';
import { indicatorCampaigns, indicators, organisations, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf } from '@/lib/auth/actor-store';
import type { DemoContext } from '@/lib/demo/seed';
import { BEREZOVSKY_KEY, DEMO_REGION, SVETLOGORSK_KEY } from '@/lib/demo/organisations';
import { todayIso } from '@/lib/roadmaps/deadline';
import { demoIndicatorKey, SEED_001_INDICATORS } from '../demo';
import { approvalActionIn, saveValuesIn } from '../write-core';
import { createCampaignIn } from './write-core';

export const demoCampaignKey = (year: number, keyPrefix = 'demo') => `${keyPrefix}-campaign-seed-001-${year}`;

async function demoActor(tx: DemoContext['tx'], login: string): Promise<Actor | null> {
  const [row] = await tx.select({ user: users, organisation: organisations }).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.login, login));
  return row ? { id: row.user.id, name: row.user.name, role: row.user.role, scope: scopeOf(row.organisation) } : null;
}

export async function seedDemoCampaigns({ tx, organisationIds }: DemoContext, options: { keyPrefix?: string; today?: Date } = {}): Promise<number> {
  const keyPrefix = options.keyPrefix ?? 'demo';
  const today = options.today ?? new Date();
  const year = today.getFullYear();
  const regionId = organisationIds.get(DEMO_REGION.key);
  const berezovsky = organisationIds.get(BEREZOVSKY_KEY);
  const svetlogorsk = organisationIds.get(SVETLOGORSK_KEY);
  if (!regionId || !berezovsky || !svetlogorsk) return 0;
  const [exists] = await tx.select({ id: indicatorCampaigns.id }).from(indicatorCampaigns).where(eq(indicatorCampaigns.externalKey, demoCampaignKey(year, keyPrefix)));
  if (exists) return 0;
  const entered = SEED_001_INDICATORS.filter((d) => d.series);
  const rows = await tx.select().from(indicators).where(inArray(indicators.externalKey, entered.map((d) => demoIndicatorKey(d.no, keyPrefix))));
  if (rows.length === 0) return 0;
  const due = new Date(today);
  due.setDate(due.getDate() - 10);
  await createCampaignIn(
    tx,
    null,
    {
      title: `Планируемые результаты: значения за ${year} год`,
      description: 'Значения показателей из таблицы «Планируемые результаты» (документ 001) по данным муниципалитета; после ввода представьте их на утверждение.',
      year,
      dueDate: todayIso(due),
      indicatorIds: rows.map((r) => r.id),
      status: 'open',
    },
    { askingOrganisationId: regionId, externalKey: demoCampaignKey(year, keyPrefix) },
  );
  let created = 1;
  const lastOf = (no: number, m: 0 | 1) => entered.find((d) => d.no === no)!.series![m][2];
  const noOf = new Map(rows.map((r) => [r.id, Number(r.code)]));
  const coordinator = await demoActor(tx, 'coordinator@opora.demo');
  const coordinator2 = await demoActor(tx, 'coordinator2@opora.demo');
  // Берёзовский район: every value, submitted (after the due date: on the completeness view it counts as submitted, not on time).
  const bValues = rows.map((r) => ({ indicatorId: r.id, organisationId: berezovsky, year, value: Math.min(100, lastOf(noOf.get(r.id)!, 0) + 3) }));
  created += (await saveValuesIn(tx, coordinator, { values: bValues }, 'Демонстрационные данные')).saved.length;
  if (coordinator) {
    await approvalActionIn(tx, coordinator, { organisationId: berezovsky, year, action: 'submit', comment: 'Значения за год по данным управления образования.' }, today);
    created += 1;
  }
  // г. Светлогорск: a few values, not submitted — late.
  const sValues = rows.slice(0, 4).map((r) => ({ indicatorId: r.id, organisationId: svetlogorsk, year, value: Math.min(100, lastOf(noOf.get(r.id)!, 1) + 2) }));
  created += (await saveValuesIn(tx, coordinator2, { values: sValues }, 'Демонстрационные данные')).saved.length;
  return created;
}
