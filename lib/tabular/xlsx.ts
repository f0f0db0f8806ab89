import ExcelJS from 'exceljs';
import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/format/ru';
import { normaliseGrid, type Sheet } from './grid';

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

function worksheetRows(worksheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let rowNumber = 1; rowNumber <= worksheet.rowCount; rowNumber += 1) {
    const row = worksheet.getRow(rowNumber);
    const cells: string[] = [];
    for (let column = 1; column <= worksheet.columnCount; column += 1) {
      const cell = row.getCell(column);
      // A merged range shows its value once, like a merged DOCX cell.
      const isCoveredByMerge = cell.isMerged && cell.master.address !== cell.address;
      cells.push(isCoveredByMerge ? '' : cellValueToText(cell.value));
    }
    rows.push(cells);
  }
  return rows;
}

/** Every worksheet of an XLSX workbook, in workbook order. The archive must have been checked already. */
export async function readXlsxSheets(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new AppError('validation', 'Файл XLSX повреждён или сохранён в неподдерживаемом виде — сохраните его в Excel заново');
  }
  return workbook.worksheets.map((worksheet) => ({ name: worksheet.name, rows: normaliseGrid(worksheetRows(worksheet)) }));
}
