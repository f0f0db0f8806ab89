// No 'server-only' here: approval freezes computed values inside the write core, which the demo seed also runs.
/**
 * Loads what the portal knows of the schools of an organisation in a year — the facts computed indicators read
 * (lib/indicators/expression.ts) — with a digest of them, so a frozen value can say whether its inputs changed.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Organisation } from '@/db/schema';
import type { Executor } from '@/lib/db/client';
import type { SchoolFacts } from './expression';
import { schoolRoadmapFacts, type RoadmapItemFact } from './roadmap-facts';

/** ЕГЭ subjects whose minimum counts for «программа минимум», and the ОГЭ subjects whose «2» count. */
export const JUDGED_EGE_SUBJECTS = ['russian', 'mathematics_profile', 'mathematics_base'] as const;
export const JUDGED_OGE_SUBJECTS = ['russian', 'mathematics'] as const;

type Row = Record<string, unknown>;
const rows = async (executor: Executor, query: ReturnType<typeof sql>) => (await executor.execute(query)).rows as Row[];
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The SQL condition selecting the schools of `org` (alias `s`). */
function schoolsOf(org: Pick<Organisation, 'id' | 'kind'>) {
  if (org.kind === 'region') return sql`s.region_id = ${org.id}::uuid`;
  if (org.kind === 'municipality') return sql`s.municipality_id = ${org.id}::uuid`;
  return sql`s.id = ${org.id}::uuid`;
}

/**
 * Facts of every active school of `org` for `year`:
 * - category from the newest published classification run of that year in the school's region;
 * - the school's context of the year;
 * - results of the year: graduates below the ЕГЭ minimum in judged subjects (0 for a school with ОГЭ but no ЕГЭ —
 *   a school without grade 11 has nobody below it), ОГЭ «2» in Russian and mathematics, participant-weighted
 *   means, ВПР «2» share in percent;
 * - road map: the school's own road maps — approved if any is, items due by the end of the year done (share, %),
 *   and items overdue at the end of the year (or today, if earlier);
 * - entered values of the year (whole year, quarter 0) by indicator code.
 */
export async function loadSchoolFacts(
  executor: Executor,
  org: Pick<Organisation, 'id' | 'kind'>,
  year: number,
  today: Date = new Date(),
  /** Only these entered indicators' values (what the caller's expressions read); all of them when absent. */
  enteredCodes?: readonly string[],
): Promise<SchoolFacts[]> {
  const where = schoolsOf(org);
  // One after another, never Promise.all: the executor may be a transaction (approval freezes computed values),
  // and a transaction is one connection that runs one query at a time.
  const schools = await rows(executor, sql`SELECT s.id, coalesce(s.short_name, s.name) AS name, s.municipality_id FROM organisations s WHERE s.kind = 'school' AND s.is_active AND ${where} ORDER BY s.id`);
  const categories = await rows(executor, sql`
      SELECT DISTINCT ON (r.school_id) r.school_id, r.category
        FROM classification_results r
        JOIN classification_runs run ON run.id = r.run_id AND run.status = 'published' AND run.year = ${year}
        JOIN organisations s ON s.id = r.school_id
       WHERE ${where}
       ORDER BY r.school_id, run.municipality_id NULLS FIRST, run.published_at DESC`);
  const contexts = await rows(executor, sql`
      SELECT c.school_id, c.internet_mbps, c.share_teachers_under_35, c.olympiad_participants, c.continuation_share_9_to_10,
             c.has_psychologist, c.has_speech_therapist, c.has_social_pedagogue, c.teacher_vacancy_share, c.pupils
        FROM school_contexts c JOIN organisations s ON s.id = c.school_id
       WHERE c.year = ${year} AND ${where}`);
  const results = await rows(executor, sql`
      SELECT a.school_id,
             count(*) FILTER (WHERE a.exam = 'EGE') AS ege_rows,
             count(*) FILTER (WHERE a.exam = 'OGE') AS oge_rows,
             sum(coalesce(a.below_minimum, 0)) FILTER (WHERE a.exam = 'EGE' AND a.subject IN ('russian', 'mathematics_profile', 'mathematics_base')) AS ege_below,
             sum(coalesce(a.marks_2, 0)) FILTER (WHERE a.exam = 'OGE' AND a.subject IN ('russian', 'mathematics')) AS oge_2,
             sum(a.mean_score * a.participants) FILTER (WHERE a.exam = 'EGE' AND a.mean_score IS NOT NULL) / nullif(sum(a.participants) FILTER (WHERE a.exam = 'EGE' AND a.mean_score IS NOT NULL), 0) AS ege_mean,
             sum(a.mean_score * a.participants) FILTER (WHERE a.exam = 'OGE' AND a.mean_score IS NOT NULL) / nullif(sum(a.participants) FILTER (WHERE a.exam = 'OGE' AND a.mean_score IS NOT NULL), 0) AS oge_mean,
             100.0 * sum(a.marks_2) FILTER (WHERE a.exam = 'VPR' AND a.marks_2 IS NOT NULL) / nullif(sum(a.participants) FILTER (WHERE a.exam = 'VPR' AND a.marks_2 IS NOT NULL), 0) AS vpr_2
        FROM assessment_results a JOIN organisations s ON s.id = a.school_id
       WHERE a.year = ${year} AND ${where}
       GROUP BY a.school_id`);
  const items = await rows(executor, sql`
      SELECT m.school_id, m.status AS roadmap_status, i.status, i.can_be_overdue, i.period_end::text AS period_end
        FROM roadmaps m JOIN organisations s ON s.id = m.school_id
        LEFT JOIN roadmap_items i ON i.roadmap_id = m.id AND i.deleted_at IS NULL
       WHERE m.level = 'school' AND m.deleted_at IS NULL AND m.status <> 'archived' AND ${where}`);
  // The entered indicators first, so the values are read through the (year, indicator) index for just those.
  const enteredIndicators = await rows(executor, sql`
      SELECT ind.id, ind.code FROM indicators ind
       WHERE ind.kind = 'entered' ${enteredCodes ? sql`AND ind.code IN (${sql.join([...enteredCodes, ''].map((c) => sql`${c}`), sql`, `)})` : sql``}`);
  const codeOf = new Map(enteredIndicators.map((i) => [String(i.id), String(i.code)]));
  const entered =
    codeOf.size === 0
      ? []
      : await rows(executor, sql`
      SELECT v.organisation_id AS school_id, v.indicator_id, v.value, v.numerator, v.denominator
        FROM indicator_values v JOIN organisations s ON s.id = v.organisation_id
       WHERE v.year = ${year} AND v.quarter = 0 AND v.indicator_id IN (${sql.join([...codeOf.keys()].map((id) => sql`${id}::uuid`), sql`, `)}) AND ${where}`);
  const byId = new Map<string, SchoolFacts>();
  for (const s of schools) {
    byId.set(String(s.id), { schoolId: String(s.id), name: String(s.name), municipalityId: String(s.municipality_id), category: null, context: null, results: null, roadmap: null, entered: {} });
  }
  for (const r of categories) {
    const f = byId.get(String(r.school_id));
    if (f) f.category = String(r.category);
  }
  for (const c of contexts) {
    const f = byId.get(String(c.school_id));
    if (!f) continue;
    f.context = {
      internetMbps: num(c.internet_mbps),
      shareTeachersUnder35: num(c.share_teachers_under_35),
      olympiadParticipants: num(c.olympiad_participants),
      continuationShare9to10: num(c.continuation_share_9_to_10),
      hasPsychologist: (c.has_psychologist as boolean | null) ?? null,
      hasSpeechTherapist: (c.has_speech_therapist as boolean | null) ?? null,
      hasSocialPedagogue: (c.has_social_pedagogue as boolean | null) ?? null,
      teacherVacancyShare: num(c.teacher_vacancy_share),
      pupils: num(c.pupils),
    };
  }
  for (const r of results) {
    const f = byId.get(String(r.school_id));
    if (!f) continue;
    const egeRows = Number(r.ege_rows);
    const ogeRows = Number(r.oge_rows);
    f.results = {
      egeBelowMinimum: egeRows > 0 ? Number(r.ege_below ?? 0) : ogeRows > 0 ? 0 : null,
      ogeMarks2: ogeRows > 0 ? Number(r.oge_2 ?? 0) : null,
      egeMean: num(r.ege_mean),
      ogeMean: num(r.oge_mean),
      vpr2Share: num(r.vpr_2),
    };
  }
  const itemsBySchool = new Map<string, RoadmapItemFact[]>();
  for (const i of items) {
    const list = itemsBySchool.get(String(i.school_id)) ?? [];
    list.push({ roadmapStatus: String(i.roadmap_status), status: (i.status as string | null) ?? null, canBeOverdue: Boolean(i.can_be_overdue), periodEnd: (i.period_end as string | null) ?? null });
    itemsBySchool.set(String(i.school_id), list);
  }
  for (const [schoolId, list] of itemsBySchool) {
    const f = byId.get(schoolId);
    if (f) f.roadmap = schoolRoadmapFacts(list, year, today);
  }
  for (const e of entered) {
    const f = byId.get(String(e.school_id));
    if (f) (f.entered as Record<string, SchoolFacts['entered'][string]>)[codeOf.get(String(e.indicator_id))!] = { value: Number(e.value), numerator: num(e.numerator), denominator: num(e.denominator) };
  }
  return [...byId.values()];
}

/** A stable digest of the facts an evaluation read (the schools and everything known of them). */
export function factsDigest(facts: readonly SchoolFacts[]): string {
  const hash = createHash('sha256');
  for (const f of [...facts].sort((a, b) => (a.schoolId < b.schoolId ? -1 : 1))) {
    hash.update(JSON.stringify([f.schoolId, f.category, f.context, f.results, f.roadmap, Object.entries(f.entered).sort()]));
    hash.update('\n');
  }
  return hash.digest('hex');
}
