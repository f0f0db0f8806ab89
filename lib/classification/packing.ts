/**
 * A compact storage form of JSON data made of many objects of the same few shapes (a run's per-school
 * results): object keys are replaced by a shape number and long repeated strings by a dictionary number, so a
 * national run writes a fraction of the bytes. `unpack(pack(x))` equals `JSON.parse(JSON.stringify(x))`.
 *
 * Encoding: an object is `[shape, ...values]` (shape ≥ 0 indexes `shapes`, the keys in order), an array is
 * `[-1, ...items]`, a dictionary string is `[-2, index]`; null, booleans, numbers and other strings are
 * themselves. The table (shapes and strings) is stored once per run, so old runs decode with their own table.
 */
import { SOCIAL_VARIABLE_NAMES } from './methodology';
import { RISK_FACTORS } from './risk';
import { CONTEXT_SOURCE, GIA_SOURCE } from './rules';
import { VPR_SOURCE } from './rule-vpr';

export interface PackTable {
  shapes: string[][];
  strings: string[];
}

const ARRAY = -1;
const STRING = -2;

/** Strings every run repeats thousands of times (short codes are cheaper written out). */
export const PACKED_STRINGS: readonly string[] = [
  GIA_SOURCE, CONTEXT_SOURCE, VPR_SOURCE, ...Object.values(SOCIAL_VARIABLE_NAMES), ...Object.keys(SOCIAL_VARIABLE_NAMES), ...RISK_FACTORS,
  'not_fired', 'insufficient_data', 'mathematics_profile', 'mathematics', 'social_studies', 'surrounding_world', 'foreign_language',
  'unfavourable', 'low_results', 'resilient', 'vacancies', 'internet', 'distance',
];

/** Packs values of one run; `table()` is what `unpack` needs. */
export class Packer {
  private readonly shapes: string[][] = [];
  private readonly shapesByFirstKey = new Map<string, number[]>();
  private readonly stringIndex: Map<string, number>;

  constructor(private readonly strings: readonly string[] = PACKED_STRINGS) {
    this.stringIndex = new Map(strings.map((s, i) => [s, i]));
  }

  pack(value: unknown): unknown {
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'string') {
        const index = this.stringIndex.get(value);
        return index === undefined ? value : [STRING, index];
      }
      return value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? null : value;
    }
    if (Array.isArray(value)) {
      const out: unknown[] = [ARRAY];
      for (const item of value) out.push(this.pack(item));
      return out;
    }
    const record = value as Record<string, unknown>;
    const keys = storedKeys(record);
    const out: unknown[] = [this.shapeOf(keys)];
    for (const key of keys) out.push(this.pack(record[key]));
    return out;
  }

  /** The packed value as JSON text (JSON.stringify of `pack`: natively serialised, faster than building the text here). */
  packJson(value: unknown): string {
    return JSON.stringify(this.pack(value));
  }

  /** Shapes are found by their first key and then compared key by key: no signature string per object. */
  private shapeOf(keys: string[]): number {
    const first = keys[0] ?? '';
    let candidates = this.shapesByFirstKey.get(first);
    if (!candidates) this.shapesByFirstKey.set(first, (candidates = []));
    for (const index of candidates) if (sameKeys(this.shapes[index]!, keys)) return index;
    this.shapes.push(keys);
    candidates.push(this.shapes.length - 1);
    return this.shapes.length - 1;
  }

  table(): PackTable {
    return { shapes: this.shapes, strings: [...this.strings] };
  }
}

/** The keys JSON would write: own enumerable keys whose values are neither undefined nor functions. */
function storedKeys(record: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const v = record[key];
    if (v !== undefined && typeof v !== 'function') keys.push(key);
  }
  return keys;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function unpack(value: unknown, table: PackTable): unknown {
  if (!Array.isArray(value)) return value;
  const tag = value[0] as number;
  if (tag === STRING) return table.strings[value[1] as number];
  if (tag === ARRAY) {
    const out = new Array<unknown>(value.length - 1);
    for (let i = 1; i < value.length; i++) out[i - 1] = unpack(value[i], table);
    return out;
  }
  const keys = table.shapes[tag]!;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) out[keys[i]!] = unpack(value[i + 1], table);
  return out;
}
