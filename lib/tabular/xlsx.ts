import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/format/ru';
import { normaliseGrid, type Sheet } from './grid';
import type { TableMeter } from './limits';

/** Excel keeps 15 significant digits; more only shows binary noise such as 0.30000000000000004. */
const EXCEL_PRECISION = 15;

/** A cell value as the user sees it in Excel, without locale formatting of numbers. */
export function cellValueToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(EXCEL_PRECISION))) : '';
  if (typeof value === 'boolean') return value ? 'ИСТИНА' : 'ЛОЖЬ';
  // exceljs gives dates as UTC instants of the spreadsheet's wall-clock date.
  if (value instanceof Date) return formatDate(value, 'UTC');
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((run: { text?: unknown }) => cellValueToText(run.text)).join('');
    }
    if ('formula' in value || 'sharedFormula' in value) return cellValueToText('result' in value ? value.result : null);
    if ('error' in value) return cellValueToText(value.error);
    if ('text' in value) return cellValueToText(value.text);
  }
  return '';
}

/** What the streaming reader keeps of `xl/workbook.xml`: the sheets in the order the user sees them. */
interface StreamedWorkbook {
  model?: { sheets?: { name: string }[] };
}

/**
 * Every worksheet of an XLSX workbook, in workbook order. The archive must have been checked already.
 *
 * Read with exceljs's streaming reader, row by row and only the cells the file has: a sheet costs the cells it
 * holds, not its bounding box, and every row is counted against the table limits before the sheet is laid out
 * as a grid (blank rows inside the table kept, so row numbers match the file). The streaming reader does not
 * expand merged ranges or data-validation ranges cell by cell (the full reader would, a 1 KB file can declare
 * billions of cells there). It keeps no cached result of a formula that ended in an error: such a cell is empty.
 */
export async function readXlsxSheets(bytes: Uint8Array, meter: TableMeter): Promise<Sheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const read: { name: string; rows: string[][] }[] = [];
  try {
    for await (const worksheet of reader) {
      const counter = meter.table();
      // Only the rows present, by their number in the file.
      const present: { number: number; cells: string[] }[] = [];
      for await (const row of worksheet) {
        const cells: string[] = [];
        let width = 0;
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const text = cellValueToText(cell.value);
          if (text === '') return;
          meter.checkColumns(column);
          meter.checkText(text.length);
          cells[column - 1] = text;
          width = column;
        });
        if (width === 0) continue;
        counter.row(row.number, width);
        present.push({ number: row.number, cells });
      }
      const rows: string[][] = [];
      for (const { number, cells } of present) {
        while (rows.length < number - 1) rows.push([]);
        rows.push(Array.from(cells, (cell) => cell ?? ''));
      }
      read.push({ name: (worksheet as unknown as { name: string }).name, rows });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('validation', 'Файл XLSX повреждён или сохранён в неподдерживаемом виде — сохраните его в Excel заново');
  }
  // The streaming reader gives sheets in archive order; the workbook lists them in the order the user sees.
  const names = ((reader as unknown as StreamedWorkbook).model?.sheets ?? []).map((sheet) => sheet.name);
  const position = (name: string, index: number) => (names.includes(name) ? names.indexOf(name) : names.length + index);
  return read
    .map((sheet, index) => ({ ...sheet, position: position(sheet.name, index) }))
    .sort((a, b) => a.position - b.position)
    .map(({ name, rows }) => ({ name, rows: normaliseGrid(rows) }));
}
