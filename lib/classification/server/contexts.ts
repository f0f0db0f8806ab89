import 'server-only';
/** Reading one school's context data for the form (writes are in data.ts). */
import { and, eq } from 'drizzle-orm';
import { schoolContexts } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { scopeFilter } from '@/lib/auth/scope-filter';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { listResultsFilterSchema } from '../schemas';

export type SchoolContextRow = typeof schoolContexts.$inferSelect;

/** The school's context of one year, or null when there is none (or the school is outside the actor's scope). */
export async function getSchoolContext(actor: Actor, schoolId: string, year: number): Promise<SchoolContextRow | null> {
  authorize(actor, 'classification.read');
  const key = parseInput(listResultsFilterSchema, { schoolId, year });
  if (!key.schoolId || key.year === undefined) return null;
  const [row] = await getDb().select().from(schoolContexts)
    .where(and(scopeFilter(actor, 'classification.read', schoolContexts), eq(schoolContexts.schoolId, key.schoolId), eq(schoolContexts.year, key.year)));
  return row ?? null;
}
