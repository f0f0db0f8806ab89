import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * ORDER BY a text column the Russian way, identically on both engines, with numbers inside names in numeric order
 * («СОШ № 3» before «СОШ № 11», as compareRussian sorts lists in code): ICU collation of migration 0009.
 */
export function ruOrder(column: AnyColumn | SQL): SQL {
  return sql`${column} COLLATE opora_ru_numeric`;
}
