import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './cell-text';
import { toCsv } from './csv';
import { buildXlsx } from './xlsx';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

describe('buildXlsx', () => {
  it('writes typed cells, a bold frozen header and an autofilter', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Школы: итоги/2016',
        columns: [
          { header: 'Школа', key: 'name', width: 40 },
          { header: 'Выпускников', key: 'count', type: 'number' },
          { header: 'Доля', key: 'share', type: 'percent' },
          { header: 'Дата', key: 'date', type: 'date' },
        ],
        rows: [
          { name: '=HYPERLINK("http://x")', count: 109, share: 0.734, date: '2016-10-31' },
          { name: 'Школа № 426', count: '87', share: null, date: new Date(Date.UTC(2016, 9, 31)) },
          { name: 42, count: 'нет данных', share: 0.5, date: 'не дата' },
        ],
      },
      { name: 'Школы: итоги/2016', columns: [{ header: 'x', key: 'x' }], rows: [] },
    ]);
    const workbook = await load(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Школы  итоги 2016', 'Школы  итоги 2016 (2)']);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Школа', 'Выпускников', 'Доля', 'Дата']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:D1');
    expect(sheet.getColumn(1).width).toBe(40);
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').value).toBe(109);
    expect(sheet.getCell('C2').value).toBe(0.734);
    expect(sheet.getCell('C2').numFmt).toBe('0.0%');
    expect(sheet.getCell('D2').value).toEqual(new Date(Date.UTC(2016, 9, 31)));
    expect(sheet.getCell('D2').numFmt).toBe('DD.MM.YYYY');
    expect(sheet.getCell('B3').value).toBe(87);
    expect(sheet.getCell('A4').value).toBe(42);
    expect(sheet.getCell('B4').value).toBeNull();
    expect(sheet.getCell('D4').value).toBeNull();
  });

  it('stores every text as a string cell, exactly as written — never a formula, no apostrophe', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 10 }), async (texts) => {
        const bytes = await buildXlsx([{ name: 'Лист', columns: [{ header: '=Текст', key: 't' }], rows: texts.map((t) => ({ t })) }]);
        const sheet = (await load(bytes)).worksheets[0];
        expect(sheet?.getCell(1, 1).value).toBe('=Текст');
        texts.forEach((text, index) => {
          const cell = sheet?.getCell(index + 2, 1);
          expect(cell?.type === ExcelJS.ValueType.Formula).toBe(false);
          expect(cell?.value ?? '').toBe(text);
          if (text !== '') expect(cell?.type).toBe(ExcelJS.ValueType.String);
        });
      }),
      { numRuns: 25, examples: [[["'-"]], [['=1', '']], [['-1+1', '@SUM(A1)', '+7']]] },
    );
  }, 30_000);

  it('keeps the apostrophe of neutralised text in CSV only', () => {
    expect(toCsv([['-1+1']])).toBe("\ufeff'-1+1\r\n");
    expect(neutraliseFormula('-1+1')).toBe("'-1+1");
  });
});
