/**
 * The three small files that used to stop the portal (issue 10): each is built here and must be refused with a
 * Russian 413 naming the table limit, before any grid padded to the table's full size is made.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { parseTableFile as readTableFile } from './read-table-file';
import { buildDocx, docxCell } from './test-support';

/** The error, with the narrow spaces of Russian number formatting written as plain ones. */
async function rejection(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  const { status, message } = error as AppError;
  return { status, message: message.replace(/[\u00a0\u202f]/g, ' ') };
}

async function sparseWorkbook(lastRow: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Лист1');
  sheet.getCell('A1').value = 'начало';
  sheet.getCell(`Z${lastRow}`).value = 'конец';
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('hostile table files', () => {
  it('refuses a tiny DOCX whose cell spans a billion columns', async () => {
    const row = `<w:tr><w:trPr><w:gridBefore w:val="5"/></w:trPr>${docxCell(['x'], '<w:gridSpan w:val="1000000000"/>')}</w:tr>`;
    const bytes = await buildDocx(`<w:tbl>${row}${row}</w:tbl>`);
    expect(bytes.length).toBeLessThan(1024);
    const error = await rejection(readTableFile({ bytes, filename: 'карта.docx' }));
    expect(error.status).toBe(413);
    expect(error.message).toBe('Таблица в файле слишком большая: больше 1 000 столбцов в строке — файл отклонён');
  });

  it('counts gridBefore against the columns too', async () => {
    const bytes = await buildDocx(`<w:tbl><w:tr><w:trPr><w:gridBefore w:val="2000000000"/></w:trPr>${docxCell(['x'])}</w:tr></w:tbl>`);
    expect((await rejection(readTableFile({ bytes, filename: 'a.docx' }))).status).toBe(413);
  });

  it('counts spanned cells of every row and nested table against the cell budget', async () => {
    const wide = docxCell(['x'], '<w:gridSpan w:val="900"/>');
    const nested = `<w:tbl>${`<w:tr>${wide}</w:tr>`.repeat(40)}</w:tbl>`;
    const bytes = await buildDocx(`<w:tbl><w:tr><w:tc><w:p/>${nested}</w:tc></w:tr></w:tbl>`);
    const error = await rejection(readTableFile({ bytes, filename: 'a.docx' }, { maxCells: 30_000 }));
    expect(error.message).toBe('Таблица в файле слишком большая: больше 30 000 ячеек (строки × столбцы) — файл отклонён');
  });

  it('refuses a 1.5 KB XLSX with cells at A1 and Z100000 by its grid size, not after building it', async () => {
    const bytes = await sparseWorkbook(100_000);
    expect(bytes.length).toBeLessThan(8 * 1024);
    const error = await rejection(readTableFile({ bytes, filename: 'a.xlsx' }));
    expect(error.status).toBe(413);
    expect(error.message).toBe('Таблица в файле слишком большая: больше 2 000 000 ячеек (строки × столбцы) — файл отклонён');
  });

  it('reads a sparse XLSX within the limits, keeping the row numbers of the file', async () => {
    const file = await readTableFile({ bytes: await sparseWorkbook(3000), filename: 'a.xlsx' });
    const rows = file.sheets[0]?.rows ?? [];
    expect(rows).toHaveLength(3000);
    expect(rows[0]?.[0]).toBe('начало');
    expect(rows[2999]?.[25]).toBe('конец');
  });

  it('refuses an XLSX cell beyond the column limit and a row beyond the row limit', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Лист1').getCell('XFD1').value = 1;
    const wide = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect((await rejection(readTableFile({ bytes: wide, filename: 'a.xlsx' }))).message).toMatch(/больше 1 000 столбцов/);
    const tall = await rejection(readTableFile({ bytes: await sparseWorkbook(500), filename: 'a.xlsx' }, { maxRows: 400 }));
    expect(tall.message).toBe('Таблица в файле слишком большая: больше 400 строк — файл отклонён');
  });

  it('refuses a 30 KB CSV with one line of 20 000 separators and 5 000 short lines', async () => {
    const text = `${';'.repeat(20_000)}\n${'a;b\n'.repeat(5_000)}`;
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeLessThan(45 * 1024);
    const error = await rejection(readTableFile({ bytes, filename: 'a.csv' }));
    expect(error.status).toBe(413);
    expect(error.message).toBe('Таблица в файле слишком большая: больше 1 000 столбцов в строке — файл отклонён');
  });

  it('refuses a cell longer than Excel allows, in CSV and DOCX alike', async () => {
    const long = 'я'.repeat(40_000);
    const csv = await rejection(readTableFile({ bytes: new TextEncoder().encode(`a\n${long}\n`), filename: 'a.csv' }));
    expect(csv.message).toBe('Таблица в файле слишком большая: больше 32 767 символов в ячейке — файл отклонён');
    const docx = await rejection(readTableFile({ bytes: await buildDocx(`<w:tbl><w:tr>${docxCell([long])}</w:tr></w:tbl>`), filename: 'a.docx' }));
    expect(docx.status).toBe(413);
  });

  it('does not expand entities declared in a DOCX document type', async () => {
    const bytes = await buildDocx(`<w:tbl><w:tr>${docxCell(['&lol;'])}</w:tr></w:tbl>`);
    const error = await rejection(readTableFile({ bytes, filename: 'a.docx' }));
    expect(error.message).toBe('Файл DOCX повреждён: не удалось прочитать текст документа');
  });
});
