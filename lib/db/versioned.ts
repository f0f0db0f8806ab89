// No 'server-only' here: the demo seed and scripts run this under tsx, outside Next.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { AppError } from '@/lib/errors';
import type { Executor } from './client';

/** A table with optimistic versions: an `id`, a `version` and an `updated_at` column. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * The one way to change a versioned row: `UPDATE … SET …, version = version + 1 WHERE id = $id AND version = $version`.
 * The condition is checked by the database under the row lock, so of two writers holding the same version exactly
 * one succeeds; the other — and a writer whose version is stale or whose row is gone — gets `conflict` (409).
 * `where` narrows further (e.g. «not deleted»), and a row it excludes is a conflict too.
 */
export async function updateVersioned<T extends VersionedTable>(
  executor: Executor,
  table: T,
  id: string,
  version: number,
  values: PgUpdateSetSource<T>,
  where?: SQL,
): Promise<T['$inferSelect']> {
  const set = { ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as PgUpdateSetSource<T>;
  const rows = (await executor
    .update(table)
    .set(set)
    .where(and(eq(table.id, id), eq(table.version, version), where))
    .returning()) as T['$inferSelect'][];
  const [row] = rows;
  if (!row) throw new AppError('conflict');
  return row;
}
