import 'server-only';
/**
 * Stored reports for a caller: queue a report (the right to build it is checked here, once, with the subject), see
 * the reports of the caller's place with who asked, when and with which parameters, follow a job's progress, and
 * download a finished file again. Queuing and every download are recorded in the audit log.
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { generatedReportFiles, generatedReports, type GeneratedReport } from '@/db/schema';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record';
import { getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import type { ExportedFile } from '@/lib/export/file';
import { isId } from '@/lib/ids';
import { reportFormats, type ReportFormat } from '@/lib/reports/document/render';
import { reportOrganisation, reportScope } from '@/lib/reports/monitoring/queries';
import { defaultOnDate } from '@/lib/reports/monitoring/load';
import { requestReportSchema, type RequestReportInput } from '@/lib/reports/schemas';
import { roadmapFor, roadmapScope } from '@/lib/roadmaps/access';
import { parseInput } from '@/lib/validation';
import { FORMAT_LABELS } from './file';
import { reportKind } from './kinds';
import { wakeRunner } from './runner';

export const REPORT_ENTITY = 'generated_report';

/** A stored report as lists and the API show it (without the file's bytes). */
export type StoredReport = Omit<GeneratedReport, 'parameters'> & { parameters: ReportParameters; kindLabel: string };

export interface ReportParameters {
  kind: string;
  format: string;
  organisation: string | null;
  year: number | null;
  roadmap: string | null;
  onDate: string;
}

function scopeOfRow(row: Pick<GeneratedReport, 'regionId' | 'municipalityId' | 'schoolId'>): ResourceScope {
  return { regionId: row.regionId, municipalityId: row.municipalityId, schoolId: row.schoolId };
}

function shown(row: GeneratedReport): StoredReport {
  return { ...row, parameters: row.parameters as ReportParameters, kindLabel: reportKind(row.kind)?.label ?? row.kind };
}

function issue(field: string, message: string): AppError {
  return new AppError('validation', 'Проверьте введённые данные.', [{ field, message }]);
}

/** Queues a report after checking the caller may build it; the runner of this instance is woken. */
export async function requestReport(actor: Actor, input: RequestReportInput, today: Date = new Date()): Promise<StoredReport> {
  authorize(actor, 'report.export');
  const data = parseInput(requestReportSchema, input);
  const kind = reportKind(data.kind);
  if (!kind) throw issue('kind', 'Вид отчёта: выберите вид из списка');
  if (!reportFormats().includes(data.format as ReportFormat)) throw issue('format', `Формат: доступны ${reportFormats().map((f) => FORMAT_LABELS[f]).join(', ')}`);
  let subject: { organisationId: string | null; roadmapId: string | null; year: number | null; scope: ResourceScope; organisation: string | null; roadmap: string | null; onDate: string };
  if (kind.about === 'organisation') {
    if (!data.organisationId) throw issue('organisationId', 'Организация: выберите регион или муниципалитет');
    if (data.year === undefined) throw issue('year', 'Год: укажите год отчёта');
    const org = await reportOrganisation(actor, data.organisationId);
    subject = { organisationId: org.id, roadmapId: null, year: data.year, scope: reportScope(org), organisation: org.shortName ?? org.name, roadmap: null, onDate: data.onDate ?? defaultOnDate(data.year, today) };
  } else {
    if (!data.roadmapId) throw issue('roadmapId', 'Дорожная карта: выберите дорожную карту');
    if (!isId(data.roadmapId)) throw new AppError('not_found', 'Дорожная карта не найдена.');
    const map = await roadmapFor(getDb(), actor, 'roadmap.read', data.roadmapId);
    const scope = roadmapScope(map);
    subject = { organisationId: null, roadmapId: map.id, year: null, scope: { regionId: scope.regionId, municipalityId: scope.municipalityId, schoolId: scope.schoolId }, organisation: null, roadmap: map.title, onDate: data.onDate ?? today.toISOString().slice(0, 10) };
  }
  const parameters: ReportParameters = { kind: data.kind, format: data.format, organisation: subject.organisation, year: subject.year, roadmap: subject.roadmap, onDate: subject.onDate };
  const row = await inTransaction(async (tx) => {
    const [created] = await tx.insert(generatedReports).values({
      kind: data.kind, format: data.format, organisationId: subject.organisationId, roadmapId: subject.roadmapId,
      regionId: subject.scope.regionId, municipalityId: subject.scope.municipalityId, schoolId: subject.scope.schoolId,
      year: subject.year, onDate: subject.onDate, parameters, requestedBy: actor.id, requestedByName: actor.name, requestedByRole: actor.role,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entityType: REPORT_ENTITY, entityId: created!.id, scope: subject.scope, after: { ...parameters, kind: kind.label } });
    return created!;
  });
  wakeRunner();
  return shown(row);
}

/** The stored reports of the caller's place (its region, or its municipality), newest first. */
export async function listReports(actor: Actor, limit = 200): Promise<StoredReport[]> {
  authorize(actor, 'report.export');
  const conditions: SQL[] = [];
  if (actor.role !== 'admin') {
    if (actor.scope.level === 'municipality' && actor.scope.municipalityId) conditions.push(eq(generatedReports.municipalityId, actor.scope.municipalityId));
    else if (actor.scope.regionId) conditions.push(eq(generatedReports.regionId, actor.scope.regionId));
    else return [];
  }
  const rows = await getDb().select().from(generatedReports).where(and(...conditions)).orderBy(desc(generatedReports.createdAt), desc(generatedReports.id)).limit(limit);
  return rows.filter((r) => can(actor, 'report.export', scopeOfRow(r))).map(shown);
}

async function visibleReport(actor: Actor, id: string): Promise<GeneratedReport> {
  authorize(actor, 'report.export');
  const [row] = isId(id) ? await getDb().select().from(generatedReports).where(eq(generatedReports.id, id)) : [];
  if (!row || !can(actor, 'report.export', scopeOfRow(row))) throw new AppError('not_found', 'Отчёт не найден.');
  return row;
}

/** A job's state for the page that polls it; a waiting job wakes this instance's runner (its own may have stopped). */
export async function reportStatus(actor: Actor, id: string): Promise<StoredReport> {
  const row = await visibleReport(actor, id);
  if (row.status === 'queued' || row.status === 'running') wakeRunner();
  return shown(row);
}

/** The stored file of a finished report, its download recorded in the audit log. */
export async function downloadReport(actor: Actor, id: string): Promise<ExportedFile & { digest: string }> {
  const row = await visibleReport(actor, id);
  if (row.status !== 'done' || !row.fileName || !row.mimeType || !row.digest) throw new AppError('conflict', 'Отчёт ещё не готов: дождитесь окончания формирования.');
  const [file] = await getDb().select().from(generatedReportFiles).where(eq(generatedReportFiles.reportId, row.id));
  if (!file) throw new AppError('not_found', 'Файл отчёта не найден.');
  await recordAudit(getDb(), actor, { action: 'download', entityType: REPORT_ENTITY, entityId: row.id, scope: scopeOfRow(row), after: { file: row.fileName, digest: row.digest } });
  return { bytes: file.bytes, fileName: row.fileName, mimeType: row.mimeType, digest: row.digest };
}
