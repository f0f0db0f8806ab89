import 'server-only';
/**
 * What the data-entry grid shows for one organisation and year: each active entered indicator of the
 * organisation's level with its stored value (and version), last year's value, the target that applies and an
 * outlier warning; the period's approval state and what the actor may do with it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { indicatorTargets, indicatorValues, type Indicator, type IndicatorApproval, type IndicatorValue, type Organisation } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
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
