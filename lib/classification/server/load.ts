/**
 * Reads a run's inputs from the database as the engine's plain rows. A national run reads millions of rows, so
 * they are streamed with COPY in text format and decoded field by field (no per-row driver parsing, no ORM
 * mapping); codes and school ids are shared strings, and every result row has one object shape.
 *
 * No 'server-only': the benchmark script (tsx) reads through it too; callers check the actor.
 *
 * Years: the classified year and up to nine before it — stability looks back over the last years with data,
 * R3 at the previous year and R5 over `r5.years`.
 */
import type { ClassificationInput } from '../dataset';
import type { Methodology } from '../methodology';
import { SUBJECTS } from '../subjects';
import type { AssessmentResult, ExamCode, School, SchoolContext, SubjectCode } from '../types';
import { getPool } from '@/lib/db/client';
import { copyOut, type CopyRow } from './copy';

type Pool = ReturnType<typeof getPool>;

export const LOOKBACK_YEARS = 9;

export interface InputScope {
  regionId: string;
  /** null: every school of the region. */
  municipalityId: string | null;
  year: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** COPY takes no parameters: the scope is checked and written as literals. */
function scopeSql(scope: InputScope): string {
  const ids = [scope.regionId, scope.municipalityId ?? scope.regionId];
  if (!ids.every((id) => UUID.test(id)) || !Number.isInteger(scope.year)) throw new Error('Неверная область классификации');
  const municipality = scope.municipalityId ? ` AND s.municipality_id = '${scope.municipalityId}'` : '';
  return `s.kind = 'school' AND s.is_active AND s.region_id = '${scope.regionId}'${municipality}`;
}

const yearsSql = (column: string, scope: InputScope) => `${column} BETWEEN ${scope.year - LOOKBACK_YEARS} AND ${scope.year}`;

export async function loadSchools(pool: Pool, scope: InputScope): Promise<School[]> {
  const schools: School[] = [];
  await copyOut(pool, `SELECT s.id, coalesce(s.short_name, s.name), s.municipality_id, m.name FROM organisations s
      LEFT JOIN organisations m ON m.id = s.municipality_id WHERE ${scopeSql(scope)}`, (row) => {
    schools.push({ id: row.text(0)!, name: row.text(1)!, municipalityId: row.text(2)!, municipalityName: row.text(3) ?? undefined });
  });
  return schools;
}

/** Maps the id field of consecutive rows to the school's own id string; rows of one school usually come together. */
function schoolIdReader(schools: readonly School[]): (row: CopyRow) => string | undefined {
  const byId = new Map(schools.map((s) => [s.id, s.id]));
  let last: string | undefined;
  return (row) => {
    if (last === undefined || !row.equals(0, last)) last = byId.get(row.text(0)!);
    return last;
  };
}

const EXAMS: readonly ExamCode[] = ['EGE', 'OGE', 'VPR'];
const SUBJECT_CODES: readonly SubjectCode[] = SUBJECTS.map((s) => s.code);

/**
 * The shared string of a known code (one string for millions of rows), matched on the field's bytes so that no
 * string is built per row; the text itself otherwise.
 */
function code<T extends string>(row: CopyRow, i: number, known: readonly T[]): T {
  for (const candidate of known) if (row.equals(i, candidate)) return candidate;
  return row.text(i) as T;
}

export async function loadResults(pool: Pool, scope: InputScope, schools: readonly School[]): Promise<AssessmentResult[]> {
  const out: AssessmentResult[] = [];
  const schoolIdOf = schoolIdReader(schools);
  await copyOut(pool, `SELECT r.school_id, r.year, r.exam, r.subject, r.grade, r.participants, r.mean_score, r.below_minimum,
            r.marks_2, r.marks_3, r.marks_4, r.marks_5, r.high_scorers, r.max_score
       FROM assessment_results r JOIN organisations s ON s.id = r.school_id
      WHERE ${scopeSql(scope)} AND ${yearsSql('r.year', scope)}`, (r) => {
    const schoolId = schoolIdOf(r);
    if (schoolId === undefined) return;
    const m2 = r.int(8);
    const m3 = r.int(9);
    const m4 = r.int(10);
    const m5 = r.int(11);
    out.push({
      schoolId,
      year: r.int(1)!,
      exam: code(r, 2, EXAMS),
      subject: code(r, 3, SUBJECT_CODES),
      grade: r.int(4) || null,
      participants: r.int(5)!,
      meanScore: r.float(6),
      belowMinimum: r.int(7),
      marks: m2 !== null && m3 !== null && m4 !== null && m5 !== null ? { m2, m3, m4, m5 } : null,
      highScorers: r.int(12),
      maxScore: r.float(13),
    });
  });
  return out;
}

type ContextField = Exclude<keyof SchoolContext, 'schoolId' | 'year'>;
const CONTEXT_COLUMNS: [ContextField, string, 'int' | 'float' | 'bool'][] = [
  ['pupils', 'pupils', 'int'], ['continuationShare9to10', 'continuation_share_9_to_10', 'float'],
  ['olympiadParticipants', 'olympiad_participants', 'int'], ['shareOvz', 'share_ovz', 'float'],
  ['shareLowIncome', 'share_low_income', 'float'], ['shareParentsHigherEd', 'share_parents_higher_ed', 'float'],
  ['shareNonNativeRussian', 'share_non_native_russian', 'float'], ['distanceKm', 'distance_km', 'float'], ['rural', 'rural', 'bool'],
  ['teacherVacancyShare', 'teacher_vacancy_share', 'float'], ['shareTeachersUnder35', 'share_teachers_under_35', 'float'],
  ['shareTeachers60plus', 'share_teachers_60_plus', 'float'], ['internetMbps', 'internet_mbps', 'float'],
  ['hasPsychologist', 'has_psychologist', 'bool'], ['hasSpeechTherapist', 'has_speech_therapist', 'bool'],
  ['hasSocialPedagogue', 'has_social_pedagogue', 'bool'], ['facilitiesCondition', 'facilities_condition', 'int'],
];

export async function loadContexts(pool: Pool, scope: InputScope, schools: readonly School[]): Promise<SchoolContext[]> {
  const out: SchoolContext[] = [];
  const schoolIdOf = schoolIdReader(schools);
  await copyOut(pool, `SELECT c.school_id, c.year, ${CONTEXT_COLUMNS.map(([, c]) => `c.${c}`).join(', ')}
       FROM school_contexts c JOIN organisations s ON s.id = c.school_id
      WHERE ${scopeSql(scope)} AND ${yearsSql('c.year', scope)}`, (r) => {
    const schoolId = schoolIdOf(r);
    if (schoolId === undefined) return;
    const ctx: Record<string, unknown> = { schoolId, year: r.int(1) };
    CONTEXT_COLUMNS.forEach(([field, , kind], i) => {
      const value = kind === 'int' ? r.int(i + 2) : kind === 'float' ? r.float(i + 2) : r.bool(i + 2);
      if (value !== null) ctx[field] = value;
    });
    out.push(ctx as unknown as SchoolContext);
  });
  return out;
}

/** Everything a run of `scope` reads, with the given methodology. */
export async function loadInput(scope: InputScope, methodology: Methodology, pool: Pool = getPool()): Promise<ClassificationInput> {
  const schools = await loadSchools(pool, scope);
  const [results, contexts] = await Promise.all([loadResults(pool, scope, schools), loadContexts(pool, scope, schools)]);
  return { year: scope.year, schools, results, contexts, methodology };
}
