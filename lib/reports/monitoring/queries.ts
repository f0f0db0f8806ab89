import 'server-only';
/**
 * The monitoring report and the analytical note's facts for a caller: the caller's right decides whether it may
 * build the report of this organisation (a region — the region's staff; a municipality — also its coordinator),
 * never the figures, which load.ts reads the same for everyone.
 */
import { eq } from 'drizzle-orm';
import { organisations, type Organisation } from '@/db/schema';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { getDb, type Executor } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { isId } from '@/lib/ids';
import type { ReportDocument } from '@/lib/reports/document/model';
import type { NoteFacts } from '@/lib/reports/note/facts';
import { monitoringInputSchema, type MonitoringInput } from '@/lib/reports/schemas';
import { parseInput } from '@/lib/validation';
import { buildMonitoringReport, monitoringNoteFacts } from './build';
import { defaultOnDate, loadMonitoringData, type Progress } from './load';

/** The permission scope of a report about a region or a municipality. */
export function reportScope(org: Pick<Organisation, 'id' | 'kind' | 'regionId'>): ResourceScope {
  return { regionId: org.regionId ?? org.id, municipalityId: org.kind === 'municipality' ? org.id : null, schoolId: null };
}

/**
 * The region or municipality a report is about, once the caller may build its reports: an unknown id is 404, a
 * school or another kind of organisation a validation error, a place outside the caller's scope 403.
 */
export async function reportOrganisation(actor: Actor, organisationId: string, executor: Executor = getDb()): Promise<Organisation> {
  authorize(actor, 'report.export');
  const [org] = isId(organisationId) ? await executor.select().from(organisations).where(eq(organisations.id, organisationId)) : [];
  if (!org) throw new AppError('not_found', 'Организация не найдена.');
  if (org.kind !== 'region' && org.kind !== 'municipality') {
    throw new AppError('validation', 'Отчёт строится по региону или муниципалитету.', [{ field: 'organisationId', message: 'Организация: выберите регион или муниципалитет' }]);
  }
  authorize(actor, 'report.export', reportScope(org));
  return org;
}

export interface MonitoringRequest {
  organisation: Organisation;
  year: number;
  onDate: string;
}

/** Parses and checks a request: the organisation the caller may report on, the year and the date deadlines are judged at. */
export async function monitoringRequest(actor: Actor, input: MonitoringInput, today: Date = new Date()): Promise<MonitoringRequest> {
  const data = parseInput(monitoringInputSchema, input);
  const organisation = await reportOrganisation(actor, data.organisationId);
  return { organisation, year: data.year, onDate: data.onDate ?? defaultOnDate(data.year, today) };
}

/** The monitoring report of a region or a municipality for a year. */
export async function buildMonitoring(actor: Actor, input: MonitoringInput, progress?: Progress): Promise<ReportDocument> {
  const request = await monitoringRequest(actor, input);
  return buildMonitoringReport(await loadMonitoringData(getDb(), request.organisation, request.year, request.onDate, progress));
}

/**
 * The facts an analytical note of a region or a municipality for a year is written from: the same figures as the
 * monitoring report's tables (both are built from one `MonitoringData`).
 */
export async function gatherNoteFacts(actor: Actor, input: { organisationId: string; year: number; onDate?: string }): Promise<NoteFacts> {
  const request = await monitoringRequest(actor, input);
  return monitoringNoteFacts(await loadMonitoringData(getDb(), request.organisation, request.year, request.onDate));
}
