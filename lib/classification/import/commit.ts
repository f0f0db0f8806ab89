import 'server-only';
/**
 * Assessment and context import: the file is read, mapped and planned; a dry run returns the preview; a commit
 * writes exactly the plan in one transaction, or — when any row has a problem — nothing at all.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { assessmentResults, auditLog, organisations, schoolContexts } from '@/db/schema';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { scopeFilter } from '@/lib/auth/scope-filter';
import { type Executor, getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import { nameKey } from '@/lib/schools/import/values';
import { readTableFile, RECORD_IMPORT_LIMITS } from '@/lib/tabular';
import type { DataImportRequest } from '../queries';
import type { DataImportResult } from '../server/types';
import type { ImportKind } from './fields';
import { schoolLevel } from '../school-level';
import { applyDataMapping, guessDataHeaderRow, guessDataMapping } from './mapping';
import { naturalKey, planDataImport, valueFields, type DataPlan, type KnownSchool, type RecordValues } from './plan';

const TABLES = { assessments: assessmentResults, contexts: schoolContexts } as const;
const ENTITY = { assessments: 'assessment_result', contexts: 'school_context' } as const;
const BATCH = 500;

type Place = KnownSchool & { scope: ResourceScope };

/** Schools the actor may import data for, by ОГРН and by name. */
async function loadDirectory(executor: Executor, actor: Actor) {
  const rows = await executor.select().from(organisations)
    .where(and(eq(organisations.kind, 'school'), scopeFilter(actor, 'classification.run', { regionId: organisations.regionId, municipalityId: organisations.municipalityId, schoolId: organisations.id })));
  const byOgrn = new Map<string, Place>();
  const byName = new Map<string, Place[]>();
  const places = new Map<string, Place>();
  for (const o of rows) {
    const place: Place = { id: o.id, name: o.shortName ?? o.name, ogrn: o.ogrn, level: schoolLevel(`${o.shortName ?? ''} ${o.name}`), scope: { regionId: o.regionId, municipalityId: o.municipalityId, schoolId: o.id } };
    places.set(o.id, place);
    if (o.ogrn) byOgrn.set(o.ogrn, place);
    for (const name of new Set([nameKey(o.name), nameKey(o.shortName ?? o.name)])) byName.set(name, [...(byName.get(name) ?? []), place]);
  }
  return { byOgrn, byName, places };
}

async function loadStored(executor: Executor, kind: ImportKind, schoolIds: string[]) {
  const stored = new Map<string, { id: string; values: RecordValues }>();
  const table = TABLES[kind];
  for (let i = 0; i < schoolIds.length; i += BATCH) {
    const rows = await executor.select().from(table).where(inArray(table.schoolId, schoolIds.slice(i, i + BATCH)));
    for (const row of rows as unknown as RecordValues[]) stored.set(naturalKey(kind, row), { id: String(row.id), values: row });
  }
  return stored;
}

export async function importData(actor: Actor, kind: ImportKind, request: DataImportRequest): Promise<DataImportResult> {
  authorize(actor, 'classification.run');
  // Bounded before the worker starts: the rows it returns are mapped and planned on this thread.
  const file = await readTableFile(request.file, RECORD_IMPORT_LIMITS);
  const sheet = file.sheets[request.sheetIndex ?? 0];
  if (!sheet || sheet.rows.length === 0) throw new AppError('validation', 'В файле нет данных: лист пуст.');
  const headerRow = request.headerRow ?? guessDataHeaderRow(kind, sheet.rows);
  const headers = sheet.rows[headerRow] ?? [];
  const mapping = request.mapping ?? guessDataMapping(kind, headers);
  const mapped = applyDataMapping(kind, sheet.rows, headerRow, mapping);

  const run = async (executor: Executor): Promise<DataImportResult> => {
    const directory = await loadDirectory(executor, actor);
    const plan = planDataImport(kind, mapped.rows, directory, new Map());
    const schoolIds = [...new Set([...plan.create, ...plan.update, ...plan.unchanged].map((r) => r.schoolId))];
    const final = planDataImport(kind, mapped.rows, directory, await loadStored(executor, kind, schoolIds));
    const issues = [...mapped.issues, ...final.issues];
    const result = describe(final, issues, { sheets: file.sheets.map((s) => s.name), headerRow, headers, mapping });
    if (request.dryRun) return result;
    if (issues.length > 0) throw new AppError('validation', `Импорт не выполнен: ошибок в файле — ${issues.length}. Ничего не записано.`, issues);
    await applyPlan(executor, actor, kind, final, directory.places);
    return { ...result, committed: true };
  };
  return request.dryRun ? run(getDb()) : inTransaction(run);
}

async function applyPlan(tx: Executor, actor: Actor, kind: ImportKind, plan: DataPlan, places: Map<string, Place>) {
  const table = TABLES[kind];
  const audits: (typeof auditLog.$inferInsert)[] = [];
  const audit = (id: string, scope: ResourceScope, before: unknown, after: unknown) =>
    audits.push({ actorId: actor.id, actorName: actor.name, action: 'import', entityType: ENTITY[kind], entityId: id, regionId: scope.regionId, municipalityId: scope.municipalityId, schoolId: scope.schoolId, before: before ?? null, after });
  const withPlace = (values: RecordValues) => {
    const scope = places.get(String(values.schoolId))!.scope;
    return { ...values, regionId: scope.regionId, municipalityId: scope.municipalityId };
  };
  for (let i = 0; i < plan.create.length; i += BATCH) {
    const batch = plan.create.slice(i, i + BATCH).map((r) => withPlace(r.values));
    const created = (await tx.insert(table).values(batch as never).returning({ id: table.id, schoolId: table.schoolId })) as { id: string; schoolId: string }[];
    created.forEach((row, j) => audit(row.id, places.get(row.schoolId)!.scope, null, batch[j]));
  }
  for (const change of plan.update) {
    const fields = Object.fromEntries(valueFields(kind).map((f) => [f, change.values[f] ?? null]));
    // The version read when planning: a record changed meanwhile by someone else makes the import a conflict.
    const before = Object.fromEntries(change.changed.map((f) => [f, change.before[f] ?? null]));
    const after = Object.fromEntries(change.changed.map((f) => [f, fields[f] ?? null]));
    await updateVersioned(tx, table as typeof assessmentResults, change.id, change.version, { ...fields, source: change.values.source as string | null } as never);
    audit(change.id, places.get(change.schoolId)!.scope, before, after);
  }
  for (let i = 0; i < audits.length; i += BATCH) await tx.insert(auditLog).values(audits.slice(i, i + BATCH));
}

function describe(plan: DataPlan, issues: DataImportResult['issues'], meta: Pick<DataImportResult, 'sheets' | 'headerRow' | 'headers' | 'mapping'>): DataImportResult {
  const sample = (action: 'create' | 'update' | 'unchanged', rows: DataPlan['create']) =>
    rows.slice(0, 20).map((r) => ({ rowNumber: r.rowNumber, action, school: r.schoolName, key: r.key.split('|').slice(1).filter((p) => p !== '0').join(' · ') }));
  return {
    ...meta,
    committed: false,
    counts: { create: plan.create.length, update: plan.update.length, unchanged: plan.unchanged.length },
    issues,
    sample: [...sample('create', plan.create), ...sample('update', plan.update), ...sample('unchanged', plan.unchanged)],
  };
}
