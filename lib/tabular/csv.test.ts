import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseDelimitedText } from './csv';
import { encodeWindows1251 } from './test-support';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode('ОГРН;Наименование');
    expect(decodeText(bytes)).toBe('ОГРН;Наименование');
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toBe('ОГРН;Наименование');
  });

  it('reads UTF-16 with a BOM as Excel saves «Unicode text»', () => {
    const text = 'ОГРН\tРайон';
    const little = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])]);
    expect(decodeText(little)).toBe(text);
  });

  it('falls back to windows-1251 when the bytes are not UTF-8', () => {
    expect(decodeText(encodeWindows1251('Школа № 5; Ёлкино'))).toBe('Школа № 5; Ёлкино');
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a;b;c\n1;2;3\n', ';'],
    ['a,b\n1,2\n', ','],
    ['a\tb\n1\t2', '\t'],
    ['ОГРН;Доля\n1;12,5\n2;7,25\n', ';'],
    ['"a;b",c\n"1;2",3\n', ','],
    ['одна колонка\nзначение\n', ';'],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('parseDelimitedText', () => {
  it('keeps quoted newlines and delimiters, trims cells and drops the trailing empty column', () => {
    const text = '"ОГРН";"Наименование";\r\n" 1027700566761 ";"Школа\nс переносом; и точкой с запятой";\r\n';
    expect(parseDelimitedText(text)).toEqual({
      delimiter: ';',
      rows: [
        ['ОГРН', 'Наименование'],
        ['1027700566761', 'Школа\nс переносом; и точкой с запятой'],
      ],
    });
  });

  it('keeps blank rows inside the table so row numbers match the file', () => {
    expect(parseDelimitedText('a;b\n\n1;2\n\n\n').rows).toEqual([['a', 'b'], ['', ''], ['1', '2']]);
  });

  it('rejects an unclosed quote with a Russian message', () => {
    expect(() => parseDelimitedText('a;b\n"1;2\n')).toThrow(/не закрыта кавычка/);
  });

  it('gives back any table written by papaparse with any of the delimiters', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Я', ' ', ';', ',', '\t', '"', '\n', '1'), maxLength: 6 }).map((s) => s.trim());
    const table = fc
      .integer({ min: 2, max: 4 })
      .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 2, maxLength: 6 }))
      .filter((rows) => rows.every((row) => row.some((value) => /[aЯ1]/.test(value))));
    fc.assert(
      fc.property(table, fc.constantFrom(';' as const, ',' as const, '\t' as const), (rows, delimiter) => {
        const text = Papa.unparse(rows, { delimiter, quotes: true });
        const parsed = parseDelimitedText(text);
        expect(parsed.delimiter).toBe(delimiter);
        const width = parsed.rows[0]?.length ?? 0;
        expect(parsed.rows).toEqual(rows.map((row) => row.slice(0, width)));
        expect(rows.every((row) => row.slice(width).every((value) => value === ''))).toBe(true);
      }),
    );
  });
});
