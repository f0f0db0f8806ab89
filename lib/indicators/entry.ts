import 'server-only';
/**
 * What the data-entry grid shows for one organisation and year: each active entered indicator of the
 * organisation's level with its stored value (and version), last year's value, the target that applies and an
 * outlier warning; the period's approval state and what the actor may do with it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { indicatorApprovals, indicatorTargets, indicatorValues, organisations, type Indicator, type IndicatorApproval, type IndicatorValue, type Organisation } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { compareRussian } from '@/lib/format/ru';
import { approvalOf, assertLevelAbove, authorizeOrganisation, organisationFor, reportingScope } from './access';
import { listIndicators } from './queries';
import { applicable } from './targets';
import { outlierReason } from './values';

export interface EntryRow {
  indicator: Indicator;
  current: IndicatorValue | null;
  lastYear: IndicatorValue | null;
  target: { year: number; value: number } | null;
  outlier: string | null;
}

export interface EntryGrid {
  organisation: Organisation;
  year: number;
  rows: EntryRow[];
  approval: IndicatorApproval | null;
  canWrite: boolean;
  canApprove: boolean;
}

export const REPORTING_KINDS: ReadonlySet<string> = new Set(['region', 'municipality', 'school']);

export async function loadEntryGrid(actor: Actor, organisationId: string, year: number): Promise<EntryGrid> {
  const db = getDb();
  const organisation = await organisationFor(db, organisationId);
  // A ministry or a methodical centre reports no values: no grid of its own.
  if (!REPORTING_KINDS.has(organisation.kind)) throw new AppError('not_found', 'Организация не представляет значения показателей.');
  authorizeOrganisation(actor, 'indicator.read', organisation);
  const indicators = (await listIndicators(actor, { status: 'active' })).filter((i) => i.kind === 'entered' && i.level === organisation.kind && i.regionId === organisation.regionId);
  const ids = indicators.map((i) => i.id);
  // One after another: the queries may share one connection.
  const values: IndicatorValue[] =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(indicatorValues)
          .where(and(inArray(indicatorValues.indicatorId, ids), eq(indicatorValues.organisationId, organisation.id), inArray(indicatorValues.year, [year - 1, year]), eq(indicatorValues.quarter, 0)));
  const targets = ids.length === 0 ? [] : await db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, ids));
  const approval = await approvalOf(db, organisation.id, year, 0);
  const rows = indicators.map((indicator): EntryRow => {
    const current = values.find((v) => v.indicatorId === indicator.id && v.year === year) ?? null;
    const lastYear = values.find((v) => v.indicatorId === indicator.id && v.year === year - 1) ?? null;
    const target = applicable(
      targets.filter((t) => t.indicatorId === indicator.id),
      'target',
      year,
      organisation.id,
    );
    const outlier = current ? outlierReason(current.value, lastYear?.value ?? null, { jump: indicator.outlierJump, min: indicator.minValue, max: indicator.maxValue }) : null;
    return { indicator, current, lastYear, target, outlier };
  });
  let canApprove = true;
  try {
    assertLevelAbove(actor, organisation);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    canApprove = false;
  }
  return { organisation, year, rows, approval, canWrite: can(actor, 'indicator.write', reportingScope(organisation)), canApprove };
}

// ——— Organisations × indicators ———

export interface MatrixCell {
  current: IndicatorValue | null;
  lastYear: number | null;
  target: { year: number; value: number } | null;
  outlier: string | null;
}

export interface MatrixRow {
  organisation: Organisation;
  /** The actor enters this organisation's values and its period is open (or returned). */
  editable: boolean;
  state: IndicatorApproval['state'];
  /** One per indicator of the grid; null where the indicator is not of this organisation's level. */
  cells: (MatrixCell | null)[];
}

export interface EntryMatrix {
  organisation: Organisation;
  year: number;
  indicators: Indicator[];
  rows: MatrixRow[];
}

/**
 * A municipality with its schools (or a region with its municipalities) × the active entered indicators of their
 * levels for a year: each cell with its stored value and version, last year's value, the applicable target and an
 * outlier warning. Rows are the organisations the actor reads; a row is editable where the actor enters values and
 * the period is neither submitted nor approved.
 */
export async function loadEntryMatrix(actor: Actor, organisationId: string, year: number): Promise<EntryMatrix> {
  const db = getDb();
  const organisation = await organisationFor(db, organisationId);
  if (!REPORTING_KINDS.has(organisation.kind)) throw new AppError('not_found', 'Организация не представляет значения показателей.');
  authorizeOrganisation(actor, 'indicator.read', organisation);
  const childKind = organisation.kind === 'region' ? 'municipality' : organisation.kind === 'municipality' ? 'school' : null;
  const children = childKind
    ? await db
        .select()
        .from(organisations)
        .where(and(eq(organisations.kind, childKind), eq(organisations.isActive, true), childKind === 'school' ? eq(organisations.municipalityId, organisation.id) : eq(organisations.regionId, organisation.id)))
    : [];
  const orgs = [
    organisation,
    ...children.filter((o) => can(actor, 'indicator.read', reportingScope(o))).sort((a, b) => compareRussian(a.shortName ?? a.name, b.shortName ?? b.name)),
  ];
  const kinds = new Set(orgs.map((o) => o.kind));
  const indicators = (await listIndicators(actor, { status: 'active' })).filter((i) => i.kind === 'entered' && kinds.has(i.level) && i.regionId === organisation.regionId);
  const indIds = indicators.map((i) => i.id);
  const orgIds = orgs.map((o) => o.id);
  const values: IndicatorValue[] =
    indIds.length === 0
      ? []
      : await db
          .select()
          .from(indicatorValues)
          .where(and(inArray(indicatorValues.indicatorId, indIds), inArray(indicatorValues.organisationId, orgIds), inArray(indicatorValues.year, [year - 1, year]), eq(indicatorValues.quarter, 0)));
  const targets = indIds.length === 0 ? [] : await db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, indIds));
  const approvals = await db
    .select()
    .from(indicatorApprovals)
    .where(and(inArray(indicatorApprovals.organisationId, orgIds), eq(indicatorApprovals.year, year), eq(indicatorApprovals.quarter, 0)));
  const valueOf = new Map(values.map((v) => [`${v.indicatorId}:${v.organisationId}:${v.year}`, v]));
  const stateOf = new Map(approvals.map((a) => [a.organisationId, a.state]));
  const rows = orgs.map((org): MatrixRow => {
    const state = stateOf.get(org.id) ?? 'open';
    return {
      organisation: org,
      state,
      editable: (state === 'open' || state === 'returned') && can(actor, 'indicator.write', reportingScope(org)),
      cells: indicators.map((ind) => {
        if (ind.level !== org.kind) return null;
        const current = valueOf.get(`${ind.id}:${org.id}:${year}`) ?? null;
        const lastYear = valueOf.get(`${ind.id}:${org.id}:${year - 1}`)?.value ?? null;
        const target = applicable(
          targets.filter((t) => t.indicatorId === ind.id),
          'target',
          year,
          org.id,
        );
        const outlier = current ? outlierReason(current.value, lastYear, { jump: ind.outlierJump, min: ind.minValue, max: ind.maxValue }) : null;
        return { current, lastYear, target, outlier };
      }),
    };
  });
  return { organisation, year, indicators, rows };
}
