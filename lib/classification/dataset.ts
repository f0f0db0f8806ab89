/**
 * Indexes the plain input once (by school, year and municipality) so that every rule is a map look-up, and
 * fixes one order for everything so the result never depends on the order of input rows.
 */
import { AppError, type Issue } from '@/lib/errors';
import type { Methodology } from './methodology';
import { ogeMaxPrimaryScore } from './subjects';
import type { AssessmentResult, ExamCode, School, SchoolContext, SubjectCode } from './types';
import { compareStrings } from './format';

export interface ClassificationInput {
  /** The year classified; earlier years in the data serve stability, R3 and R5. */
  year: number;
  schools: readonly School[];
  results: readonly AssessmentResult[];
  contexts: readonly SchoolContext[];
  methodology: Methodology;
  /**
   * A municipal run: only this municipality's schools are classified and reported. The other schools of the
   * input — the rest of the region — still count wherever the methodology looks region-wide: the social index
   * standardisation, the disadvantaged quarter, the clusters and their means, and partner candidates. So a
   * municipality's schools get the same decisions as in the region's run.
   */
  municipalityId?: string | null;
}

/** Whether a run of the input classifies and reports the school: every school, or its municipality's. */
export function reports(input: Pick<ClassificationInput, 'municipalityId'>, school: Pick<School, 'municipalityId'>): boolean {
  return !input.municipalityId || school.municipalityId === input.municipalityId;
}

/** The schools a run of the input classifies and reports. */
export function reportedSchools(input: Pick<ClassificationInput, 'schools' | 'municipalityId'>): readonly School[] {
  return input.municipalityId ? input.schools.filter((s) => reports(input, s)) : input.schools;
}

/** Participant-weighted sum of 0–100 scores over schools with enough participants. */
export interface MeanAccumulator {
  weightedSum: number;
  participants: number;
}

/** Small numbers for exam and subject codes; an unknown code gets the next number on first sight. */
const codeNumbers = new Map<string, number>();
export function codeNumber(code: string): number {
  let n = codeNumbers.get(code);
  if (n === undefined) codeNumbers.set(code, (n = codeNumbers.size));
  return n;
}

/**
 * Participant-weighted means by scope (a municipality, a cluster) and by year, exam and subject. The inner key
 * is one number, not a joined string: a national run adds millions of rows, and building a key string for each
 * was a large share of its time.
 */
export class Means {
  private readonly byScope = new Map<string, Map<number, MeanAccumulator>>();

  private static slot(year: number, exam: ExamCode, subject: SubjectCode): number {
    return (year * 1024 + codeNumber(exam)) * 1024 + codeNumber(subject);
  }

  add(scope: string, year: number, exam: ExamCode, subject: SubjectCode, score: number, participants: number): void {
    let slots = this.byScope.get(scope);
    if (!slots) this.byScope.set(scope, (slots = new Map()));
    const key = Means.slot(year, exam, subject);
    const acc = slots.get(key);
    if (acc) {
      acc.weightedSum += score * participants;
      acc.participants += participants;
    } else slots.set(key, { weightedSum: score * participants, participants });
  }

  get(scope: string, year: number, exam: ExamCode, subject: SubjectCode): MeanAccumulator | undefined {
    return this.byScope.get(scope)?.get(Means.slot(year, exam, subject));
  }
}

export interface Dataset {
  /** Sorted by id. */
  schools: School[];
  schoolById: Map<string, School>;
  /** schoolId → year → rows sorted by exam, subject, grade. */
  results: Map<string, Map<number, AssessmentResult[]>>;
  contexts: Map<string, Map<number, SchoolContext>>;
  /** Every year present in the result rows the rules read (see readByRules) or in contexts, ascending. */
  years: number[];
  /** By municipality id. */
  municipalMeans: Means;
  methodology: Methodology;
}

export function ogeMaximum(result: Pick<AssessmentResult, 'subject' | 'year' | 'maxScore'>): number | null {
  return result.maxScore ?? ogeMaxPrimaryScore(result.subject, result.year);
}

/** The mean on a 0–100 scale: ЕГЭ test score, ОГЭ primary score as % of the maximum; null when not comparable. */
export function percentScore(result: AssessmentResult): number | null {
  if (result.meanScore === null || !Number.isFinite(result.meanScore)) return null;
  if (result.exam === 'EGE') return result.subject === 'mathematics_base' ? null : result.meanScore;
  if (result.exam === 'OGE') {
    const max = ogeMaximum(result);
    return max ? (result.meanScore / max) * 100 : null;
  }
  return null;
}

/** Participants below the ЕГЭ minimum or with mark «2». */
export function belowCount(result: AssessmentResult): number | null {
  return result.belowMinimum ?? result.marks?.m2 ?? null;
}

function resultKey(r: AssessmentResult): string {
  return `${r.schoolId}|${r.year}|${r.exam}|${r.subject}|${r.grade ?? ''}`;
}

const judgedSets = new WeakMap<Methodology, Map<string, Set<string>>>();

/** Whether the methodology judges this exam and subject; the lookup is built once per methodology object. */
export function isJudged(methodology: Methodology, row: Pick<AssessmentResult, 'exam' | 'subject'>): boolean {
  let byExam = judgedSets.get(methodology);
  if (!byExam) {
    judgedSets.set(methodology, (byExam = new Map()));
    for (const j of methodology.judged) {
      let subjects = byExam.get(j.exam);
      if (!subjects) byExam.set(j.exam, (subjects = new Set()));
      subjects.add(j.subject);
    }
  }
  return byExam.get(row.exam)?.has(row.subject) ?? false;
}

/**
 * Whether any rule reads the row when classifying `year`: every row of that year (the rating and partner
 * matching read all subjects), and of earlier years only the judged subjects and ВПР — stability, R3 and R5
 * look back at those alone. Rows of later years are never read. The rest is left out of the dataset and so of
 * the digest, and the database loader does not fetch it.
 */
export function readByRules(methodology: Methodology, year: number, row: Pick<AssessmentResult, 'year' | 'exam' | 'subject'>): boolean {
  if (row.year > year) return false;
  return row.year === year || row.exam === 'VPR' || isJudged(methodology, row);
}

/**
 * Whether any rule reads the row's marks distribution when classifying `year`: the rating reads the ВПР marks of
 * that year, and anywhere else marks stand in only for a missing `belowMinimum` (see belowCount). Unread marks
 * are not part of the digest, and the database loader does not build them. (No rule reads `highScorers`.)
 */
export function readsMarks(year: number, row: Pick<AssessmentResult, 'year' | 'exam' | 'belowMinimum'>): boolean {
  return row.belowMinimum === null || row.belowMinimum === undefined || (row.exam === 'VPR' && row.year === year);
}

/**
 * In a municipal run, whether a row of a school outside the municipality is read: such a school only informs
 * the region-wide parts of the classified year — its results profile (cluster means, partner matching) and its
 * ШНОР decision (partners exclude ШНОР), for which R3 looks one year back at ВПР. Its earlier years are never
 * assessed, so the loader does not fetch them.
 */
export function readForRegion(year: number, row: Pick<AssessmentResult, 'year' | 'exam'>): boolean {
  return row.year === year || (row.exam === 'VPR' && row.year === year - 1);
}

export function compareResults(a: AssessmentResult, b: AssessmentResult): number {
  return compareStrings(a.exam, b.exam) || compareStrings(a.subject, b.subject) || (a.grade ?? 0) - (b.grade ?? 0);
}

function rejectDuplicates(keys: string[], what: string): void {
  if (keys.length === 0) return;
  const issues: Issue[] = keys.slice(0, 20).map((key) => ({ message: `${what} повторяется: ${key}` }));
  throw new AppError('validation', `Во входных данных повторяются записи (${what}).`, issues);
}

export function buildDataset(input: ClassificationInput): Dataset {
  const schools = [...input.schools].sort((a, b) => compareStrings(a.id, b.id));
  rejectDuplicates(schools.filter((s, i) => i > 0 && schools[i - 1]!.id === s.id).map((s) => s.id), 'школа');
  const schoolById = new Map(schools.map((s) => [s.id, s]));

  const years = new Set<number>();
  const results = new Map<string, Map<number, AssessmentResult[]>>();
  for (const row of input.results) {
    const school = schoolById.get(row.schoolId);
    if (!school || !readByRules(input.methodology, input.year, row)) continue;
    if (!reports(input, school) && !readForRegion(input.year, row)) continue;
    years.add(row.year);
    let byYear = results.get(row.schoolId);
    if (!byYear) results.set(row.schoolId, (byYear = new Map()));
    const rows = byYear.get(row.year);
    if (rows) rows.push(row);
    else byYear.set(row.year, [row]);
  }
  const duplicateResults: string[] = [];
  for (const byYear of results.values()) {
    for (const rows of byYear.values()) {
      rows.sort(compareResults);
      for (let i = 1; i < rows.length; i++) if (compareResults(rows[i - 1]!, rows[i]!) === 0) duplicateResults.push(resultKey(rows[i]!));
    }
  }
  rejectDuplicates(duplicateResults, 'результат');

  const contexts = new Map<string, Map<number, SchoolContext>>();
  const duplicateContexts: string[] = [];
  for (const row of input.contexts) {
    if (!schoolById.has(row.schoolId)) continue;
    years.add(row.year);
    let byYear = contexts.get(row.schoolId);
    if (!byYear) contexts.set(row.schoolId, (byYear = new Map()));
    if (byYear.has(row.year)) duplicateContexts.push(`${row.schoolId}|${row.year}`);
    byYear.set(row.year, row);
  }
  rejectDuplicates(duplicateContexts, 'контекст школы за год');

  const dataset: Dataset = {
    schools,
    schoolById,
    results,
    contexts,
    years: [...years].sort((a, b) => a - b),
    municipalMeans: new Means(),
    methodology: input.methodology,
  };
  accumulateMunicipalMeans(dataset);
  return dataset;
}

/** Sums in school-id order so that floating-point totals are identical for any input order. */
function accumulateMunicipalMeans(dataset: Dataset): void {
  const { minParticipants } = dataset.methodology;
  for (const school of dataset.schools) {
    const byYear = dataset.results.get(school.id);
    if (!byYear) continue;
    for (const [year, rows] of byYear) {
      for (const row of rows) {
        const score = percentScore(row);
        if (score === null || row.participants < minParticipants) continue;
        dataset.municipalMeans.add(school.municipalityId, year, row.exam, row.subject, score, row.participants);
      }
    }
  }
}

const NO_RESULTS: readonly AssessmentResult[] = Object.freeze([]);

/** The rows of one school and year; the same array on every call (memos in the rules key on it). */
export function resultsOf(dataset: Dataset, schoolId: string, year: number): readonly AssessmentResult[] {
  return dataset.results.get(schoolId)?.get(year) ?? NO_RESULTS;
}

export function contextOf(dataset: Dataset, schoolId: string, year: number): SchoolContext | undefined {
  return dataset.contexts.get(schoolId)?.get(year);
}
