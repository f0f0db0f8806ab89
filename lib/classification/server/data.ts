import 'server-only';
/** Form editing of assessment results and school contexts, keyed like the import (school + year + exam + subject + grade). */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { assessmentResults, organisations, schoolContexts } from '@/db/schema';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { scopeFilter } from '@/lib/auth/scope-filter';
import { entityHistory, type AuditRow } from '@/lib/audit/queries';
import { recordAudit } from '@/lib/audit/record';
import { type Executor, getDb } from '@/lib/db/client';
import { ruOrder } from '@/lib/db/collation';
import { inTransaction } from '@/lib/db/transaction';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { assessmentResultSchema, listResultsFilterSchema, schoolContextSchema, type AssessmentResultInput, type SchoolContextInput } from '../schemas';
import { isId } from '@/lib/ids';
import type { AssessmentResultRow } from './types';

type AssessmentValues = Omit<typeof assessmentResults.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
type ContextValues = Omit<typeof schoolContexts.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

interface SchoolTarget { id: string; name: string; scope: ResourceScope }

/** The school a form edits, with its place; the actor must be allowed to change its data. */
async function schoolFor(executor: Executor, actor: Actor, schoolId: string): Promise<SchoolTarget> {
  const [row] = await executor.select().from(organisations).where(and(eq(organisations.id, schoolId), eq(organisations.kind, 'school')));
  if (!row) throw new AppError('validation', 'Школа не найдена.', [{ field: 'schoolId', message: 'Школа не найдена' }]);
  const school = { id: row.id, name: row.shortName ?? row.name, scope: { regionId: row.regionId, municipalityId: row.municipalityId, schoolId: row.id } };
  authorize(actor, 'classification.run', school.scope);
  return school;
}

type Parsed = ReturnType<typeof assessmentResultSchema.parse>;

function assessmentValues(data: Omit<Parsed, 'version'>, scope: ResourceScope): AssessmentValues {
  return {
    schoolId: data.schoolId, regionId: scope.regionId, municipalityId: scope.municipalityId, year: data.year, exam: data.exam,
    subject: data.subject, grade: data.exam === 'VPR' ? (data.grade ?? 0) : 0, participants: data.participants ?? 0,
    meanScore: data.meanScore ?? null, maxScore: data.maxScore ?? null, belowMinimum: data.belowMinimum ?? null,
    marks2: data.marks2 ?? null, marks3: data.marks3 ?? null, marks4: data.marks4 ?? null, marks5: data.marks5 ?? null,
    highScorers: data.highScorers ?? null, source: data.source ?? null,
  };
}

function toRow(r: typeof assessmentResults.$inferSelect, schoolName: string): AssessmentResultRow {
  return { ...r, schoolName } as AssessmentResultRow;
}

export async function listAssessmentResults(actor: Actor, filter: { schoolId?: string; year?: number }): Promise<AssessmentResultRow[]> {
  authorize(actor, 'classification.read');
  const f = parseInput(listResultsFilterSchema, filter);
  const conditions: (SQL | undefined)[] = [scopeFilter(actor, 'classification.read', assessmentResults)];
  if (f.schoolId) conditions.push(eq(assessmentResults.schoolId, f.schoolId));
  if (f.year !== undefined) conditions.push(eq(assessmentResults.year, f.year));
  const name = organisations.shortName;
  const rows = await getDb().select({ r: assessmentResults, name, fullName: organisations.name }).from(assessmentResults)
    .innerJoin(organisations, eq(organisations.id, assessmentResults.schoolId))
    .where(and(...conditions))
    .orderBy(desc(assessmentResults.year), ruOrder(organisations.name), asc(assessmentResults.exam), asc(assessmentResults.subject), asc(assessmentResults.grade))
    .limit(5_000);
  return rows.map(({ r, name: short, fullName }) => toRow(r, short ?? fullName));
}

export async function upsertAssessmentResult(actor: Actor, input: AssessmentResultInput): Promise<AssessmentResultRow> {
  const data = parseInput(assessmentResultSchema, input);
  return inTransaction(async (tx) => {
    const school = await schoolFor(tx, actor, data.schoolId);
    const values = assessmentValues(data, school.scope);
    const key = and(eq(assessmentResults.schoolId, values.schoolId), eq(assessmentResults.year, values.year), eq(assessmentResults.exam, values.exam),
      eq(assessmentResults.subject, values.subject), eq(assessmentResults.grade, values.grade ?? 0));
    const [before] = await tx.select().from(assessmentResults).where(key);
    // The version the form was opened with (or, for a form without one, the version just read) must still be current.
    const [after] = before
      ? [await updateVersioned(tx, assessmentResults, before.id, data.version ?? before.version, values)]
      : await tx.insert(assessmentResults).values(values).returning();
    await recordAudit(tx, actor, { action: before ? 'update' : 'create', entityType: 'assessment_result', entityId: after!.id, scope: school.scope, before, after });
    return toRow(after!, school.name);
  });
}

type ParsedContext = ReturnType<typeof schoolContextSchema.parse>;

function contextValues(data: Omit<ParsedContext, 'version'>, scope: ResourceScope): ContextValues {
  const { version: _v, ...rest } = data as ParsedContext;
  const values: Record<string, unknown> = { ...rest, regionId: scope.regionId, municipalityId: scope.municipalityId };
  for (const [k, v] of Object.entries(values)) if (v === undefined) values[k] = null;
  return values as ContextValues;
}

export async function upsertSchoolContext(actor: Actor, input: SchoolContextInput): Promise<{ id: string; version: number }> {
  const data = parseInput(schoolContextSchema, input);
  return inTransaction(async (tx) => {
    const school = await schoolFor(tx, actor, data.schoolId);
    const values = contextValues(data, school.scope);
    const [before] = await tx.select().from(schoolContexts).where(and(eq(schoolContexts.schoolId, data.schoolId), eq(schoolContexts.year, data.year)));
    const [after] = before
      ? [await updateVersioned(tx, schoolContexts, before.id, data.version ?? before.version, values)]
      : await tx.insert(schoolContexts).values(values).returning();
    await recordAudit(tx, actor, { action: before ? 'update' : 'create', entityType: 'school_context', entityId: after!.id, scope: school.scope, before, after });
    return { id: after!.id, version: after!.version };
  });
}

const DATA_TABLES = { assessment_result: assessmentResults, school_context: schoolContexts } as const;
export type DataEntity = keyof typeof DATA_TABLES;

/**
 * The change history (forms and imports) of one result or context record, for a school whose data the actor may
 * change — the data page shows it beside the form. A record the actor may not edit is not admitted to exist.
 */
export async function dataHistory(actor: Actor, entity: DataEntity, id: string): Promise<AuditRow[]> {
  const table = DATA_TABLES[entity];
  const [row] = isId(id) ? await getDb().select({ schoolId: table.schoolId }).from(table).where(eq(table.id, id)) : [];
  if (!row) throw new AppError('not_found', 'Запись не найдена.');
  await schoolFor(getDb(), actor, row.schoolId);
  return entityHistory(actor, entity, id);
}
