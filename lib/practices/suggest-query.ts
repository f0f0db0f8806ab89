// No 'server-only' here: the benchmark (scripts/bench-practices.ts) times the suggestion query under tsx.
/**
 * The reads behind «measured change» and «Практики для ваших рисков»: a school's category and gap to the municipal
 * mean by year from published classification runs, and the ranked suggestions. Callers check the actor's right.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { classificationResults, classificationRuns, EVIDENCE_LEVELS, practiceAdoptions, practices } from '@/db/schema';
import type { Category } from '@/lib/classification/classify';
import { storedSchool } from '@/lib/classification/server/store';
import type { Executor } from '@/lib/db/client';
import { summariseChange, yearOf, type MeasuredYear } from './measured';
import { suggestPractices, type Suggestion } from './suggest';

/**
 * A published run's stored results never change, so the gap read from a school's packed explanation is kept per
 * run and school (bounded): the suggestions and the measured change parse each explanation once per process.
 */
const GAP_CACHE = new Map<string, number | null>();
const GAP_CACHE_LIMIT = 50_000;

/** Category and gap by year from published runs, per school: the newest published run of each year. */
export async function publishedHistory(executor: Executor, schoolIds: string[]): Promise<Map<string, MeasuredYear[]>> {
  const out = new Map<string, MeasuredYear[]>();
  if (schoolIds.length === 0) return out;
  const rows = await executor
    .select({ runId: classificationRuns.id, schoolId: classificationResults.schoolId, year: classificationRuns.year, category: classificationResults.category })
    .from(classificationResults)
    .innerJoin(classificationRuns, eq(classificationRuns.id, classificationResults.runId))
    .where(and(inArray(classificationResults.schoolId, schoolIds), eq(classificationRuns.status, 'published')))
    .orderBy(desc(classificationRuns.year), desc(classificationRuns.createdAt));
  const seen = new Set<string>();
  const newest = rows.filter((r) => {
    const key = `${r.schoolId}:${r.year}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const missing = newest.filter((r) => !GAP_CACHE.has(`${r.runId}:${r.schoolId}`));
  if (missing.length > 0) {
    if (GAP_CACHE.size + missing.length > GAP_CACHE_LIMIT) GAP_CACHE.clear();
    const stored = await executor
      .select({ runId: classificationResults.runId, schoolId: classificationResults.schoolId, explanation: classificationResults.explanation, summary: classificationRuns.summary })
      .from(classificationResults)
      .innerJoin(classificationRuns, eq(classificationRuns.id, classificationResults.runId))
      .where(sql`(${classificationResults.runId}, ${classificationResults.schoolId}) IN (${sql.join(missing.map((m) => sql`(${m.runId}::uuid, ${m.schoolId}::uuid)`), sql`, `)})`);
    for (const r of stored) {
      let gap: number | null = null;
      try {
        gap = storedSchool(r.explanation, r.summary).results?.municipalGap ?? null;
      } catch {
        gap = null;
      }
      GAP_CACHE.set(`${r.runId}:${r.schoolId}`, gap);
    }
  }
  for (const r of newest) {
    const year: MeasuredYear = { year: r.year, category: r.category as Category, municipalGap: GAP_CACHE.get(`${r.runId}:${r.schoolId}`) ?? null };
    out.set(r.schoolId, [...(out.get(r.schoolId) ?? []), year]);
  }
  return out;
}

/** The suggestion query itself (also timed by the benchmark). */
export async function suggestionsIn(executor: Executor, regionId: string, schoolId: string, profile: { riskFactors: string[]; cluster: number | null }, limit = 5): Promise<Suggestion[]> {
  if (profile.riskFactors.length === 0) return [];
  const risks = sql`ARRAY[${sql.join(profile.riskFactors.map((r) => sql`${r}`), sql`, `)}]::text[]`;
  // How many of the school's risks a practice addresses, one array test per risk (no subquery per row).
  const overlap = sql.join(
    [...new Set(profile.riskFactors)].map((r) => sql`(${practices.riskFactors} @> ARRAY[${r}]::text[])::int`),
    sql` + `,
  );
  const evidenceScale = sql`ARRAY[${sql.join(EVIDENCE_LEVELS.map((l) => sql`${l}`), sql`, `)}]::text[]`;
  const candidates = await executor
    .select({
      id: practices.id,
      title: practices.title,
      riskFactors: practices.riskFactors,
      schoolId: practices.schoolId,
      cluster: practices.socialCluster,
      evidenceLevel: practices.evidenceLevel,
      startedOn: practices.startedOn,
    })
    .from(practices)
    .where(and(eq(practices.regionId, regionId), eq(practices.status, 'published'), sql`${practices.riskFactors} && ${risks}`, sql`${practices.schoolId} <> ${schoolId}`))
    // The evidence level by its rank on the scale (the column is text: alphabetical order would rank «experience» above «comparison»).
    .orderBy(sql`${overlap} DESC`, sql`array_position(${evidenceScale}, ${practices.evidenceLevel}) DESC NULLS LAST`, desc(practices.publishedAt))
    .limit(100);
  if (candidates.length === 0) return [];
  const adoptions = await executor
    .select({ practiceId: practiceAdoptions.practiceId, schoolId: practiceAdoptions.schoolId, startedOn: practiceAdoptions.startedOn })
    .from(practiceAdoptions)
    .where(inArray(practiceAdoptions.practiceId, candidates.map((c) => c.id)));
  const schoolIds = [...new Set([...candidates.map((c) => c.schoolId), ...adoptions.map((a) => a.schoolId)])];
  const history = await publishedHistory(executor, schoolIds);
  const adopterIds = [...new Set(adoptions.map((a) => a.schoolId))];
  const adopterClusters = adopterIds.length
    ? await executor
        .select({ schoolId: classificationResults.schoolId, cluster: classificationResults.cluster })
        .from(classificationResults)
        .innerJoin(classificationRuns, eq(classificationRuns.id, classificationResults.runId))
        .where(and(inArray(classificationResults.schoolId, adopterIds), eq(classificationRuns.status, 'published')))
        .orderBy(desc(classificationRuns.year), desc(classificationRuns.createdAt))
    : [];
  const clusters = new Map<string, number | null>();
  for (const r of adopterClusters) if (!clusters.has(r.schoolId)) clusters.set(r.schoolId, r.cluster);
  const improvedAt = (id: string, started: string | null) => summariseChange(yearOf(started), history.get(id) ?? []).improved;
  return suggestPractices(
    profile,
    candidates.map((c) => {
      const mine = adoptions.filter((a) => a.practiceId === c.id);
      return {
        id: c.id,
        title: c.title,
        riskFactors: c.riskFactors,
        clusters: [c.cluster, ...mine.map((a) => clusters.get(a.schoolId) ?? null)],
        evidenceLevel: c.evidenceLevel,
        improved: improvedAt(c.schoolId, c.startedOn) || mine.some((a) => improvedAt(a.schoolId, a.startedOn)),
        adoptions: mine.length,
      };
    }),
    limit,
  );
}

