import { formatDate } from '@/lib/format/ru';

/**
 * Characters that make a spreadsheet treat a text cell as a formula (OWASP «CSV injection»), including the
 * full-width forms some spreadsheets also accept.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** Prefixes a text that a spreadsheet would run as a formula with an apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type ExportValue = string | number | boolean | null | undefined | Date;

/** A non-numeric value as cell text: dates DD.MM.YYYY, booleans «да»/«нет», nothing as an empty cell. */
export function cellText(value: Exclude<ExportValue, number>): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return value;
}

/**
 * Cell text for CSV, neutralised: a CSV cell has no type, so a spreadsheet would run «=…» as a formula. XLSX
 * stores text as string cells, which are never formulas, and writes `cellText` as it is (no apostrophe).
 */
export function exportText(value: Exclude<ExportValue, number>): string {
  return neutraliseFormula(cellText(value));
}
