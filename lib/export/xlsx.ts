import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { cellText, type ExportValue } from './cell-text';

export type XlsxColumnType = 'text' | 'number' | 'date' | 'percent';

export interface XlsxColumn {
  header: string;
  key: string;
  /** In characters; by default fits the header. */
  width?: number;
  /** `text` by default. `percent` takes a share 0…1. */
  type?: XlsxColumnType;
}

/** A block above the table saying what the file is: a heading and «label: value» lines. */
export interface XlsxTitleBlock {
  heading: string;
  facts: readonly (readonly [label: string, value: string])[];
}

/** How a row stands out: a section heading (bold on a shaded band) or a total (bold). */
export type XlsxRowStyle = 'section' | 'total';

export interface XlsxSheet {
  name: string;
  columns: readonly XlsxColumn[];
  rows: Record<string, unknown>[];
  title?: XlsxTitleBlock;
  rowStyle?: (row: Record<string, unknown>) => XlsxRowStyle | undefined;
}

const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };

/** Heading and facts on rows of their own, each merged across the table's width; a blank row after. */
function addTitleBlock(worksheet: ExcelJS.Worksheet, title: XlsxTitleBlock, width: number): number {
  const lines = [title.heading, ...title.facts.map(([label, value]) => `${label}: ${value}`)];
  lines.forEach((line, index) => {
    const row = worksheet.addRow([cellText(line)]);
    if (width > 1) worksheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (index === 0) row.font = { bold: true, size: 14 };
  });
  worksheet.addRow([]);
  return lines.length + 1;
}

const NUMBER_FORMATS: Partial<Record<XlsxColumnType, string>> = { date: 'DD.MM.YYYY', percent: '0.0%' };
const INVALID_SHEET_NAME_CHARS = /[\\/?*[\]:]/g;
const MAX_SHEET_NAME = 31;

/** Excel sheet names: at most 31 characters, none of \ / ? * [ ] :, unique ignoring case. */
function sheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, index) => {
    const base = name.replace(INVALID_SHEET_NAME_CHARS, ' ').trim().slice(0, MAX_SHEET_NAME) || `Лист ${index + 1}`;
    let candidate = base;
    for (let copy = 2; taken.has(candidate.toLowerCase()); copy += 1) {
      const suffix = ` (${copy})`;
      candidate = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** Date cells: a Date, or a date-only ISO string taken as that calendar day. */
function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
    if (match) return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  }
  return null;
}

function isNonNumericExportValue(value: unknown): value is Exclude<ExportValue, number> {
  return value === null || value === undefined || value instanceof Date || ['string', 'boolean'].includes(typeof value);
}

function cellValue(type: XlsxColumnType, value: unknown): ExcelJS.CellValue {
  if (type === 'number' || type === 'percent') return toNumber(value);
  if (type === 'date') return toDate(value);
  if (typeof value === 'number') return toNumber(value);
  // A string cell, never a formula: the text as it is, without CSV's apostrophe.
  return cellText(isNonNumericExportValue(value) ? value : String(value));
}

/**
 * An XLSX workbook: one sheet per entry, an optional title block, bold frozen header row with an autofilter,
 * optionally styled rows (sections, totals), numbers as numbers, dates as dates (DD.MM.YYYY), text as string cells
 * (never formulas, so «-1+1» is shown as written, without CSV's apostrophe).
 */
export interface XlsxOptions {
  /**
   * The file's own dates: the workbook's created/modified properties and every zip entry's time. Without it exceljs
   * writes the moment of writing, so the same content never gives the same bytes; with it, it does (a report's
   * digest is reproducible).
   */
  timestamp?: Date;
}

/** Re-packs a zip with every entry dated `timestamp`'s calendar day (zip times are local: the day is taken in UTC). */
function withEntryDates(bytes: Uint8Array, timestamp: Date): Uint8Array {
  const mtime = new Date(timestamp.getUTCFullYear(), timestamp.getUTCMonth(), timestamp.getUTCDate());
  const entries = unzipSync(bytes);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(entries)) files[name] = [data, { mtime }];
  return zipSync(files, { level: 6 });
}

export async function buildXlsx(sheets: readonly XlsxSheet[], options: XlsxOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (options.timestamp) {
    workbook.created = options.timestamp;
    workbook.modified = options.timestamp;
  }
  const names = sheetNames(sheets.map((sheet) => sheet.name));
  sheets.forEach((sheet, index) => {
    const worksheet = workbook.addWorksheet(names[index]);
    worksheet.columns = sheet.columns.map((column) => ({
      key: column.key,
      width: column.width ?? Math.max(10, column.header.length + 2),
      style: NUMBER_FORMATS[column.type ?? 'text'] ? { numFmt: NUMBER_FORMATS[column.type ?? 'text'] } : {},
    }));
    const above = sheet.title ? addTitleBlock(worksheet, sheet.title, sheet.columns.length) : 0;
    const header = worksheet.addRow(sheet.columns.map((column) => cellText(column.header)));
    header.font = { bold: true };
    worksheet.views = [{ state: 'frozen', ySplit: header.number }];
    for (const row of sheet.rows) {
      const added = worksheet.addRow(sheet.columns.map((column) => cellValue(column.type ?? 'text', row[column.key])));
      const style = sheet.rowStyle?.(row);
      if (style) added.font = { bold: true };
      if (style === 'section') {
        for (let column = 1; column <= sheet.columns.length; column += 1) added.getCell(column).fill = SECTION_FILL;
      }
    }
    if (sheet.columns.length > 0) {
      worksheet.autoFilter = { from: { row: above + 1, column: 1 }, to: { row: above + 1, column: sheet.columns.length } };
    }
  });
  if (!options.timestamp) return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  // Re-packed anyway to date the entries: written uncompressed first, so the parts are compressed once, not twice.
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Partial<ExcelJS.XlsxWriteOptions>);
  return withEntryDates(new Uint8Array(stored as ArrayBuffer), options.timestamp);
}
