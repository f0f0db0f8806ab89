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
import { listIndicators, valueFiles, type ValueFileInfo } from './queries';
import { applicable } from './targets';
import { outlierReason } from './values';

export interface EntryRow {
  indicator: Indicator;
  current: IndicatorValue | null;
  /** The same period a year before (the same quarter for a quarter). */
  lastYear: IndicatorValue | null;
  target: { year: number; value: number } | null;
  outlier: string | null;
  /** A quarterly indicator on the year grid: its year figure is derived from the quarters, not typed. */
  derived: boolean;
  file: ValueFileInfo | null;
}

export interface EntryGrid {
  organisation: Organisation;
  year: number;
  /** 0 — the whole year. */
  quarter: number;
  rows: EntryRow[];
  approval: IndicatorApproval | null;
  /** For a quarter: the year's approval (an approved year keeps its quarters). */
  yearApproval: IndicatorApproval | null;
  canWrite: boolean;
  canApprove: boolean;
}

export const REPORTING_KINDS: ReadonlySet<string> = new Set(['region', 'municipality', 'school']);

/**
 * One organisation's active entered indicators for a period. The year (quarter 0): yearly indicators to type, and
 * quarterly ones read-only with the figure derived from their quarters; a quarter: the quarterly indicators.
 */
export async function loadEntryGrid(actor: Actor, organisationId: string, year: number, quarter = 0): Promise<EntryGrid> {
  const db = getDb();
  const organisation = await organisationFor(db, organisationId);
  // A ministry or a methodical centre reports no values: no grid of its own.
  if (!REPORTING_KINDS.has(organisation.kind)) throw new AppError('not_found', 'Организация не представляет значения показателей.');
  authorizeOrganisation(actor, 'indicator.read', organisation);
  const indicators = (await listIndicators(actor, { status: 'active' })).filter(
    (i) => i.kind === 'entered' && i.level === organisation.kind && i.regionId === organisation.regionId && (quarter === 0 || i.periodicity === 'quarter'),
  );
  const ids = indicators.map((i) => i.id);
  // One after another: the queries may share one connection.
  const values: IndicatorValue[] =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(indicatorValues)
          .where(and(inArray(indicatorValues.indicatorId, ids), eq(indicatorValues.organisationId, organisation.id), inArray(indicatorValues.year, [year - 1, year]), eq(indicatorValues.quarter, quarter)));
  const targets = ids.length === 0 ? [] : await db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, ids));
  const approval = await approvalOf(db, organisation.id, year, quarter);
  const yearApproval = quarter === 0 ? approval : await approvalOf(db, organisation.id, year, 0);
  const files = await valueFiles(values.filter((v) => v.year === year).map((v) => v.id));
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
    return { indicator, current, lastYear, target, outlier, derived: quarter === 0 && indicator.periodicity === 'quarter', file: current ? (files.get(current.id) ?? null) : null };
  });
  let canApprove = true;
  try {
    assertLevelAbove(actor, organisation);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    canApprove = false;
  }
  return { organisation, year, quarter, rows, approval, yearApproval, canWrite: can(actor, 'indicator.write', reportingScope(organisation)), canApprove };
}

// ——— Organisations × indicators ———

export interface MatrixCell {
  current: IndicatorValue | null;
  /** The same period a year before. */
  lastYear: number | null;
  target: { year: number; value: number } | null;
  outlier: string | null;
  /** A quarterly indicator on a year grid: derived from the quarters, shown, not typed. */
  derived: boolean;
  file: ValueFileInfo | null;
}

export interface MatrixRow {
  organisation: Organisation;
  year: number;
  /** The actor enters this organisation's values and its period is open (or returned). */
  editable: boolean;
  state: IndicatorApproval['state'];
  /** One per indicator of the grid; null where the indicator is not of this organisation's level. */
  cells: (MatrixCell | null)[];
}

export interface EntryMatrix {
  organisation: Organisation;
  year: number;
  quarter: number;
  /** `organisations`: the organisation and those below it for one year; `years`: the organisation for several years. */
  view: 'organisations' | 'years';
  years: number[];
  indicators: Indicator[];
  rows: MatrixRow[];
}

/** Years the one-organisation grid shows, ending with the chosen one. */
export const MATRIX_YEARS = 5;

/**
 * A municipality with its schools (or a region with its municipalities) × the active entered indicators of their
 * levels for a period — or (`view` years) one organisation × its indicators × the `MATRIX_YEARS` years up to
 * `year`: each cell with its stored value and version, last year's value, the applicable target, an outlier warning
 * and its evidence file. Rows are the organisations the actor reads; a row is editable where the actor enters values
 * and the period (for a quarter, also the year) is neither submitted nor approved. A quarter shows the quarterly
 * indicators; the year shows the yearly ones to type and the quarterly ones derived.
 */
export async function loadEntryMatrix(actor: Actor, organisationId: string, year: number, options: { quarter?: number; view?: 'organisations' | 'years' } = {}): Promise<EntryMatrix> {
  const quarter = options.quarter ?? 0;
  const view = options.view ?? 'organisations';
  const db = getDb();
  const organisation = await organisationFor(db, organisationId);
  if (!REPORTING_KINDS.has(organisation.kind)) throw new AppError('not_found', 'Организация не представляет значения показателей.');
  authorizeOrganisation(actor, 'indicator.read', organisation);
  const childKind = view === 'years' ? null : organisation.kind === 'region' ? 'municipality' : organisation.kind === 'municipality' ? 'school' : null;
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
  const years = view === 'years' ? Array.from({ length: MATRIX_YEARS }, (_, i) => year - MATRIX_YEARS + 1 + i) : [year];
  const kinds = new Set(orgs.map((o) => o.kind));
  const indicators = (await listIndicators(actor, { status: 'active' })).filter(
    (i) => i.kind === 'entered' && kinds.has(i.level) && i.regionId === organisation.regionId && (quarter === 0 || i.periodicity === 'quarter'),
  );
  const indIds = indicators.map((i) => i.id);
  const orgIds = orgs.map((o) => o.id);
  const readYears = [...new Set(years.flatMap((y) => [y - 1, y]))];
  const values: IndicatorValue[] =
    indIds.length === 0
      ? []
      : await db
          .select()
          .from(indicatorValues)
          .where(and(inArray(indicatorValues.indicatorId, indIds), inArray(indicatorValues.organisationId, orgIds), inArray(indicatorValues.year, readYears), eq(indicatorValues.quarter, quarter)));
  const targets = indIds.length === 0 ? [] : await db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, indIds));
  const approvals = await db
    .select()
    .from(indicatorApprovals)
    .where(and(inArray(indicatorApprovals.organisationId, orgIds), inArray(indicatorApprovals.year, years), inArray(indicatorApprovals.quarter, [...new Set([0, quarter])])));
  const files = await valueFiles(values.filter((v) => years.includes(v.year)).map((v) => v.id));
  const valueOf = new Map(values.map((v) => [`${v.indicatorId}:${v.organisationId}:${v.year}`, v]));
  const stateOf = new Map(approvals.map((a) => [`${a.organisationId}:${a.year}:${a.quarter}`, a.state]));
  const open = (state: IndicatorApproval['state']) => state === 'open' || state === 'returned';
  const pairs = view === 'years' ? years.map((y) => ({ org: organisation, year: y })).reverse() : orgs.map((org) => ({ org, year }));
  const rows = pairs.map(({ org, year: rowYear }): MatrixRow => {
    const state = stateOf.get(`${org.id}:${rowYear}:${quarter}`) ?? 'open';
    // A quarter makes the year's figure: an approved (or submitted) year keeps its quarters.
    const yearState = quarter === 0 ? state : (stateOf.get(`${org.id}:${rowYear}:0`) ?? 'open');
    return {
      organisation: org,
      year: rowYear,
      state: open(state) && !open(yearState) ? yearState : state,
      editable: open(state) && open(yearState) && can(actor, 'indicator.write', reportingScope(org)),
      cells: indicators.map((ind) => {
        if (ind.level !== org.kind) return null;
        const current = valueOf.get(`${ind.id}:${org.id}:${rowYear}`) ?? null;
        const lastYear = valueOf.get(`${ind.id}:${org.id}:${rowYear - 1}`)?.value ?? null;
        const target = applicable(
          targets.filter((t) => t.indicatorId === ind.id),
          'target',
          rowYear,
          org.id,
        );
        const outlier = current ? outlierReason(current.value, lastYear, { jump: ind.outlierJump, min: ind.minValue, max: ind.maxValue }) : null;
        return { current, lastYear, target, outlier, derived: quarter === 0 && ind.periodicity === 'quarter', file: current ? (files.get(current.id) ?? null) : null };
      }),
    };
  });
  return { organisation, year, quarter, view, years, indicators, rows };
}
