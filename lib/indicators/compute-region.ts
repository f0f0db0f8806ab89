// No 'server-only' here: the indicators benchmark runs it under tsx (as lib/indicators/write-core.ts).
/**
 * Every active computed indicator of a region for a year, for the region, each municipality and each school:
 * the facts of the region's schools are read once (lib/indicators/facts.ts) and split, each organisation
 * evaluated over its own schools — the same figures as one organisation at a time, without reading the
 * region sixty-one times. Values only: the per-school sentences are built when one value is opened
 * (computeIn), not for 2,000 organisations at once.
 */
import { and, eq } from 'drizzle-orm';
import { indicators, organisations } from '@/db/schema';
import type { Executor } from '@/lib/db/client';
import { evaluate, type Evaluation, type SchoolFacts } from './expression';
import { loadSchoolFacts } from './facts';
import type { IndicatorExpression } from './schemas';

export interface RegionComputation {
  /** indicatorId → organisationId → evaluation. */
  values: Map<string, Map<string, Evaluation>>;
  organisations: number;
  evaluations: number;
}

export async function computeRegionIn(executor: Executor, regionId: string, year: number, today: Date = new Date()): Promise<RegionComputation> {
  const computed = await executor.select().from(indicators).where(and(eq(indicators.regionId, regionId), eq(indicators.kind, 'computed'), eq(indicators.status, 'active')));
  const municipalities = await executor.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.regionId, regionId), eq(organisations.kind, 'municipality'), eq(organisations.isActive, true)));
  const facts = await loadSchoolFacts(executor, { id: regionId, kind: 'region' }, year, today);
  const groups = new Map<string, SchoolFacts[]>([[regionId, facts]]);
  for (const m of municipalities) groups.set(m.id, []);
  for (const f of facts) {
    groups.get(f.municipalityId)?.push(f);
    groups.set(f.schoolId, [f]);
  }
  const values = new Map<string, Map<string, Evaluation>>();
  let evaluations = 0;
  for (const ind of computed) {
    const byOrg = new Map<string, Evaluation>();
    for (const [orgId, schools] of groups) {
      byOrg.set(orgId, evaluate(ind.expression as IndicatorExpression, ind.unit, schools, { trace: false }));
      evaluations += 1;
    }
    values.set(ind.id, byOrg);
  }
  return { values, organisations: groups.size, evaluations };
}
