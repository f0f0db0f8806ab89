/** One table as a download: XLSX (a typed sheet) or CSV (`;`, UTF-8 with BOM) — every domain's export goes here. */
import { z } from 'zod';
import { formatDate } from '@/lib/format/ru';
import type { ExportValue } from './cell-text';
import { toCsv } from './csv';
import { CSV_MIME, XLSX_MIME, type ExportedFile } from './file';
import { buildXlsx, type XlsxSheet } from './xlsx';

export const exportFormatSchema = z.enum(['xlsx', 'csv'], { message: 'Формат выгрузки: xlsx или csv' });
export type ExportFormat = z.output<typeof exportFormatSchema>;

/** `fileName(extension)` names the file. */
export async function tableFile(format: ExportFormat, sheet: XlsxSheet, fileName: (extension: string) => string): Promise<ExportedFile> {
  if (format === 'csv') {
    const cell = (type: XlsxSheet['columns'][number]['type'], value: unknown): ExportValue =>
      type === 'date' && (typeof value === 'string' || value instanceof Date) && value !== '' ? formatDate(value) : ((value ?? '') as ExportValue);
    const grid = [sheet.columns.map((c) => c.header), ...sheet.rows.map((row) => sheet.columns.map((c) => cell(c.type, row[c.key])))];
    return { bytes: new TextEncoder().encode(toCsv(grid)), fileName: fileName('csv'), mimeType: CSV_MIME };
  }
  return { bytes: await buildXlsx([sheet]), fileName: fileName('xlsx'), mimeType: XLSX_MIME };
}
