/**
 * A sha256 digest of everything a run depends on: the year, the methodology and the input rows in one fixed
 * order (schools by id; each school's results by year, exam, subject and grade; contexts by year). Keys are
 * sorted and missing values (null or absent) are left out, so the digest depends on content only. Only the
 * fields the engine reads are included; rows of schools not in the school list are ignored by the engine and
 * therefore not part of the digest either.
 */
import { createHash, type Hash } from 'node:crypto';
import { buildDataset, type ClassificationInput, type Dataset } from './dataset';

/** JSON with sorted object keys and without null or undefined members. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Fields the engine reads, in sorted order; rows are serialised through these lists, which is fast. */
const SCHOOL_FIELDS = ['id', 'municipalityId', 'municipalityName', 'name'] as const;
const RESULT_FIELDS = ['belowMinimum', 'exam', 'grade', 'highScorers', 'marks', 'maxScore', 'meanScore', 'participants', 'schoolId', 'subject', 'year'] as const;
const CONTEXT_FIELDS = [
  'continuationShare9to10', 'distanceKm', 'facilitiesCondition', 'hasPsychologist', 'hasSocialPedagogue', 'hasSpeechTherapist',
  'internetMbps', 'olympiadParticipants', 'pupils', 'rural', 'schoolId', 'shareLowIncome', 'shareNonNativeRussian', 'shareOvz',
  'shareParentsHigherEd', 'shareTeachers60plus', 'shareTeachersUnder35', 'teacherVacancyShare', 'year',
] as const;

function fields(row: object, names: readonly string[]): string {
  let out = '{';
  for (const name of names) {
    const value = (row as Record<string, unknown>)[name];
    if (value === null || value === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}"${name}":${typeof value === 'object' ? canonicalJson(value) : JSON.stringify(value)}`;
  }
  return `${out}}`;
}

function line(hash: Hash, tag: string, json: string): void {
  hash.update(`${tag}${json}\n`);
}

export function datasetDigest(year: number, dataset: Dataset): string {
  const hash = createHash('sha256');
  line(hash, 'year', String(year));
  line(hash, 'methodology', canonicalJson(dataset.methodology));
  for (const school of dataset.schools) {
    line(hash, 'school', fields(school, SCHOOL_FIELDS));
    const results = dataset.results.get(school.id);
    if (results) for (const y of [...results.keys()].sort((a, b) => a - b)) for (const row of results.get(y)!) line(hash, 'result', fields(row, RESULT_FIELDS));
    const contexts = dataset.contexts.get(school.id);
    if (contexts) for (const y of [...contexts.keys()].sort((a, b) => a - b)) line(hash, 'context', fields(contexts.get(y)!, CONTEXT_FIELDS));
  }
  return hash.digest('hex');
}

export function inputDigest(input: ClassificationInput): string {
  return datasetDigest(input.year, buildDataset(input));
}
