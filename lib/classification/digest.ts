/**
 * A sha256 digest of everything a run depends on: the year, the methodology (canonical JSON: sorted keys, no
 * null members) and the input rows in one fixed order (schools by id; each school's results by year, exam,
 * subject and grade; contexts by year), so the digest depends on content only, never on row order or key
 * order. Only the fields the engine reads are included; rows of schools not in the school list are ignored by
 * the engine and therefore not part of the digest either.
 *
 * Rows are hashed as a compact canonical byte encoding, not as text: every field is a one-byte tag (absent,
 * false, true, int32, float64, string) followed by its value, so a national run (millions of rows) hashes a
 * few hundred megabytes less and builds no strings. Null and absent are the same.
 */
import { createHash, type Hash } from 'node:crypto';
import { buildDataset, type ClassificationInput, type Dataset } from './dataset';
import { SUBJECTS } from './subjects';
import type { AssessmentResult } from './types';

/** Exam and subject codes as small numbers: two strings per row are most of the bytes otherwise. */
const CODES = new Map<string, number>([...['EGE', 'OGE', 'VPR'], ...SUBJECTS.map((s) => s.code)].map((code, i) => [code, i]));

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

/** Fields the engine reads, in a fixed order. */
const SCHOOL_FIELDS = ['id', 'municipalityId', 'municipalityName', 'name'] as const;
const CONTEXT_FIELDS = [
  'year', 'pupils', 'continuationShare9to10', 'olympiadParticipants', 'shareOvz', 'shareLowIncome',
  'shareParentsHigherEd', 'shareNonNativeRussian', 'distanceKm', 'rural', 'teacherVacancyShare', 'shareTeachersUnder35',
  'shareTeachers60plus', 'internetMbps', 'hasPsychologist', 'hasSpeechTherapist', 'hasSocialPedagogue', 'facilitiesCondition',
] as const;

const enum Tag { Absent = 0, False = 1, True = 2, Int = 3, Float = 4, Text = 5, Record = 6 }
const CHUNK = 1 << 16;

/** Writes tagged values into a 64 KB buffer and feeds it to sha256 whenever it fills. */
class ByteHash {
  private readonly hash: Hash = createHash('sha256');
  private readonly buffer = Buffer.allocUnsafe(CHUNK);
  private offset = 0;

  private room(bytes: number): void {
    if (this.offset + bytes > CHUNK) this.flush();
  }

  private flush(): void {
    this.hash.update(this.buffer.subarray(0, this.offset));
    this.offset = 0;
  }

  tag(tag: Tag): void {
    this.room(1);
    this.buffer[this.offset++] = tag;
  }

  value(value: unknown): void {
    if (value === null || value === undefined) return this.tag(Tag.Absent);
    if (typeof value === 'boolean') return this.tag(value ? Tag.True : Tag.False);
    if (typeof value === 'number') {
      this.room(9);
      if (Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff) {
        this.buffer[this.offset] = Tag.Int;
        this.buffer.writeInt32LE(value, this.offset + 1);
        this.offset += 5;
      } else {
        this.buffer[this.offset] = Tag.Float;
        this.buffer.writeDoubleLE(value, this.offset + 1);
        this.offset += 9;
      }
      return;
    }
    this.text(typeof value === 'string' ? value : canonicalJson(value));
  }

  text(text: string): void {
    const bytes = Buffer.byteLength(text);
    this.room(5);
    this.buffer[this.offset] = Tag.Text;
    this.buffer.writeUInt32LE(bytes, this.offset + 1);
    this.offset += 5;
    if (bytes > CHUNK - this.offset) {
      this.flush();
      this.hash.update(text);
      return;
    }
    this.offset += this.buffer.write(text, this.offset);
  }

  /** A known code as its number (tag Int), anything else as text. */
  code(value: string): void {
    const known = CODES.get(value);
    if (known === undefined) this.text(value);
    else this.value(known);
  }

  record(row: object, fields: readonly string[]): void {
    this.tag(Tag.Record);
    for (const name of fields) this.value((row as Record<string, unknown>)[name]);
  }

  /** `record(row, RESULT_FIELDS)`, codes and marks, with direct field reads: millions of rows in a national run. */
  result(row: AssessmentResult): void {
    this.tag(Tag.Record);
    this.value(row.year);
    this.value(row.grade);
    this.value(row.participants);
    this.value(row.meanScore);
    this.value(row.belowMinimum);
    this.value(row.highScorers);
    this.value(row.maxScore);
    this.code(row.exam);
    this.code(row.subject);
    const m = row.marks;
    if (m) {
      this.value(m.m2);
      this.value(m.m3);
      this.value(m.m4);
      this.value(m.m5);
    } else this.tag(Tag.Absent);
  }

  digest(): string {
    this.flush();
    return this.hash.digest('hex');
  }
}

const byYear = (a: number, b: number) => a - b;

export function datasetDigest(year: number, dataset: Dataset): string {
  const hash = new ByteHash();
  hash.value(year);
  hash.text(canonicalJson(dataset.methodology));
  for (const school of dataset.schools) {
    hash.record(school, SCHOOL_FIELDS);
    const results = dataset.results.get(school.id);
    if (results) {
      for (const y of [...results.keys()].sort(byYear)) {
        for (const row of results.get(y)!) hash.result(row);
      }
    }
    const contexts = dataset.contexts.get(school.id);
    if (contexts) for (const y of [...contexts.keys()].sort(byYear)) hash.record(contexts.get(y)!, CONTEXT_FIELDS);
  }
  return hash.digest();
}

export function inputDigest(input: ClassificationInput): string {
  return datasetDigest(input.year, buildDataset(input));
}
