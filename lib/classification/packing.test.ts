import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { DEFAULT_METHODOLOGY } from './methodology';
import { Packer, PACKED_STRINGS, unpack } from './packing';
import { generateDataset } from './synthetic';

const viaJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('packing of stored results', () => {
  const data = generateDataset({ municipalities: 3, schoolsPerMunicipality: 12, years: [2024, 2025, 2026] });
  const input = { year: 2026, ...data, methodology: DEFAULT_METHODOLOGY };

  it.each([true, false])('restores every school exactly as JSON would (explain: %s)', (explain) => {
    const packer = new Packer();
    const result = classify(input, { explain });
    const packed = result.schools.map((s) => JSON.stringify(packer.pack(s)));
    const table = viaJson(packer.table()) as ReturnType<Packer['table']>;
    const restored = packed.map((p) => unpack(JSON.parse(p), table));
    expect(restored).toStrictEqual(viaJson(result.schools));
    expect(packed.join('').length).toBeLessThan(JSON.stringify(result.schools).length * (explain ? 0.7 : 0.45));
  });

  it('keeps odd values: undefined members, non-finite numbers, nested arrays, dictionary look-alikes', () => {
    const packer = new Packer();
    const value = { a: undefined, b: [1, [2, [-1, -2]], null], c: Number.NaN, d: [-2, 0], e: PACKED_STRINGS[0], f: '', g: { h: true } };
    expect(unpack(viaJson(packer.pack(value)), packer.table())).toStrictEqual(viaJson(value));
  });

  it('decodes with the table stored with the run, not with the current dictionary', () => {
    const packer = new Packer(['старое название']);
    const packed = viaJson(packer.pack({ name: 'старое название' }));
    expect(unpack(packed, packer.table())).toEqual({ name: 'старое название' });
  });
});
