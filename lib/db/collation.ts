import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** ORDER BY a text column the Russian way (ICU collation created in migration 0001), identically on both engines. */
export function ruOrder(column: AnyColumn | SQL): SQL {
  return sql`${column} COLLATE opora_ru`;
}
