/**
 * A sha256 digest of everything a run depends on: the year, the methodology (canonical JSON: sorted keys, no
 * null members) and the input rows in one fixed order (schools by id; each school's results by year, exam,
 * subject and grade; contexts by year), so the digest depends on content only, never on row order or key
 * order. Only the fields the engine reads are included (no marks where none are read, see readsMarks; no
 * high scorers); rows of schools not in the school list are ignored by the engine and therefore not part of the
 * digest either.
 *
 * Rows are hashed as a compact canonical byte encoding, not as text: every field is a one-byte tag (absent,
 * false, true, int32, float64, string) followed by its value, and an assessment row is a fixed block of
 * float64s with a mask of its absent fields, so a national run (millions of rows) builds no strings. Null and
 * absent are the same.
 */
import { createHash, type Hash } from 'node:crypto';
import { buildDataset, readsMarks, type ClassificationInput, type Dataset } from './dataset';
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

const enum Tag { Absent = 0, False = 1, True = 2, Int = 3, Float = 4, Text = 5, Record = 6, Result = 7 }
const CHUNK = 1 << 16;
/** The absent mask and 13 fields of an assessment row. */
const RESULT_BYTES = 14 * 8;

/** Writes tagged values into a 64 KB buffer and feeds it to sha256 whenever it fills. */
class ByteHash {
  private readonly hash: Hash = createHash('sha256');
  /** Its own ArrayBuffer (not a slice of Node's pool), so that the float view is aligned with it. */
  private readonly buffer = Buffer.from(new ArrayBuffer(CHUNK));
  private readonly floats = new Float64Array(this.buffer.buffer, 0, CHUNK / 8);
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

  /**
   * An assessment row: 13 numbers and a mask of the absent ones as float64s, 8-byte aligned, written through a
   * Float64Array view (a national run hashes millions of these). Rows with an unknown exam or subject code,
   * which the engine never sees from the database, go through the tagged encoding instead.
   */
  result(row: AssessmentResult, year: number): void {
    const exam = CODES.get(row.exam);
    const subject = CODES.get(row.subject);
    if (exam === undefined || subject === undefined) return this.taggedResult(row, year);
    this.room(RESULT_BYTES + 8);
    this.buffer[this.offset++] = Tag.Result;
    while (this.offset & 7) this.buffer[this.offset++] = 0;
    const f = this.floats;
    const i = this.offset >> 3;
    const m = readsMarks(year, row) ? row.marks : null;
    f[i + 1] = row.year;
    f[i + 2] = orZero(row.grade);
    f[i + 3] = row.participants;
    f[i + 4] = orZero(row.meanScore);
    f[i + 5] = orZero(row.belowMinimum);
    f[i + 6] = 0; // highScorers: no rule reads them
    f[i + 7] = orZero(row.maxScore);
    f[i + 8] = exam;
    f[i + 9] = subject;
    f[i + 10] = m ? m.m2 : 0;
    f[i + 11] = m ? m.m3 : 0;
    f[i + 12] = m ? m.m4 : 0;
    f[i + 13] = m ? m.m5 : 0;
    f[i] = absent(row.grade, 1) | absent(row.meanScore, 2) | absent(row.belowMinimum, 4) | 8 | absent(row.maxScore, 16) | (m ? 0 : 32);
    this.offset = (i + 14) << 3;
  }

  private taggedResult(row: AssessmentResult, year: number): void {
    this.tag(Tag.Record);
    this.value(row.year);
    this.value(row.grade);
    this.value(row.participants);
    this.value(row.meanScore);
    this.value(row.belowMinimum);
    this.tag(Tag.Absent);
    this.value(row.maxScore);
    this.code(row.exam);
    this.code(row.subject);
    const m = readsMarks(year, row) ? row.marks : null;
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
const orZero = (value: number | null | undefined): number => value ?? 0;
const absent = (value: number | null | undefined, bit: number): number => (value === null || value === undefined ? bit : 0);

/** `municipalityId`: the municipality a municipal run reports (absent from the digest of a region's run). */
export function datasetDigest(year: number, dataset: Dataset, municipalityId: string | null = null): string {
  const hash = new ByteHash();
  hash.value(year);
  hash.text(canonicalJson(dataset.methodology));
  if (municipalityId !== null) hash.text(`municipality:${municipalityId}`);
  for (const school of dataset.schools) {
    hash.record(school, SCHOOL_FIELDS);
    const results = dataset.results.get(school.id);
    if (results) {
      for (const y of [...results.keys()].sort(byYear)) {
        for (const row of results.get(y)!) hash.result(row, year);
      }
    }
    const contexts = dataset.contexts.get(school.id);
    if (contexts) for (const y of [...contexts.keys()].sort(byYear)) hash.record(contexts.get(y)!, CONTEXT_FIELDS);
  }
  return hash.digest();
}

export function inputDigest(input: ClassificationInput): string {
  return datasetDigest(input.year, buildDataset(input), input.municipalityId ?? null);
}
