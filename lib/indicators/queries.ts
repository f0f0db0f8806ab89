import 'server-only';
/**
 * Reads and writes of the indicators domain. Every function checks the caller's permission (lib/auth/policy.ts):
 * the region defines indicators and targets; an organisation enters and submits its values and the level above
 * approves, returns and unlocks; experts and methodologists read. Writes run in one transaction with optimistic
 * versions and audit (lib/indicators/write-core.ts).
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import {
  indicatorRoadmapItems,
  indicators,
  indicatorTargets,
  indicatorValueFiles,
  indicatorValues,
  organisations,
  roadmapItems,
  roadmaps,
  type Indicator,
  type IndicatorApproval,
  type IndicatorTarget,
  type IndicatorValue,
} from '@/db/schema';
import { entityHistory, type AuditRow } from '@/lib/audit/queries';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can, reachOf } from '@/lib/auth/policy';
import { scopeFilter } from '@/lib/auth/scope-filter';
import { getDb } from '@/lib/db/client';
import { ruOrder } from '@/lib/db/collation';
import { inTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { compareRussian } from '@/lib/format/ru';
import { isOverdue } from '@/lib/roadmaps/deadline';
import { parseInput } from '@/lib/validation';
import { isId } from '@/lib/ids';
import { recordAudit } from '@/lib/audit/record';
import { storedFileStream } from '@/lib/db/stored-file';
import type { StreamedFile } from '@/lib/export';
import { organisationScope } from '@/lib/organisations/scope';
import { cleanFileName } from '@/lib/roadmaps/evidence-type';
import type { EvidenceUpload } from '@/lib/roadmaps/schemas';
import { indicatorFor, organisationFor, reportingScope } from './access';
import type { CreateIndicatorInput, UpdateIndicatorInput, ApprovalActionInput } from './schemas';
import { valueFilterSchema } from './schemas';
import {
  approvalActionIn,
  computeIn,
  createIndicatorIn,
  linkItemsIn,
  saveValuesIn,
  setTargetIn,
  setValueFileIn,
  updateIndicatorIn,
  type ComputedValue,
} from './write-core';

/** The catalogue of the actor's region (every region for an administrator). */
export async function listIndicators(actor: Actor, filter: { status?: Indicator['status'] } = {}): Promise<Indicator[]> {
  authorize(actor, 'indicator.read');
  const conditions: SQL[] = [];
  if (reachOf(actor, 'indicator.read') !== 'any') {
    if (!actor.scope.regionId) return [];
    conditions.push(eq(indicators.regionId, actor.scope.regionId));
  }
  if (filter.status) conditions.push(eq(indicators.status, filter.status));
  const rows = await getDb()
    .select()
    .from(indicators)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(indicators.code));
  return rows.sort((a, b) => compareRussian(a.code, b.code));
}

export interface LinkedItem {
  id: string;
  roadmapId: string;
  roadmapTitle: string;
  number: string | null;
  activity: string;
  status: string;
  overdue: boolean;
  doneOnTime: boolean;
  counts: boolean;
}

export interface IndicatorDetail {
  indicator: Indicator;
  targets: IndicatorTarget[];
  items: LinkedItem[];
  canDefine: boolean;
}

export async function getIndicator(actor: Actor, id: string, today: Date = new Date()): Promise<IndicatorDetail> {
  authorize(actor, 'indicator.read');
  const db = getDb();
  const indicator = await indicatorFor(db, actor, id);
  const targets = await db
    .select()
    .from(indicatorTargets)
    .where(eq(indicatorTargets.indicatorId, id))
    .orderBy(asc(indicatorTargets.year), asc(indicatorTargets.kind));
  const items = (await linkedItems([indicator.id], today)).get(indicator.id) ?? [];
  return { indicator, targets, items, canDefine: can(actor, 'indicator.define', { regionId: indicator.regionId, municipalityId: null, schoolId: null, ownerOrganisationId: indicator.ownerOrganisationId }) };
}

/**
 * Road-map items linked to indicators, by indicator, with their state: overdue as the road maps compute it.
 * `counts` is false for items that are neither done nor overdue (not yet due, or without a deadline): they are not
 * behind, nor done, and stay out of the warning's share. Items record no completion date, so a done item counts as
 * done on time. One query for any number of indicators (the scorecard asks for all of a region's).
 */
export async function linkedItems(indicatorIds: readonly string[], today: Date = new Date()): Promise<Map<string, LinkedItem[]>> {
  const byIndicator = new Map<string, LinkedItem[]>();
  if (indicatorIds.length === 0) return byIndicator;
  const rows = await getDb()
    .select({ indicatorId: indicatorRoadmapItems.indicatorId, item: roadmapItems, roadmapTitle: roadmaps.title })
    .from(indicatorRoadmapItems)
    .innerJoin(roadmapItems, eq(roadmapItems.id, indicatorRoadmapItems.itemId))
    .innerJoin(roadmaps, eq(roadmaps.id, roadmapItems.roadmapId))
    .where(and(inArray(indicatorRoadmapItems.indicatorId, [...indicatorIds]), isNull(roadmapItems.deletedAt), isNull(roadmaps.deletedAt)))
    .orderBy(asc(roadmaps.title), asc(roadmapItems.position));
  for (const { indicatorId, item, roadmapTitle } of rows) {
    const overdue = isOverdue({ canBeOverdue: item.canBeOverdue, end: item.periodEnd }, item.status, today);
    const list = byIndicator.get(indicatorId) ?? [];
    list.push({
      id: item.id,
      roadmapId: item.roadmapId,
      roadmapTitle,
      number: item.number,
      activity: item.activity,
      status: item.status,
      overdue,
      doneOnTime: item.status === 'done',
      counts: item.status === 'done' || overdue,
    });
    byIndicator.set(indicatorId, list);
  }
  return byIndicator;
}

export async function indicatorHistory(actor: Actor, id: string): Promise<AuditRow[]> {
  await indicatorFor(getDb(), actor, id);
  return entityHistory(actor, 'indicator', id);
}

export function createIndicator(actor: Actor, input: CreateIndicatorInput): Promise<Indicator> {
  return inTransaction((tx) => createIndicatorIn(tx, actor, input));
}

export function updateIndicator(actor: Actor, input: UpdateIndicatorInput): Promise<Indicator> {
  return inTransaction(async (tx) => {
    await indicatorFor(tx, actor, String((input as { id?: unknown }).id ?? ''));
    return updateIndicatorIn(tx, actor, input);
  });
}

export function setTarget(actor: Actor, input: unknown): Promise<IndicatorTarget> {
  return inTransaction(async (tx) => {
    const id = (input as { indicatorId?: unknown } | null)?.indicatorId;
    if (isId(id)) await indicatorFor(tx, actor, id);
    return setTargetIn(tx, actor, input);
  });
}

export function linkItems(actor: Actor, indicatorId: string, itemIds: readonly string[]): Promise<void> {
  return inTransaction(async (tx) => {
    await indicatorFor(tx, actor, indicatorId);
    await linkItemsIn(tx, actor, indicatorId, itemIds);
  });
}

export function saveValues(actor: Actor, input: unknown): Promise<IndicatorValue[]> {
  return inTransaction(async (tx) => (await saveValuesIn(tx, actor, input)).saved);
}

export interface ValueFileInfo {
  fileName: string;
  sizeBytes: number;
  uploadedByName: string;
  uploadedAt: Date;
}

export type ListedValue = IndicatorValue & { organisationName: string; evidenceFile: ValueFileInfo | null };

/** Values of an indicator the actor may read (its own organisation's and those below), optionally of a year or an organisation; each with its evidence file (name and size), if any. */
export async function listValues(actor: Actor, indicatorId: string, filter: unknown = {}): Promise<ListedValue[]> {
  const f = parseInput(valueFilterSchema, filter);
  const db = getDb();
  await indicatorFor(db, actor, indicatorId);
  const conditions: (SQL | undefined)[] = [
    eq(indicatorValues.indicatorId, indicatorId),
    scopeFilter(actor, 'indicator.read', { regionId: indicatorValues.regionId, municipalityId: indicatorValues.municipalityId, schoolId: indicatorValues.schoolId, ownerOrganisationId: indicatorValues.organisationId }),
  ];
  if (f.year) conditions.push(eq(indicatorValues.year, f.year));
  if (f.organisationId) conditions.push(eq(indicatorValues.organisationId, f.organisationId));
  const rows = await db
    .select({ value: indicatorValues, organisationName: organisations.name, shortName: organisations.shortName, file: FILE_INFO })
    .from(indicatorValues)
    .innerJoin(organisations, eq(organisations.id, indicatorValues.organisationId))
    .leftJoin(indicatorValueFiles, eq(indicatorValueFiles.valueId, indicatorValues.id))
    .where(and(...conditions))
    .orderBy(asc(indicatorValues.year), asc(indicatorValues.quarter), ruOrder(organisations.name));
  return rows.map((r) => ({ ...r.value, organisationName: r.shortName ?? r.organisationName, evidenceFile: fileInfo(r.file) }));
}

/** The columns of a value's file shown beside it (never its bytes). */
export const FILE_INFO = {
  fileName: indicatorValueFiles.fileName,
  sizeBytes: indicatorValueFiles.sizeBytes,
  uploadedByName: indicatorValueFiles.uploadedByName,
  uploadedAt: indicatorValueFiles.uploadedAt,
};

/** A left-joined file row: null when the value has none. */
export function fileInfo(row: { fileName: string | null; sizeBytes: number | null; uploadedByName: string | null; uploadedAt: Date | null } | null): ValueFileInfo | null {
  return row === null || row.fileName === null ? null : { fileName: row.fileName, sizeBytes: Number(row.sizeBytes), uploadedByName: row.uploadedByName ?? '', uploadedAt: row.uploadedAt! };
}

/** Files of the given values (id → info): the entry grids show them beside their cells. */
export async function valueFiles(valueIds: readonly string[]): Promise<Map<string, ValueFileInfo>> {
  if (valueIds.length === 0) return new Map();
  const rows = await getDb().select({ valueId: indicatorValueFiles.valueId, ...FILE_INFO }).from(indicatorValueFiles).where(inArray(indicatorValueFiles.valueId, [...valueIds]));
  return new Map(rows.map((r) => [r.valueId, fileInfo(r)!]));
}

/**
 * A value's evidence file for download, if the actor reads the value's organisation (404 otherwise, as for an
 * unknown file): streamed in slices with the download headers of every stored file; each download is audited.
 */
export async function openValueFile(actor: Actor, valueId: string): Promise<StreamedFile> {
  if (!isId(valueId)) throw new AppError('not_found', 'Файл не найден.');
  const db = getDb();
  const [row] = await db
    .select({ value: indicatorValues, fileName: indicatorValueFiles.fileName, mimeType: indicatorValueFiles.mimeType, size: sql<number>`octet_length(${indicatorValueFiles.bytes})` })
    .from(indicatorValueFiles)
    .innerJoin(indicatorValues, eq(indicatorValues.id, indicatorValueFiles.valueId))
    .where(eq(indicatorValueFiles.valueId, valueId))
    .limit(1);
  if (!row) throw new AppError('not_found', 'Файл не найден.');
  await indicatorFor(db, actor, row.value.indicatorId).catch(() => {
    throw new AppError('not_found', 'Файл не найден.');
  });
  const org = await organisationFor(db, row.value.organisationId);
  if (!can(actor, 'indicator.read', reportingScope(org))) throw new AppError('not_found', 'Файл не найден.');
  const size = Number(row.size);
  await recordAudit(db, actor, { action: 'download', entityType: 'indicator_value', entityId: valueId, scope: organisationScope(org), after: { evidenceFile: row.fileName } });
  const stream = storedFileStream(db, indicatorValueFiles, indicatorValueFiles.bytes, eq(indicatorValueFiles.valueId, valueId), size);
  return { stream, size, fileName: cleanFileName(row.fileName), mimeType: row.mimeType };
}

/** Attaches, replaces (`file`) or removes (`file` null) a value's evidence file: see `setValueFileIn`. */
export function setValueFile(actor: Actor, input: { valueId: string; version?: number; file: EvidenceUpload | null }): Promise<IndicatorValue> {
  return inTransaction((tx) => setValueFileIn(tx, actor, input));
}

export function approvalAction(actor: Actor, input: ApprovalActionInput): Promise<IndicatorApproval> {
  return inTransaction((tx) => approvalActionIn(tx, actor, input));
}

/** A computed indicator for one organisation and year, with the schools behind it; the actor must read that organisation. */
export async function computeIndicator(actor: Actor, indicatorId: string, organisationId: string, year: number, today: Date = new Date()): Promise<ComputedValue> {
  const db = getDb();
  const indicator = await indicatorFor(db, actor, indicatorId);
  const org = await organisationFor(db, organisationId);
  if (!can(actor, 'indicator.read', reportingScope(org))) throw new AppError('not_found', 'Организация не найдена.');
  return computeIn(db, indicator, org, year, today);
}

/** Years with entered values in the actor's region, newest first (the scorecard's year choice). */
export async function valueYears(actor: Actor): Promise<number[]> {
  authorize(actor, 'indicator.read');
  if (!actor.scope.regionId) return [];
  // A value's region is its indicator's (the write paths refuse any other). The years are read by stepping down the
  // year index from the newest — a handful of index probes, not a scan of every value of the region.
  const result = await getDb().execute(sql`
    WITH RECURSIVE y(year) AS (
      SELECT max(v.year) FROM indicator_values v WHERE v.region_id = ${actor.scope.regionId}::uuid
      UNION ALL
      SELECT (SELECT max(v.year) FROM indicator_values v WHERE v.region_id = ${actor.scope.regionId}::uuid AND v.year < y.year) FROM y WHERE y.year IS NOT NULL
    )
    SELECT year FROM y WHERE year IS NOT NULL`);
  return (result.rows as { year: number | string }[]).map((r) => Number(r.year)).sort((a, b) => b - a);
}
