/**
 * A sha256 digest of everything a run depends on: the year, the methodology (canonical JSON: sorted keys, no
 * null members) and the input rows in one fixed order (schools by id; each school's results by year, exam,
 * subject and grade; contexts by year), each row as its field values in a fixed order, null and absent alike
 * empty — so the digest depends on content only, never on row order or key order. Only the
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

/** Fields the engine reads, in a fixed order; rows are hashed as their values only, which keeps millions fast. */
const SCHOOL_FIELDS = ['id', 'municipalityId', 'municipalityName', 'name'] as const;
const RESULT_FIELDS = ['schoolId', 'year', 'exam', 'subject', 'grade', 'participants', 'meanScore', 'belowMinimum', 'marks', 'highScorers', 'maxScore'] as const;
const CONTEXT_FIELDS = [
  'schoolId', 'year', 'pupils', 'continuationShare9to10', 'olympiadParticipants', 'shareOvz', 'shareLowIncome',
  'shareParentsHigherEd', 'shareNonNativeRussian', 'distanceKm', 'rural', 'teacherVacancyShare', 'shareTeachersUnder35',
  'shareTeachers60plus', 'internetMbps', 'hasPsychologist', 'hasSpeechTherapist', 'hasSocialPedagogue', 'facilitiesCondition',
] as const;

/** Values separated by U+0001 (absent as empty); the marks object as «m2,m3,m4,m5». */
function values(row: object, names: readonly string[]): string {
  let out = '';
  for (const name of names) {
    const value = (row as Record<string, unknown>)[name];
    if (value !== null && value !== undefined) {
      if (typeof value === 'object') {
        const m = value as { m2: number; m3: number; m4: number; m5: number };
        out += `${m.m2},${m.m3},${m.m4},${m.m5}`;
      } else out += String(value);
    }
    out += '\u0001';
  }
  return out;
}

/** Feeds the hash in chunks of about 64 KB: millions of tiny updates are slow. */
class ChunkedHash {
  private readonly hash: Hash = createHash('sha256');
  private buffer = '';

  line(tag: string, json: string): void {
    this.buffer += `${tag}${json}\n`;
    if (this.buffer.length > 65_536) this.flush();
  }

  private flush(): void {
    this.hash.update(this.buffer);
    this.buffer = '';
  }

  digest(): string {
    this.flush();
    return this.hash.digest('hex');
  }
}

export function datasetDigest(year: number, dataset: Dataset): string {
  const hash = new ChunkedHash();
  hash.line('year', String(year));
  hash.line('methodology', canonicalJson(dataset.methodology));
  for (const school of dataset.schools) {
    hash.line('school', values(school, SCHOOL_FIELDS));
    const results = dataset.results.get(school.id);
    if (results) for (const y of [...results.keys()].sort((a, b) => a - b)) for (const row of results.get(y)!) hash.line('result', values(row, RESULT_FIELDS));
    const contexts = dataset.contexts.get(school.id);
    if (contexts) for (const y of [...contexts.keys()].sort((a, b) => a - b)) hash.line('context', values(contexts.get(y)!, CONTEXT_FIELDS));
  }
  return hash.digest();
}

export function inputDigest(input: ClassificationInput): string {
  return datasetDigest(input.year, buildDataset(input));
}
