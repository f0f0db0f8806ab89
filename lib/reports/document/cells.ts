/**
 * How a report table cell reads in a document (DOCX, PDF): ru-RU numbers with the true minus, shares as percents,
 * dates dd.mm.yyyy, an em dash for no value. XLSX keeps numbers as numbers and formats them itself.
 */
import { formatDate, formatNumber, formatPercent, MISSING } from '@/lib/format/ru';
import type { ReportColumn } from './model';

export function cellText(column: ReportColumn, value: unknown): string {
  if (value === null || value === undefined || value === '') return MISSING;
  switch (column.type) {
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? formatPercent(value) : String(value);
    case 'date':
      return value instanceof Date || typeof value === 'string' ? formatDate(value) : String(value);
    default:
      if (value instanceof Date) return formatDate(value);
      if (typeof value === 'number') return formatNumber(value);
      return String(value);
  }
}

/** Numbers and percents line up on the right, like in a spreadsheet. */
export function isNumericColumn(column: ReportColumn): boolean {
  return column.type === 'number' || column.type === 'percent';
}

/**
 * Relative column widths: the given width in characters; otherwise room for the header, with text columns (names,
 * reasons) wider than figures.
 */
export function columnWeights(columns: readonly ReportColumn[]): number[] {
  return columns.map((column) => {
    if (column.width !== undefined) return Math.max(column.width, 4);
    const least = column.type === undefined || column.type === 'text' ? 24 : 10;
    return Math.min(Math.max(column.header.length, least), 40);
  });
}
