/**
 * Reading a file kept in a bytea column (evidence of road-map reports and of indicator values) as it is sent: one
 * slice per query, so a download never holds more than a slice in memory. The column is stored uncompressed out
 * of line (SET STORAGE EXTERNAL), so `substring` reads only the slice.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '@/lib/errors';
import type { Executor } from './client';

/** Bytes read per query. */
export const SLICE_BYTES = 1024 * 1024;

/** The `size` bytes of `bytes` in the row of `table` matching `where`, streamed in slices. */
export function storedFileStream(db: Executor, table: PgTable, bytes: PgColumn, where: SQL, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset >= size) return controller.close();
      const [slice] = await db
        .select({ bytes: sql<Buffer>`substring(${bytes} FROM ${offset + 1} FOR ${SLICE_BYTES})` })
        .from(table)
        .where(where);
      if (!slice || slice.bytes.length === 0) return controller.error(new AppError('not_found', 'Файл не найден в хранилище.'));
      offset += slice.bytes.length;
      controller.enqueue(new Uint8Array(slice.bytes));
    },
  });
}
