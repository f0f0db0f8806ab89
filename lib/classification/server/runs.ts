import { isId } from '@/lib/ids';
import 'server-only';
/**
 * Classification runs: created from the data in scope with a methodology, stored with every school's result in
 * one transaction, published for readers outside staff, and read back with explanations.
 */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { classificationResults, classificationRuns, methodologies, organisations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record';
import { getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { classifyLazily, type LazyClassification, type SchoolClassification } from '../classify';
import { reportedSchools } from '../dataset';
import type { Methodology } from '../methodology';
import { overviewOf } from '../overview';
import { createRunSchema, listResultsFilterSchema, type CreateRunInput } from '../schemas';
import { authorizeRun, regionOf, runVisible, visibleSchoolFilter } from './access';
import { loadInput, type InputScope } from './load';
import { findMethodology } from './methodologies';
import { authorId, ensureActiveMethodology, FULL_EXPLANATION_LIMIT, insertRun, runMunicipalityNames, storedSchool, toRunRow, type RunSummary } from './store';
import type { RunDetail, RunRow, SchoolClassificationDetail } from './types';

/** The municipality must be one of the region's. */
export async function checkMunicipality(regionId: string, municipalityId: string | null): Promise<void> {
  if (!municipalityId) return;
  const [row] = await getDb().select({ id: organisations.id }).from(organisations)
    .where(and(eq(organisations.id, municipalityId), eq(organisations.kind, 'municipality'), eq(organisations.regionId, regionId)));
  if (!row) throw new AppError('validation', 'Муниципалитет не найден в регионе.', [{ field: 'municipalityId', message: 'Муниципалитет не найден в регионе' }]);
}

/** The methodology asked for, or the region's active one (created from the defaults on first use). */
export async function methodologyFor(actor: Actor, regionId: string, id: string | undefined) {
  return id ? findMethodology(getDb(), regionId, id) : inTransaction((tx) => ensureActiveMethodology(tx, actor, regionId));
}

export async function createRun(actor: Actor, input: CreateRunInput): Promise<RunRow> {
  const data = parseInput(createRunSchema, input);
  const scope = authorizeRun(actor, data.municipalityId);
  const regionId = scope.regionId!;
  await checkMunicipality(regionId, scope.municipalityId);
  const methodology = await methodologyFor(actor, regionId, data.methodologyId);
  const { result, compact } = await readAndClassify({ regionId, municipalityId: scope.municipalityId, year: data.year }, methodology.params as Methodology);
  return inTransaction(async (tx) => {
    const run = await insertRun(tx, { regionId, municipalityId: scope.municipalityId, year: data.year, methodologyId: methodology.id, createdBy: await authorId(tx, actor) }, result, compact);
    await recordAudit(tx, actor, {
      action: 'create', entityType: 'classification_run', entityId: run.id, scope,
      after: { year: run.year, methodologyId: run.methodologyId, inputDigest: run.inputDigest, counts: result.counts },
    });
    return toRunRow(run, methodology);
  });
}

/** Reads and classifies; the schools' results are built lazily, as they are written (see classifyLazily). */
async function readAndClassify(scope: InputScope, methodology: Methodology): Promise<{ result: LazyClassification; compact: boolean }> {
  const input = await loadInput(scope, methodology);
  const schoolCount = reportedSchools(input).length;
  if (schoolCount === 0) throw new AppError('validation', 'В выбранной области нет школ для классификации.');
  const compact = schoolCount > FULL_EXPLANATION_LIMIT;
  return { result: classifyLazily(input, { explain: !compact }), compact };
}

async function findRun(id: string) {
  const [row] = await getDb()
    .select({ run: classificationRuns, methodology: { name: methodologies.name, versionNumber: methodologies.versionNumber, params: methodologies.params, status: methodologies.status } })
    .from(classificationRuns)
    .innerJoin(methodologies, eq(methodologies.id, classificationRuns.methodologyId))
    .where(eq(classificationRuns.id, id));
  return row;
}

/** A run the actor may see; not_found otherwise (a hidden run is not admitted to exist). */
async function visibleRun(actor: Actor, id: string) {
  authorize(actor, 'classification.read');
  const found = isId(id) ? await findRun(id) : undefined;
  if (!found || !runVisible(actor, found.run)) throw new AppError('not_found', 'Запуск классификации не найден.');
  return found;
}

export async function listRuns(actor: Actor, filter: { year?: number } = {}): Promise<RunRow[]> {
  authorize(actor, 'classification.read');
  const { year } = parseInput(listResultsFilterSchema.pick({ year: true }), filter);
  const conditions: SQL[] = [];
  if (actor.role !== 'admin') conditions.push(eq(classificationRuns.regionId, regionOf(actor)));
  if (year !== undefined) conditions.push(eq(classificationRuns.year, year));
  const rows = await getDb()
    .select({ run: classificationRuns, methodology: { name: methodologies.name, versionNumber: methodologies.versionNumber } })
    .from(classificationRuns)
    .innerJoin(methodologies, eq(methodologies.id, classificationRuns.methodologyId))
    .where(and(...conditions))
    .orderBy(desc(classificationRuns.year), desc(classificationRuns.createdAt));
  return rows.filter((r) => runVisible(actor, r.run)).map((r) => toRunRow(r.run, r.methodology));
}

function schoolConditions(actor: Actor, runId: string): SQL[] {
  const conditions = [eq(classificationResults.runId, runId)];
  const only = visibleSchoolFilter(actor);
  if (only?.schoolId) conditions.push(eq(classificationResults.schoolId, only.schoolId));
  if (only?.municipalityId) conditions.push(eq(classificationResults.municipalityId, only.municipalityId));
  return conditions;
}

export async function getRun(actor: Actor, id: string): Promise<RunDetail> {
  const { run, methodology } = await visibleRun(actor, id);
  const rows = await getDb().select({ explanation: classificationResults.explanation }).from(classificationResults)
    .where(and(...schoolConditions(actor, run.id))).orderBy(asc(classificationResults.schoolId));
  const schools = rows.map((r) => storedSchool(r.explanation, run.summary));
  const row = toRunRow(run, methodology);
  // Runs stored before the names were kept with them: the names of the run's municipalities, for every viewer alike.
  const municipalityNames = (run.summary as RunSummary).municipalityNames ?? await runMunicipalityNames(getDb(), run.id);
  return row.compact
    ? { ...row, compact: true, schools, municipalityNames }
    : { ...row, compact: false, schools: schools as SchoolClassification[], municipalityNames };
}

export async function publishRun(actor: Actor, id: string): Promise<void> {
  const { run, methodology } = await visibleRun(actor, id);
  const scope = { regionId: run.regionId, municipalityId: run.municipalityId, schoolId: null };
  authorize(actor, 'classification.run', scope);
  if (run.status === 'published') return;
  if (methodology.status === 'draft') throw new AppError('conflict', 'Нельзя опубликовать запуск по черновику методики: сначала активируйте методику.');
  await inTransaction(async (tx) => {
    const [after] = await tx.update(classificationRuns).set({ status: 'published', publishedAt: new Date() })
      .where(and(eq(classificationRuns.id, run.id), eq(classificationRuns.status, 'draft'))).returning();
    if (!after) throw new AppError('conflict');
    await recordAudit(tx, actor, { action: 'update', entityType: 'classification_run', entityId: run.id, scope, before: { status: 'draft' }, after: { status: 'published' } });
  });
}

export async function getSchoolClassification(actor: Actor, runId: string, schoolId: string): Promise<SchoolClassificationDetail> {
  const { run, methodology } = await visibleRun(actor, runId);
  const [stored] = isId(schoolId)
    ? await getDb().select({ explanation: classificationResults.explanation }).from(classificationResults)
      .where(and(...schoolConditions(actor, run.id), eq(classificationResults.schoolId, schoolId)))
    : [];
  if (!stored) throw new AppError('not_found', 'Школа не найдена в этом запуске.');
  const overview = storedSchool(stored.explanation, run.summary);
  const history = await schoolHistory(actor, schoolId);
  if (!(run.summary as RunSummary).compact) {
    const school = overview as SchoolClassification;
    return { school, overview: overviewOf(school), history, inputsUnchanged: true };
  }
  // A compact run stored the overview: the full result is rebuilt from the inputs, if they are still the run's.
  const input = await loadInput({ regionId: run.regionId!, municipalityId: run.municipalityId, year: run.year }, methodology.params as Methodology);
  const rerun = classifyLazily(input, { explain: (id) => id === schoolId });
  const inputsUnchanged = rerun.inputDigest === run.inputDigest;
  return { school: inputsUnchanged ? rerun.school(schoolId) : null, overview, history, inputsUnchanged };
}

/** The school's category in the newest visible run of each year. */
async function schoolHistory(actor: Actor, schoolId: string): Promise<SchoolClassificationDetail['history']> {
  const rows = await getDb()
    .select({ run: classificationRuns, category: classificationResults.category })
    .from(classificationResults)
    .innerJoin(classificationRuns, eq(classificationRuns.id, classificationResults.runId))
    .where(eq(classificationResults.schoolId, schoolId))
    .orderBy(desc(classificationRuns.year), desc(classificationRuns.createdAt));
  const seen = new Set<number>();
  const history: SchoolClassificationDetail['history'] = [];
  for (const { run, category } of rows) {
    if (seen.has(run.year) || !runVisible(actor, run)) continue;
    seen.add(run.year);
    history.push({ year: run.year, category: category as SchoolClassification['category'], runId: run.id });
  }
  return history;
}

/** The school's category in the newest visible run of each year, newest year first (its trend over the years). */
export async function schoolCategoryHistory(actor: Actor, schoolId: string): Promise<SchoolClassificationDetail['history']> {
  authorize(actor, 'classification.read');
  if (!isId(schoolId)) return [];
  return schoolHistory(actor, schoolId);
}
