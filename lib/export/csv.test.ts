import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './cell-text';
import { toCsv } from './csv';

const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

function parse(csv: string, delimiter: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { delimiter, newline: '\r\n', skipEmptyLines: false }).data.slice(0, -1);
}

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"], ['+7 495', "'+7 495"], ['-1', "'-1"], ['@cmd', "'@cmd"], ['\tx', "'\tx"],
    ['\rx', "'\rx"], ['＝1+1', "'＝1+1"], ['Школа № 1', 'Школа № 1'], ['a=b', 'a=b'], ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes a BOM, `;`, CRLF, quotes where needed and Russian decimals', () => {
    const csv = toCsv([
      ['Школа', 'Доля', 'Дата', 'Флаг', 'Пусто'],
      ['«Школа; № 1»', 41.2, new Date('2016-10-31T12:00:00Z'), true, null],
      ['Цитата "в кавычках"\nи перенос', -3, '=1+1', false, undefined],
    ]);
    expect(csv).toBe(
      '\ufeffШкола;Доля;Дата;Флаг;Пусто\r\n' +
        '"«Школа; № 1»";41,2;31.10.2016;да;\r\n' +
        '"Цитата ""в кавычках""\nи перенос";-3;\'=1+1;нет;\r\n',
    );
  });

  it('can write plain comma CSV without a BOM', () => {
    expect(toCsv([['a', 1.5], ['b,c', Number.NaN]], { delimiter: ',', bom: false })).toBe('a,1.5\r\n"b,c",\r\n');
    expect(toCsv([], { bom: false })).toBe('');
  });

  it('round-trips through papaparse: text comes back neutralised, numbers as written, no formula survives', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Я', ' ', ';', ',', '"', '\n', '\r', '\t', '=', '+', '-', '@', '1'), maxLength: 8 });
    const cell = fc.oneof(text, fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(table, fc.constantFrom(';' as const, ',' as const, '\t' as const), (rows, delimiter) => {
        const separator = delimiter === ',' ? '.' : ',';
        const parsed = parse(toCsv(rows, { delimiter }), delimiter);
        expect(parsed).toEqual(
          rows.map((row) =>
            row.map((value) => (typeof value === 'number' ? String(value).replace('.', separator) : neutraliseFormula(value))),
          ),
        );
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            if (typeof value === 'string') expect(parsed[r]?.[c]).not.toMatch(FORMULA_START);
          }),
        );
      }),
    );
  });
});
