// No 'server-only' here: the demo seed runs the write core under tsx, outside Next (see lib/demo/seed.ts).
import { and, eq } from 'drizzle-orm';
import { indicatorApprovals, indicators, organisations, type Indicator, type IndicatorApproval, type Organisation } from '@/db/schema';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { authorize, reachOf } from '@/lib/auth/policy';
import type { Executor } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { isId } from '@/lib/ids';
import { organisationScope } from '@/lib/organisations/scope';
import { periodTitle } from './quarters';

/** The scope of an indicator of the catalogue: its region, owned by the organisation that defined it. */
export function indicatorScope(indicator: Pick<Indicator, 'regionId' | 'ownerOrganisationId'>): ResourceScope {
  return { regionId: indicator.regionId, municipalityId: null, schoolId: null, ownerOrganisationId: indicator.ownerOrganisationId };
}

/**
 * The catalogue of a region is read by everyone of that region who has `indicator.read` (a school reads the
 * region's indicators it reports on); values are read and written by organisation scope.
 */
export function canReadCatalogue(actor: Actor, regionId: string): boolean {
  const reach = reachOf(actor, 'indicator.read');
  if (reach === 'any') return true;
  if (reach === null) return false;
  return actor.scope.regionId === regionId;
}

/** A malformed id names no record: 404, never a database error (lib/ids). */
export async function indicatorFor(executor: Executor, actor: Actor, id: string, forUpdate = false): Promise<Indicator> {
  if (!isId(id)) throw new AppError('not_found', 'Показатель не найден.');
  const query = executor.select().from(indicators).where(eq(indicators.id, id)).limit(1);
  const [indicator] = forUpdate ? await query.for('update') : await query;
  if (!indicator || !canReadCatalogue(actor, indicator.regionId)) throw new AppError('not_found', 'Показатель не найден.');
  return indicator;
}

export async function organisationFor(executor: Executor, id: string): Promise<Organisation> {
  if (!isId(id)) throw new AppError('not_found', 'Организация не найдена.');
  const [org] = await executor.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  if (!org) throw new AppError('not_found', 'Организация не найдена.');
  return org;
}

/** Reporting organisations: a region, a municipality or a school. */
export function reportingScope(org: Organisation): ResourceScope {
  if (org.kind !== 'region' && org.kind !== 'municipality' && org.kind !== 'school') {
    throw new AppError('validation', `Организация «${org.name}» не представляет значения показателей: это делают регион, муниципалитет или школа`);
  }
  return organisationScope(org);
}

/** The organisation's values for the actor to write: the right in its scope, or 403. */
export function authorizeOrganisation(actor: Actor | null, action: 'indicator.write' | 'indicator.read' | 'indicator.approve', org: Organisation) {
  authorize(actor, action, reportingScope(org));
}

/**
 * Approval is done by the level above the reporting organisation: a school's values by its municipality (or the
 * region), a municipality's by the region, the region's by an administrator.
 */
export function assertLevelAbove(actor: Actor, org: Organisation): void {
  authorizeOrganisation(actor, 'indicator.approve', org);
  if (actor.role === 'admin') return;
  const level = actor.scope.level;
  const above =
    org.kind === 'school' ? level === 'municipality' || level === 'region' : org.kind === 'municipality' ? level === 'region' : false;
  if (!above) throw new AppError('forbidden', 'Значения утверждает вышестоящий уровень: школы — муниципалитет, муниципалитета — регион.');
}

export async function approvalOf(executor: Executor, organisationId: string, year: number, quarter: number, forUpdate = false): Promise<IndicatorApproval | null> {
  const query = executor
    .select()
    .from(indicatorApprovals)
    .where(and(eq(indicatorApprovals.organisationId, organisationId), eq(indicatorApprovals.year, year), eq(indicatorApprovals.quarter, quarter)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export function periodLabel(year: number, quarter: number): string {
  return periodTitle(year, quarter);
}

/** Values of a submitted or approved period do not change: 409 with the reason in Russian. */
export function assertEditable(approval: IndicatorApproval | null, orgName: string, year: number, quarter: number): void {
  if (!approval) return;
  const period = periodLabel(year, quarter);
  if (approval.state === 'approved') {
    throw new AppError('conflict', `Значения «${orgName}» за ${period} утверждены и заблокированы; правка возможна после разблокировки с указанием причины.`);
  }
  if (approval.state === 'submitted') {
    throw new AppError('conflict', `Значения «${orgName}» за ${period} представлены на утверждение; правка возможна после возврата на доработку.`);
  }
}

export function assertVersion(current: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && current.version !== expected) throw new AppError('conflict');
}

/** Audit snapshot without bookkeeping columns. */
export function snapshot<T extends { createdAt?: Date; updatedAt?: Date }>(row: T) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}
