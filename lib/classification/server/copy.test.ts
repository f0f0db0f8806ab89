import { describe, expect, it } from 'vitest';
import { CopyRow } from './copy';

/** One COPY text row of `fields`, read back as floats. */
function floats(fields: string[]): (number | null)[] {
  const row = new CopyRow();
  row.buffer = Buffer.from(fields.join('\t'), 'latin1');
  let start = 0;
  fields.forEach((f, i) => {
    row.starts[i] = start;
    row.ends[i] = start + f.length;
    start += f.length + 1;
  });
  return fields.map((_, i) => row.float(i));
}

describe('CopyRow.float', () => {
  it('parses every text exactly as Number does', () => {
    const texts = ['0', '-0', '41.2', '-3.5', '64.7', '0.1', '0.30000000000000004', '123456789012345', '1234567890123456789',
      '1e-7', '1.5E+21', 'NaN', 'Infinity', '-Infinity', '99.99999999999999', '5.', '.5', '0.0000001', '17.333333333333332'];
    for (let k = 0; k < 2000; k++) texts.push(String(Math.round(Math.random() * 1e6) / 10 ** (k % 8)), String(Math.random() * 100));
    expect(floats(texts)).toEqual(texts.map(Number));
  });

  it('reads \\N as null', () => {
    expect(floats(['\\N', '2.5'])).toEqual([null, 2.5]);
  });
});
