/**
 * Writing a run and reading it back (the run row, its per-school results, RunRow mapping) and the region's
 * active methodology. No 'server-only' here: the demo seed and the benchmark script, run by tsx outside Next,
 * use these too; they never check an actor — their callers do.
 */
import { and, eq, sql } from 'drizzle-orm';
import { classificationRuns, methodologies, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record';
import type { Executor, Transaction } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { DEFAULT_METHODOLOGY } from '../methodology';
import type { ClassificationResult, SchoolClassification } from '../classify';
import { Packer, unpack, type PackTable } from '../packing';
import type { CategoryCounts, RunRow } from './types';

/** Runs with more schools than this store decisions and numbers only; sentences are rendered on demand. */
export const FULL_EXPLANATION_LIMIT = 2_000;
/** Rows per INSERT: a national run writes its 40,000 results in a few dozen statements. */
const BATCH = 2_000;

export interface RunSummary {
  counts: CategoryCounts;
  schoolCount: number;
  compact: boolean;
  social: ClassificationResult['social'];
  /** Table of the packed `explanation` values (see packing.ts); absent in runs stored before packing. */
  packing?: PackTable;
}

const RESULT_RECORD = `school_id uuid, municipality_id uuid, category text, low_results text, stable_low_results text,
  unfavourable text, cluster integer, social_index real, explanation jsonb`;

export async function insertRun(
  tx: Transaction,
  values: { regionId: string; municipalityId: string | null; year: number; methodologyId: string; createdBy: string | null },
  result: ClassificationResult,
  compact: boolean,
) {
  const summary: RunSummary = { counts: result.counts, schoolCount: result.schools.length, compact, social: result.social };
  const [run] = await tx.insert(classificationRuns).values({ ...values, inputDigest: result.inputDigest, summary }).returning();
  const packer = new Packer();
  // The next batch is packed while the database stores the previous one.
  let pending: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < result.schools.length; i += BATCH) {
    const json = JSON.stringify(result.schools.slice(i, i + BATCH).map((s) => resultRecord(s, packer)));
    await pending;
    pending = tx.execute(sql`INSERT INTO classification_results (run_id, school_id, municipality_id, category, low_results,
        stable_low_results, unfavourable, cluster, social_index, explanation)
      SELECT ${run!.id}::uuid, r.* FROM json_to_recordset(${json}::json) AS r(${sql.raw(RESULT_RECORD)})`);
  }
  await pending;
  const packing: PackTable = packer.table();
  await tx.update(classificationRuns).set({ summary: { ...summary, packing } }).where(eq(classificationRuns.id, run!.id));
  return run!;
}

/** One result row as json_to_recordset reads it; the whole per-school result goes packed into `explanation`. */
function resultRecord(s: SchoolClassification, packer: Packer) {
  return {
    school_id: s.schoolId,
    municipality_id: s.municipalityId,
    category: s.category,
    low_results: s.lowResults.decision,
    stable_low_results: s.stable.decision,
    unfavourable: s.unfavourable.decision,
    cluster: s.cluster,
    social_index: s.social.index,
    explanation: packer.pack(s),
  };
}

/** A stored per-school result as the engine returned it. */
export function storedSchool(explanation: unknown, summary: unknown): SchoolClassification {
  const packing = (summary as RunSummary).packing;
  return (packing ? unpack(explanation, packing) : explanation) as SchoolClassification;
}

export function toRunRow(run: typeof classificationRuns.$inferSelect, methodology: Pick<typeof methodologies.$inferSelect, 'name' | 'versionNumber'>): RunRow {
  const summary = run.summary as RunSummary;
  return {
    id: run.id,
    year: run.year,
    methodologyId: run.methodologyId,
    methodologyName: methodology.name,
    methodologyVersion: methodology.versionNumber,
    inputDigest: run.inputDigest,
    status: run.status,
    createdAt: run.createdAt,
    publishedAt: run.publishedAt,
    municipalityId: run.municipalityId,
    counts: summary.counts,
    schoolCount: summary.schoolCount,
    compact: summary.compact,
  };
}

export const auditScope = (regionId: string) => ({ regionId, municipalityId: null, schoolId: null });

/** The actor as an author: test and service actors may have no user row, and the column references users. */
export async function authorId(executor: Executor, actor: Actor): Promise<string | null> {
  const [row] = await executor.select({ id: users.id }).from(users).where(eq(users.id, actor.id));
  return row?.id ?? null;
}

/** The active methodology of the region, creating version 1 from the defaults when the region has none. */
export async function ensureActiveMethodology(executor: Executor, actor: Actor | null, regionId: string): Promise<typeof methodologies.$inferSelect> {
  const [active] = await executor.select().from(methodologies).where(and(eq(methodologies.regionId, regionId), eq(methodologies.status, 'active')));
  if (active) return active;
  const [any] = await executor.select({ id: methodologies.id }).from(methodologies).where(eq(methodologies.regionId, regionId)).limit(1);
  if (any) throw new AppError('conflict', 'В регионе нет действующей методики: активируйте одну из версий.');
  const createdBy = actor ? await authorId(executor, actor) : null;
  const [created] = await executor
    .insert(methodologies)
    .values({ regionId, name: 'Методика по умолчанию', versionNumber: 1, status: 'active', params: DEFAULT_METHODOLOGY, note: 'Создана автоматически из параметров по умолчанию (критерии ФИОКО).', activatedAt: new Date(), createdBy })
    .onConflictDoNothing()
    .returning();
  if (!created) return ensureActiveMethodology(executor, actor, regionId);
  await recordAudit(executor, actor, { action: 'create', entityType: 'methodology', entityId: created.id, scope: auditScope(regionId), after: created });
  return created;
}
