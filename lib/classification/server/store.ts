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
import type { ClassificationResult, LazyClassification } from '../classify';
import type { SchoolOverview } from '../overview';
import { Packer, unpack, type PackTable } from '../packing';
import { copyIn, type CopyClient } from './copy';
import type { CategoryCounts, RunRow } from './types';

/**
 * Runs with more schools than this are compact: they store each school's overview (decisions and the numbers
 * behind them, see overview.ts); a school's full result is rebuilt from the run's inputs on demand.
 */
export const FULL_EXPLANATION_LIMIT = 2_000;

export interface RunSummary {
  counts: CategoryCounts;
  schoolCount: number;
  compact: boolean;
  social: ClassificationResult['social'];
  /** Table of the packed `explanation` values (see packing.ts); absent in runs stored before packing. */
  packing?: PackTable;
  /**
   * Names of the municipalities of the run's schools as they were when it ran (id → short name), so that every
   * viewer reads the same names whatever organisations its scope lists; absent in runs stored before this.
   */
  municipalityNames?: Record<string, string>;
}

const RESULT_COLUMNS = ['run_id', 'school_id', 'municipality_id', 'category', 'low_results', 'stable_low_results', 'unfavourable', 'cluster', 'social_index', 'explanation'] as const;
const RESULT_RECORD = `school_id uuid, municipality_id uuid, category text, low_results text, stable_low_results text,
  unfavourable text, cluster integer, social_index real, explanation json`;
/** Rows per INSERT on the embedded server: a national run writes its results in a few dozen statements. */
const BATCH = 2_000;

/** Writes a run and its schools; each school's result (its overview, when compact) is built as its row is written. */
export async function insertRun(
  tx: Transaction,
  values: { regionId: string; municipalityId: string | null; year: number; methodologyId: string; createdBy: string | null },
  result: LazyClassification,
  compact: boolean,
) {
  const summary: RunSummary = { counts: result.counts, schoolCount: result.schoolCount, compact, social: result.social };
  const [run] = await tx.insert(classificationRuns).values({ ...values, inputDigest: result.inputDigest, summary }).returning();
  const packer = new Packer();
  const rows = resultRows(run!.id, compact ? result.overviews() : result.schools(), packer);
  const client = copyClientOf(tx);
  const server = await serverCapabilities(tx);
  // lz4 compresses the large packed values about twice as fast as the default pglz; for this transaction only.
  if (server.lz4) await tx.execute(sql`SET LOCAL default_toast_compression = 'lz4'`);
  if (client && server.copyIn) await copyIn(client, 'classification_results', RESULT_COLUMNS, rows);
  else await insertInBatches(tx, rows);
  const packing: PackTable = packer.table();
  const municipalityNames = await runMunicipalityNames(tx, run!.id);
  await tx.update(classificationRuns).set({ summary: { ...summary, packing, municipalityNames } }).where(eq(classificationRuns.id, run!.id));
  return run!;
}

/** id → short name (or name) of every municipality the run's schools belong to, read from the run's own rows. */
export async function runMunicipalityNames(executor: Executor, runId: string): Promise<Record<string, string>> {
  const { rows } = await executor.execute<{ id: string; name: string }>(sql`SELECT o.id, coalesce(o.short_name, o.name) AS name
    FROM organisations o WHERE o.id IN (SELECT DISTINCT municipality_id FROM classification_results WHERE run_id = ${runId}::uuid)`);
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** The driver's connection under a drizzle node-postgres transaction: COPY streams through it, inside the transaction. */
function copyClientOf(tx: Transaction): CopyClient | null {
  const client = (tx as unknown as { session?: { client?: Partial<CopyClient> } }).session?.client;
  return typeof client?.query === 'function' ? (client as CopyClient) : null;
}

/**
 * COPY FROM STDIN breaks the connection of the embedded server (pglite-socket), a real server takes it; lz4 is
 * there when the server was built with it.
 */
async function serverCapabilities(tx: Transaction): Promise<{ copyIn: boolean; lz4: boolean }> {
  const { rows } = await tx.execute<{ version: string; lz4: boolean | null }>(sql`SELECT version() AS version,
    (SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression') AS lz4`);
  return { copyIn: !String(rows[0]?.version).includes('PGlite'), lz4: rows[0]?.lz4 === true };
}

/** One result row in RESULT_COLUMNS order, encoded lazily as it is written; the whole result goes packed into `explanation`. */
function* resultRows(runId: string, schools: Iterable<SchoolOverview>, packer: Packer): Generator<unknown[]> {
  for (const s of schools) {
    // As JSON stores it: a non-finite index is null, not the NaN that COPY would write into a real column.
    const index = s.social.index !== null && Number.isFinite(s.social.index) ? s.social.index : null;
    yield [runId, s.schoolId, s.municipalityId, s.category, s.lowResults.decision, s.stable.decision, s.unfavourable.decision, s.cluster, index, packer.packJson(s)];
  }
}

/** The same rows as json_to_recordset batches; the packed text is spliced in as it is, not parsed and restringified. */
async function insertInBatches(tx: Transaction, rows: Iterable<unknown[]>): Promise<void> {
  let batch: string[] = [];
  let runId = '';
  const flush = async () => {
    if (batch.length === 0) return;
    const json = `[${batch.join(',')}]`;
    batch = [];
    await tx.execute(sql`INSERT INTO classification_results (${sql.raw(RESULT_COLUMNS.join(', '))})
      SELECT ${runId}::uuid, r.* FROM json_to_recordset(${json}::json) AS r(${sql.raw(RESULT_RECORD)})`);
  };
  for (const [id, ...fields] of rows) {
    runId = id as string;
    const record = Object.fromEntries(RESULT_COLUMNS.slice(1, -1).map((column, i) => [column, fields[i]]));
    batch.push(`${JSON.stringify(record).slice(0, -1)},"explanation":${fields[fields.length - 1] as string}}`);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
}

/**
 * A stored per-school result (JSON text, packed since packing existed) as the engine returned it: the full
 * result, or in a compact run its overview (compact runs stored before overviews hold more: a superset).
 */
export function storedSchool(explanation: string, summary: unknown): SchoolOverview {
  const packing = (summary as RunSummary).packing;
  const value: unknown = JSON.parse(explanation);
  return (packing ? unpack(value, packing) : value) as SchoolOverview;
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
    disadvantagedCut: summary.social?.disadvantagedCut ?? null,
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
