import 'server-only';
/**
 * Scorecard: indicators × organisations for a year — value, applicable target and baseline, status in words,
 * the outlier note and the «Мероприятия выполняются, а показатель не меняется» warning (or its reverse). Computed
 * indicators are evaluated once per organisation on shared facts (or read from the frozen snapshot).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { indicators, indicatorSnapshots, indicatorTargets, indicatorValues, organisations, type Indicator, type Organisation } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/policy';
import { scopeFilter } from '@/lib/auth/scope-filter';
import { getDb } from '@/lib/db/client';
import { compareRussian } from '@/lib/format/ru';
import { evaluate, referencedCodes, type SchoolFacts } from './expression';
import { loadSchoolFacts } from './facts';
import { linkedItems } from './queries';
import type { IndicatorExpression } from './schemas';
import { indicatorStatus, type IndicatorStatusWord } from './status';
import { applicable, type TargetRow } from './targets';
import { outlierReason } from './values';
import { indicatorWarning, type WarningResult } from './warning';

export interface ScorecardCell {
  indicatorId: string;
  organisationId: string;
  value: number | null;
  target: { year: number; value: number } | null;
  baseline: { year: number; value: number } | null;
  status: IndicatorStatusWord;
  outlier: string | null;
  warning: WarningResult | null;
}

export interface Scorecard {
  year: number;
  indicators: Indicator[];
  organisations: Pick<Organisation, 'id' | 'name' | 'shortName' | 'kind'>[];
  cells: ScorecardCell[];
}

/**
 * The actor's region's active indicators for the municipalities (or the schools of `municipalityId`) it may read.
 * `today` fixes what «overdue» means for the linked items.
 */
export async function loadScorecard(
  actor: Actor,
  options: { year: number; level: 'region' | 'municipality' | 'school'; municipalityId?: string; /** Only this organisation (of `level`). */ organisationId?: string },
  today: Date = new Date(),
): Promise<Scorecard> {
  authorize(actor, 'indicator.read');
  const db = getDb();
  const regionId = actor.scope.regionId;
  if (!regionId) return { year: options.year, indicators: [], organisations: [], cells: [] };
  const inds = (await db.select().from(indicators).where(and(eq(indicators.regionId, regionId), eq(indicators.status, 'active')))).sort((a, b) => compareRussian(a.code, b.code));
  const orgConditions = [
    eq(organisations.regionId, regionId),
    eq(organisations.kind, options.level),
    eq(organisations.isActive, true),
    scopeFilter(actor, 'indicator.read', { regionId: organisations.regionId, municipalityId: organisations.municipalityId, schoolId: organisations.id, ownerOrganisationId: organisations.id }),
  ];
  if (options.municipalityId) orgConditions.push(eq(organisations.municipalityId, options.municipalityId));
  if (options.organisationId) orgConditions.push(eq(organisations.id, options.organisationId));
  const orgs = (await db.select().from(organisations).where(and(...orgConditions)))
    .filter((o) => can(actor, 'indicator.read', { regionId: o.regionId, municipalityId: o.municipalityId, schoolId: o.kind === 'school' ? o.id : null, ownerOrganisationId: o.id }))
    .sort((a, b) => compareRussian(a.shortName ?? a.name, b.shortName ?? b.name));
  if (inds.length === 0 || orgs.length === 0) return { year: options.year, indicators: inds, organisations: orgs, cells: [] };
  const indIds = inds.map((i) => i.id);
  const orgIds = orgs.map((o) => o.id);
  const [targets, values, snapshots] = await Promise.all([
    db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, indIds)),
    // The year and the one before (the outlier rule): never the whole history.
    db.select().from(indicatorValues).where(and(inArray(indicatorValues.indicatorId, indIds), inArray(indicatorValues.organisationId, orgIds), inArray(indicatorValues.year, [options.year - 1, options.year]), eq(indicatorValues.quarter, 0))),
    db.select().from(indicatorSnapshots).where(and(inArray(indicatorSnapshots.indicatorId, indIds), inArray(indicatorSnapshots.organisationId, orgIds), eq(indicatorSnapshots.year, options.year))),
  ]);
  const valueOf = new Map(values.map((v) => [`${v.indicatorId}:${v.organisationId}:${v.year}`, v.value]));
  const frozen = new Map(snapshots.map((s) => [`${s.indicatorId}:${s.organisationId}`, s.value]));
  const targetsOf = new Map<string, TargetRow[]>();
  for (const t of targets) targetsOf.set(t.indicatorId, [...(targetsOf.get(t.indicatorId) ?? []), t]);
  const items = await linkedItems(indIds, today);
  const computed = inds.filter((i) => i.kind === 'computed');
  const cells: ScorecardCell[] = [];
  const needsFacts = orgs.filter((org) => computed.some((i) => !frozen.has(`${i.id}:${org.id}`)));
  // Many organisations: the region's facts read once and split by municipality or school (six queries, not six per
  // organisation); the figures are the same, each organisation still evaluated over its own schools only.
  // Only the entered values the expressions read (the scorecard keeps no digest of the facts).
  const codes = [...new Set(computed.flatMap((i) => referencedCodes(i.expression as IndicatorExpression)))];
  const shared = needsFacts.length > 1 && options.level !== 'region' ? groupFacts(await loadSchoolFacts(db, { id: regionId, kind: 'region' }, options.year, today, codes), options.level) : null;
  for (const org of orgs) {
    const facts = !needsFacts.includes(org) ? [] : shared ? (shared.get(org.id) ?? []) : await loadSchoolFacts(db, org, options.year, today, codes);
    for (const ind of inds) {
      const value =
        ind.kind === 'computed'
          ? frozen.has(`${ind.id}:${org.id}`)
            ? frozen.get(`${ind.id}:${org.id}`)!
            : evaluate(ind.expression as IndicatorExpression, ind.unit, facts, { trace: false }).value
          : (valueOf.get(`${ind.id}:${org.id}:${options.year}`) ?? null);
      const rows = targetsOf.get(ind.id) ?? [];
      const target = applicable(rows, 'target', options.year, org.id);
      const baseline = applicable(rows, 'baseline', options.year, org.id);
      const last = valueOf.get(`${ind.id}:${org.id}:${options.year - 1}`) ?? null;
      const linked = items.get(ind.id) ?? [];
      cells.push({
        indicatorId: ind.id,
        organisationId: org.id,
        value,
        target,
        baseline,
        status: indicatorStatus({ value, target: target?.value ?? null, baseline: baseline?.value ?? null, direction: ind.direction, closeShare: ind.closeShare }),
        outlier: value === null || ind.kind === 'computed' ? null : outlierReason(value, last, { jump: ind.outlierJump, min: ind.minValue, max: ind.maxValue }),
        warning:
          linked.length === 0
            ? null
            : indicatorWarning({
                items: linked.map((i) => ({ doneOnTime: i.doneOnTime, cancelled: !i.counts })),
                direction: ind.direction,
                baseline,
                target,
                current: value === null ? null : { year: options.year, value },
              }),
      });
    }
  }
  return { year: options.year, indicators: inds, organisations: orgs, cells };
}

/** Facts of the region's schools by their municipality, or by school. */
function groupFacts(facts: readonly SchoolFacts[], level: 'municipality' | 'school'): Map<string, SchoolFacts[]> {
  const out = new Map<string, SchoolFacts[]>();
  for (const f of facts) {
    const key = level === 'school' ? f.schoolId : f.municipalityId;
    const list = out.get(key);
    if (list) list.push(f);
    else out.set(key, [f]);
  }
  return out;
}
