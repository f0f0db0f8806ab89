import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { ruOrder } from '@/lib/db/collation';

export interface PublicMunicipality {
  id: string;
  name: string;
  /** Active schools of the municipality. */
  schools: number;
}

/**
 * The public home page's list of municipalities: each active municipality with at least one active school, and
 * how many it has, in Russian alphabetical order. Names and counts only: the page links to the municipality's
 * own page for its schools (and the list stays small in the page cache whatever the region's size).
 */
export async function listPublicDirectory(): Promise<PublicMunicipality[]> {
  const { rows } = await getDb().execute<{ id: string; name: string; schools: number | string }>(sql`
    SELECT m.id, m.name, count(*) AS schools
      FROM organisations m JOIN organisations s ON s.municipality_id = m.id AND s.kind = 'school' AND s.is_active
     WHERE m.kind = 'municipality' AND m.is_active
     GROUP BY m.id, m.name
     ORDER BY ${ruOrder(sql`m.name`)}, m.id`);
  return rows.map((r) => ({ id: r.id, name: r.name, schools: Number(r.schools) }));
}
