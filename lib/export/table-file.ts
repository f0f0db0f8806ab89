/** One table as a download: XLSX (a typed sheet) or CSV (`;`, UTF-8 with BOM) — every domain's export goes here. */
import { z } from 'zod';
import { formatDate } from '@/lib/format/ru';
import type { ExportValue } from './cell-text';
import { toCsv } from './csv';
import { CSV_MIME, XLSX_MIME, type ExportedFile } from './file';
import { buildXlsx, type XlsxSheet } from './xlsx';

export const exportFormatSchema = z.enum(['xlsx', 'csv'], { message: 'Формат выгрузки: xlsx или csv' });
export type ExportFormat = z.output<typeof exportFormatSchema>;

function grid(sheet: XlsxSheet): ExportValue[][] {
  const cell = (type: XlsxSheet['columns'][number]['type'], value: unknown): ExportValue =>
    type === 'date' && (typeof value === 'string' || value instanceof Date) && value !== '' ? formatDate(value) : ((value ?? '') as ExportValue);
  return [sheet.columns.map((c) => c.header), ...sheet.rows.map((row) => sheet.columns.map((c) => cell(c.type, row[c.key])))];
}

/** The title block as CSV lines: the heading, «label; value» lines, an empty line. */
function titleLines(sheet: XlsxSheet): ExportValue[][] {
  if (!sheet.title) return [];
  return [[sheet.title.heading], ...sheet.title.facts.map(([label, value]) => [label, value]), []];
}

/**
 * `fileName(extension)` names the file. More than one sheet: XLSX gets one worksheet each; CSV (one table by
 * nature) gets the first table, then each further one after an empty line under a line with its sheet name.
 * `csvTitle`: the CSV starts with the first sheet's title block too (XLSX always shows it).
 */
export async function tableFile(
  format: ExportFormat,
  sheets: XlsxSheet | readonly XlsxSheet[],
  fileName: (extension: string) => string,
  options: { csvTitle?: boolean } = {},
): Promise<ExportedFile> {
  const list: readonly XlsxSheet[] = Array.isArray(sheets) ? sheets : [sheets as XlsxSheet];
  if (format === 'csv') {
    const rows = list.flatMap((sheet, index) => (index === 0 ? [...(options.csvTitle ? titleLines(sheet) : []), ...grid(sheet)] : [[], [sheet.name], ...grid(sheet)]));
    return { bytes: new TextEncoder().encode(toCsv(rows)), fileName: fileName('csv'), mimeType: CSV_MIME };
  }
  return { bytes: await buildXlsx(list), fileName: fileName('xlsx'), mimeType: XLSX_MIME };
}
