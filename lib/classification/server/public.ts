import 'server-only';
/** Reads without an actor (public pages) and small helpers for forms. */
import { sql } from 'drizzle-orm';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { scopeFilter } from '@/lib/auth/scope-filter';
import { assessmentResults, schoolContexts } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import type { Category } from '../classify';
import { isId } from '@/lib/ids';
import type { PublishedCategory } from './types';

/** Every school's category in the newest published run that includes it (by year, then publication). */
export async function listPublishedCategories(regionId?: string): Promise<PublishedCategory[]> {
  if (regionId && !isId(regionId)) return [];
  const region = regionId || null;
  const result = await getDb().execute(sql`
    SELECT DISTINCT ON (r.school_id) r.school_id, coalesce(s.short_name, s.name) AS school_name, r.municipality_id, run.year, r.category, run.id AS run_id
      FROM classification_results r
      JOIN classification_runs run ON run.id = r.run_id AND run.status = 'published'
      JOIN organisations s ON s.id = r.school_id
     WHERE (${region}::uuid IS NULL OR run.region_id = ${region}::uuid)
     ORDER BY r.school_id, run.year DESC, run.published_at DESC`);
  return (result.rows as Record<string, unknown>[]).map((row) => ({
    schoolId: row.school_id as string,
    schoolName: row.school_name as string,
    municipalityId: (row.municipality_id as string | null) ?? null,
    year: Number(row.year),
    category: row.category as Category,
    runId: row.run_id as string,
  }));
}

/** Years with assessment or context data in the actor's scope, newest first. */
export async function availableYears(actor: Actor): Promise<number[]> {
  authorize(actor, 'classification.read');
  const db = getDb();
  const a = await db.selectDistinct({ year: assessmentResults.year }).from(assessmentResults)
    .where(scopeFilter(actor, 'classification.read', assessmentResults));
  const c = await db.selectDistinct({ year: schoolContexts.year }).from(schoolContexts)
    .where(scopeFilter(actor, 'classification.read', schoolContexts));
  return [...new Set([...a, ...c].map((r) => r.year))].sort((x, y) => y - x);
}
