import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePastedText } from './paste';

describe('parsePastedText', () => {
  it('splits rows by line breaks and cells by tabs', () => {
    expect(parsePastedText('№\tМероприятие\n1.\tСовещание\n')).toEqual([
      ['№', 'Мероприятие'],
      ['1.', 'Совещание'],
    ]);
  });

  it('reads cells quoted by Excel: line breaks and doubled quotes inside', () => {
    const text = '1.\t"Первая строка\r\nвторая строка"\tмарт\r\n2.\t"Совещание ""Итоги"""\tмай\r\n';
    expect(parsePastedText(text)).toEqual([
      ['1.', 'Первая строка\nвторая строка', 'март'],
      ['2.', 'Совещание "Итоги"', 'май'],
    ]);
  });

  it('falls back to plain splitting when Word text only starts with a quote', () => {
    expect(parsePastedText('1.\t"Точка роста" в школе\tмарт\n2.\tСеминар\tмай')).toEqual([
      ['1.', '"Точка роста" в школе', 'март'],
      ['2.', 'Семинар', 'май'],
    ]);
  });

  it('drops a byte-order mark and trailing blank lines, keeps blank rows inside', () => {
    expect(parsePastedText('\uFEFFа\tб\n\nв\tг\n\n\n')).toEqual([['а', 'б'], [''], ['в', 'г']]);
    expect(parsePastedText(' \n\t\n')).toEqual([]);
  });

  it('round-trips any grid written the way Excel copies it', () => {
    const cell = fc.string({ unit: fc.constantFrom('а', 'Б', ' ', '"', '\n', '1', '.', '«') });
    const quote = (value: string) => (/["\n\t]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (grid) => {
        const rows = grid.map((row) => [...row.slice(0, -1), `${row.at(-1)}x`]);
        const text = rows.map((row) => row.map(quote).join('\t')).join('\r\n');
        expect(parsePastedText(text)).toEqual(rows);
      }),
    );
  });
});
