/**
 * How a report table cell reads in a document (DOCX, PDF): ru-RU numbers with the true minus, shares as percents,
 * dates dd.mm.yyyy, an em dash for no value. XLSX keeps numbers as numbers and formats them itself.
 */
import { formatDate, formatNumber, formatPercent, MISSING } from '@/lib/format/ru';
import type { ReportColumn } from './model';

/**
 * Intl formatting costs more than the rest of laying out a cell, and a report's tables repeat the same values (years,
 * dates, counts) thousands of times: results are memoised by type and value (dropped when the cache grows large).
 */
let memo = new Map<string, string>();

function remembered(key: string, format: () => string): string {
  let text = memo.get(key);
  if (text === undefined) {
    if (memo.size > 100_000) memo = new Map();
    text = format();
    memo.set(key, text);
  }
  return text;
}

export function cellText(column: ReportColumn, value: unknown): string {
  if (value === null || value === undefined || value === '') return MISSING;
  if (typeof value === 'number') return remembered(`${column.type ?? 'text'}:${value}`, () => formatCell(column, value));
  if (value instanceof Date) return remembered(`${column.type ?? 'text'}:d${value.getTime()}`, () => formatCell(column, value));
  return formatCell(column, value);
}

function formatCell(column: ReportColumn, value: unknown): string {
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
