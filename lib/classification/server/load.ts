/**
 * Reads a run's inputs from the database as the engine's plain rows. A national run reads millions of rows, so
 * they are streamed with binary COPY and decoded field by field (no per-row driver parsing, no ORM mapping, no
 * number formatting on the server); codes and school ids are shared strings, and every result row has one
 * object shape. Every column is cast to the type its reader expects.
 *
 * No 'server-only': the benchmark script (tsx) reads through it too; callers check the actor.
 *
 * Years: the classified year and up to nine before it — stability looks back over the last years with data,
 * R3 at the previous year and R5 over `r5.years`.
 */
import { readsMarks, type ClassificationInput } from '../dataset';
import type { Methodology } from '../methodology';
import { SUBJECTS } from '../subjects';
import type { AssessmentResult, ExamCode, School, SchoolContext, SubjectCode } from '../types';
import { getPool } from '@/lib/db/client';
import { copyOut, int32At, type CopyRow } from './copy';

type Pool = ReturnType<typeof getPool>;

export const LOOKBACK_YEARS = 9;

export interface InputScope {
  regionId: string;
  /** null: every school of the region. */
  municipalityId: string | null;
  year: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** COPY takes no parameters: the scope's ids and year are checked here once, then written as literals. */
function assertScope(scope: InputScope): void {
  const ids = [scope.regionId, scope.municipalityId ?? scope.regionId];
  if (!ids.every((id) => UUID.test(id)) || !Number.isInteger(scope.year)) throw new Error('Неверная область классификации');
}

/**
 * The schools read: the whole region, also for a municipal run — its social index, clusters and partners are
 * the region's (see ClassificationInput.municipalityId).
 */
function scopeSql(scope: InputScope): string {
  return `s.kind = 'school' AND s.is_active AND s.region_id = '${scope.regionId}'`;
}

const yearsSql = (column: string, scope: InputScope) => `${column} BETWEEN ${scope.year - LOOKBACK_YEARS} AND ${scope.year}`;

async function loadSchools(pool: Pool, scope: InputScope): Promise<School[]> {
  const schools: School[] = [];
  await copyOut(pool, `SELECT s.id::text, coalesce(s.short_name, s.name)::text, s.municipality_id::text, m.name::text FROM organisations s
      LEFT JOIN organisations m ON m.id = s.municipality_id WHERE ${scopeSql(scope)}`, (row) => {
    schools.push({ id: row.text(0)!, name: row.text(1)!, municipalityId: row.text(2)!, municipalityName: row.text(3) ?? undefined });
  });
  return schools;
}

/**
 * Maps the uuid field 0 of consecutive rows to the school's own id string; rows of one school usually come
 * together, so the id text is built only when the bytes change (compared as four 32-bit words).
 */
function schoolIdReader(schools: readonly School[]): (row: CopyRow) => string | undefined {
  const byId = new Map(schools.map((s) => [s.id, s.id]));
  let w0 = 0, w1 = 0, w2 = 0, w3 = 0;
  let last: string | undefined;
  let seen = false;
  return (row) => {
    const b = row.buffer;
    const p = row.starts[0]!;
    const a0 = int32At(b, p), a1 = int32At(b, p + 4), a2 = int32At(b, p + 8), a3 = int32At(b, p + 12);
    if (!seen || a0 !== w0 || a1 !== w1 || a2 !== w2 || a3 !== w3) {
      w0 = a0;
      w1 = a1;
      w2 = a2;
      w3 = a3;
      seen = true;
      last = byId.get(row.uuid(0)!);
    }
    return last;
  };
}

const EXAMS: readonly ExamCode[] = ['EGE', 'OGE', 'VPR'];
const SUBJECT_CODES: readonly SubjectCode[] = SUBJECTS.map((s) => s.code);

/**
 * The shared string of a known code (one string for millions of rows), found by the field's length and first
 * byte and confirmed byte by byte, so that no string is built per row; the text itself otherwise.
 */
function codeReader<T extends string>(known: readonly T[]): (row: CopyRow, i: number) => T {
  const byShape = new Map<number, T[]>();
  for (const code of known) {
    const key = code.length * 256 + code.charCodeAt(0);
    byShape.set(key, [...(byShape.get(key) ?? []), code]);
  }
  return (row, i) => {
    const length = row.lengths[i]!;
    const candidates = length > 0 ? byShape.get(length * 256 + row.buffer[row.starts[i]!]!) : undefined;
    if (candidates) for (const candidate of candidates) if (row.equals(i, candidate)) return candidate;
    return row.text(i) as T;
  };
}

/**
 * `readByRules` (dataset.ts) in SQL for the union of the methodologies' judged subjects: the rows of earlier
 * years that no rule reads are not fetched. The codes are the methodology's validated enums, checked again here
 * because COPY takes no parameters.
 */
function readByRulesSql(year: number, methodologies: readonly Methodology[]): string {
  const judged = new Set(methodologies.flatMap((m) => m.judged).filter((j) => EXAMS.includes(j.exam) && SUBJECT_CODES.includes(j.subject)).map((j) => `('${j.exam}', '${j.subject}')`));
  const earlier = judged.size > 0 ? ` OR (r.exam, r.subject) IN (${[...judged].join(', ')})` : '';
  return `(r.year = ${year} OR r.exam = 'VPR'${earlier})`;
}

/** `readForRegion` (dataset.ts) in SQL: in a municipal run, the other schools' rows the region-wide parts read. */
function readForRegionSql(scope: InputScope): string {
  if (!scope.municipalityId) return '';
  return ` AND (s.municipality_id = '${scope.municipalityId}' OR r.year = ${scope.year} OR (r.exam = 'VPR' AND r.year = ${scope.year - 1}))`;
}

/** The query of the result rows a run of `scope` reads (the benchmark also times it alone, without decoding). */
export function resultsQuery(scope: InputScope, methodologies: readonly Methodology[]): string {
  assertScope(scope);
  return `SELECT r.school_id, r.year::int4, r.exam::text, r.subject::text, r.grade::int4, r.participants::int4,
            r.mean_score::float4, r.below_minimum::int4, r.marks_2::int4, r.marks_3::int4, r.marks_4::int4, r.marks_5::int4,
            r.max_score::float4
       FROM assessment_results r JOIN organisations s ON s.id = r.school_id
      WHERE ${scopeSql(scope)} AND ${yearsSql('r.year', scope)} AND ${readByRulesSql(scope.year, methodologies)}${readForRegionSql(scope)}`;
}

async function loadResults(pool: Pool, scope: InputScope, schools: readonly School[], methodologies: readonly Methodology[]): Promise<AssessmentResult[]> {
  const out: AssessmentResult[] = [];
  await copyOut(pool, resultsQuery(scope, methodologies), resultReader(schools, scope.year, out));
  return out;
}

/** Decodes result rows into `out`, as the rules of `year` read them (see readsMarks). */
function resultReader(schools: readonly School[], year: number, out: AssessmentResult[]): (row: CopyRow) => void {
  const schoolIdOf = schoolIdReader(schools);
  const exam = codeReader(EXAMS);
  const subject = codeReader(SUBJECT_CODES);
  return (r) => {
    const schoolId = schoolIdOf(r);
    if (schoolId === undefined) return;
    const row: AssessmentResult = {
      schoolId,
      year: r.int(1)!,
      exam: exam(r, 2),
      subject: subject(r, 3),
      grade: r.int(4) || null,
      participants: r.int(5)!,
      meanScore: r.float(6),
      belowMinimum: r.int(7),
      marks: null,
      maxScore: r.float(12),
    };
    // Marks only where a rule reads them: most rows of earlier years never need their 2/3/4/5 object.
    if (readsMarks(year, row)) {
      const m2 = r.int(8);
      const m3 = r.int(9);
      const m4 = r.int(10);
      const m5 = r.int(11);
      if (m2 !== null && m3 !== null && m4 !== null && m5 !== null) row.marks = { m2, m3, m4, m5 };
    }
    out.push(row);
  };
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

const CAST = { int: 'int4', float: 'float4', bool: 'bool' } as const;

async function loadContexts(pool: Pool, scope: InputScope, schools: readonly School[]): Promise<SchoolContext[]> {
  const out: SchoolContext[] = [];
  const schoolIdOf = schoolIdReader(schools);
  await copyOut(pool, `SELECT c.school_id, c.year::int4, ${CONTEXT_COLUMNS.map(([, c, kind]) => `c.${c}::${CAST[kind]}`).join(', ')}
       FROM school_contexts c JOIN organisations s ON s.id = c.school_id
      WHERE ${scopeSql(scope)} AND ${yearsSql('c.year', scope)}`, (r) => {
    const schoolId = schoolIdOf(r);
    if (schoolId === undefined) return;
    // One object shape for every context (a missing value is undefined, as if absent): the social index reads
    // its variables by name from 40,000 of these, and differently shaped objects made that several times slower.
    const i = (k: number) => r.int(k) ?? undefined;
    const f = (k: number) => r.float(k) ?? undefined;
    const b = (k: number) => r.bool(k) ?? undefined;
    out.push({
      schoolId, year: r.int(1)!, pupils: i(2), continuationShare9to10: f(3), olympiadParticipants: i(4), shareOvz: f(5),
      shareLowIncome: f(6), shareParentsHigherEd: f(7), shareNonNativeRussian: f(8), distanceKm: f(9), rural: b(10),
      teacherVacancyShare: f(11), shareTeachersUnder35: f(12), shareTeachers60plus: f(13), internetMbps: f(14),
      hasPsychologist: b(15), hasSpeechTherapist: b(16), hasSocialPedagogue: b(17), facilitiesCondition: i(18),
    });
  });
  return out;
}

/**
 * Everything a run of `scope` reads with the given methodology; `alsoFor` are other methodologies the same input
 * will be classified with (what-if), so their judged subjects are fetched too.
 */
export async function loadInput(scope: InputScope, methodology: Methodology, alsoFor: readonly Methodology[] = []): Promise<ClassificationInput> {
  assertScope(scope);
  const pool = getPool();
  const schools = await loadSchools(pool, scope);
  const [results, contexts] = await Promise.all([loadResults(pool, scope, schools, [methodology, ...alsoFor]), loadContexts(pool, scope, schools)]);
  return { year: scope.year, schools, results, contexts, methodology, municipalityId: scope.municipalityId };
}
