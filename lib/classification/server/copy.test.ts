import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BinaryCopyReader, float4Value, type CopyRow } from './copy';

type Field = { kind: 'int'; value: number } | { kind: 'float'; value: number } | { kind: 'text'; value: string } | { kind: 'bool'; value: boolean } | null;

/** A binary COPY stream of `rows`, as PostgreSQL writes it. */
function encode(rows: Field[][]): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])];
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const field of row) {
      let bytes: Buffer | null = null;
      if (field?.kind === 'int') (bytes = Buffer.alloc(4)).writeInt32BE(field.value);
      if (field?.kind === 'float') (bytes = Buffer.alloc(4)).writeFloatBE(field.value);
      if (field?.kind === 'bool') bytes = Buffer.from([field.value ? 1 : 0]);
      if (field?.kind === 'text') bytes = Buffer.from(field.value, 'utf8');
      const length = Buffer.alloc(4);
      length.writeInt32BE(bytes ? bytes.length : -1);
      parts.push(length, ...(bytes ? [bytes] : []));
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

function read(row: CopyRow, fields: Field[]): unknown[] {
  return fields.map((f, i) => (f === null ? (row.lengths[i] === -1 ? null : 'not null') : f.kind === 'int' ? row.int(i) : f.kind === 'float' ? row.float(i) : f.kind === 'bool' ? row.bool(i) : row.text(i)));
}

/** Tenths up to 1000 are the shortest decimals of their float4, so a float field reads back as written. */
const expected = (fields: Field[]) => fields.map((f) => (f === null ? null : f.value));

const field: fc.Arbitrary<Field> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((value) => ({ kind: 'int' as const, value })),
  fc.integer({ min: 0, max: 10_000 }).map((n) => ({ kind: 'float' as const, value: n / 10 })),
  fc.string({ maxLength: 8 }).map((value) => ({ kind: 'text' as const, value })),
  fc.boolean().map((value) => ({ kind: 'bool' as const, value })),
);

describe('BinaryCopyReader', () => {
  it('reads every row and field whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }), (rows, cuts) => {
        const stream = encode(rows);
        const seen: unknown[][] = [];
        let index = 0;
        const reader = new BinaryCopyReader((row) => seen.push(read(row, rows[index++]!)));
        for (let p = 0, k = 0; p < stream.length; k++) {
          const size = cuts[k % cuts.length]!;
          reader.push(stream.subarray(p, p + size));
          p += size;
        }
        reader.end();
        expect(seen).toEqual(rows.map(expected));
      }),
      { numRuns: 200 },
    );
  });

  it('reads tuples longer than the bytes it first joins to a cut-off tuple', () => {
    const long = 'ш'.repeat(5_000);
    const rows: Field[][] = [[{ kind: 'int', value: 7 }, { kind: 'text', value: long }], [{ kind: 'text', value: long.slice(0, 3_000) }, null], [{ kind: 'bool', value: true }]];
    const stream = encode(rows);
    for (const size of [1, 7, 100, 3_000, 4_097, 6_000, stream.length]) {
      const seen: unknown[][] = [];
      let index = 0;
      const reader = new BinaryCopyReader((row) => seen.push(read(row, rows[index++]!)));
      for (let p = 0; p < stream.length; p += size) reader.push(stream.subarray(p, p + size));
      reader.end();
      expect(seen).toEqual(rows.map(expected));
    }
  });

  it('refuses a stream cut before its trailer and a foreign header', () => {
    const stream = encode([[{ kind: 'int', value: 1 }]]);
    const reader = new BinaryCopyReader(() => {});
    reader.push(stream.subarray(0, stream.length - 2));
    expect(() => reader.end()).toThrow('оборвался');
    expect(() => new BinaryCopyReader(() => {}).push(Buffer.from('школа\t2026\tEGE\trussian\n'))).toThrow('заголовок');
  });
});

describe('float4Value', () => {
  const bitsOf = (value: number) => {
    const b = Buffer.alloc(4);
    b.writeFloatBE(value);
    return b.readUInt32BE(0);
  };

  it('gives the shortest decimal that reads back as the same float4, as PostgreSQL prints it', () => {
    expect(float4Value(bitsOf(41.2))).toBe(41.2);
    expect(float4Value(bitsOf(0.1))).toBe(0.1);
    expect(float4Value(bitsOf(-3.5))).toBe(-3.5);
    expect(float4Value(bitsOf(16777217))).toBe(16777216);
    expect(float4Value(bitsOf(67.12345))).toBe(67.12345);
    expect(float4Value(bitsOf(0))).toBe(0);
    expect(float4Value(bitsOf(Number.NaN))).toBeNaN();
    expect(float4Value(bitsOf(Number.POSITIVE_INFINITY))).toBe(Number.POSITIVE_INFINITY);
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const read = float4Value(bitsOf(value));
        expect(Math.fround(read)).toBe(Math.fround(value));
        const digits = read === 0 ? 1 : read.toPrecision(9).replace(/e.*$/, '').replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
        for (let shorter = 1; shorter < digits; shorter++) expect(Math.fround(Number(Math.fround(value).toPrecision(shorter)))).not.toBe(Math.fround(value));
      }),
      { numRuns: 2000 },
    );
  });
});
