/**
 * One entry point that turns a `ReportDocument` into a file of a chosen format. Each format registers its renderer
 * in `RENDERERS`; pages and APIs offer `reportFormats()`, so a format appears everywhere once its renderer is here.
 */
import { buildXlsx, toCsv, XLSX_MIME, CSV_MIME, type XlsxSheet } from '@/lib/export';
import { formatDate } from '@/lib/format/ru';
import { reportTables, type ReportDocument, type ReportTable } from './model';
import { DOCX_MIME, renderDocx } from './render-docx';
import { PDF_MIME, renderPdf } from './render-pdf';

export type ReportFormat = 'xlsx' | 'csv' | 'docx' | 'pdf';

export interface RenderedReport {
  bytes: Uint8Array;
  mimeType: string;
  /** Without the dot: «xlsx». */
  extension: string;
}

export interface RenderOptions {
  /** CSV holds one table: the id of that table (the first table when absent). */
  tableId?: string;
}

type Renderer = (document: ReportDocument, options: RenderOptions) => Promise<RenderedReport>;

/** The title sheet's lines: the title, the parameters and the as-of date. */
export function titleFacts(document: ReportDocument): [string, string][] {
  return [...document.parameters.map(([label, value]) => [label, value] as [string, string]), ['Данные на', formatDate(document.asOf)]];
}

/** XLSX: a title sheet with the parameters and as-of date, then one sheet per table (frozen header, filters, widths). */
async function renderXlsx(document: ReportDocument): Promise<RenderedReport> {
  const tables = reportTables(document);
  const titleSheet: XlsxSheet = {
    name: 'Титул',
    columns: [
      { header: 'Параметр', key: 'label', width: 36 },
      { header: 'Значение', key: 'value', width: 80 },
    ],
    rows: titleFacts(document).map(([label, value]) => ({ label, value })),
    title: { heading: document.title, facts: [] },
  };
  const sheets: XlsxSheet[] = tables.map((table) => ({
    name: table.title,
    columns: table.columns,
    rows: table.rows,
    rowStyle: table.rowStyle,
    title: { heading: table.title, facts: table.note ? [['Примечание', table.note]] : [] },
  }));
  return { bytes: await buildXlsx([titleSheet, ...sheets], { timestamp: document.asOf }), mimeType: XLSX_MIME, extension: 'xlsx' };
}

function tableCsv(table: ReportTable): string {
  const header = table.columns.map((column) => column.header);
  const rows = table.rows.map((row) =>
    table.columns.map((column) => {
      const value = row[column.key];
      if (value === null || value === undefined) return '';
      if (value instanceof Date) return formatDate(value);
      if (typeof value === 'number') return column.type === 'percent' ? Math.round(value * 1000) / 10 : value;
      return String(value);
    }),
  );
  return toCsv([header, ...rows]);
}

/** CSV: one table of the document (UTF-8 with BOM, `;`, formulas neutralised by the shared CSV writer). */
async function renderCsv(document: ReportDocument, options: RenderOptions): Promise<RenderedReport> {
  const tables = reportTables(document);
  const table = options.tableId ? tables.find((candidate) => candidate.id === options.tableId) : tables[0];
  if (!table) throw new RangeError(`В отчёте нет таблицы «${options.tableId ?? ''}»`);
  return { bytes: new TextEncoder().encode(tableCsv(table)), mimeType: CSV_MIME, extension: 'csv' };
}

const RENDERERS: Partial<Record<ReportFormat, Renderer>> = {
  xlsx: renderXlsx,
  csv: renderCsv,
  docx: async (document) => ({ bytes: await renderDocx(document), mimeType: DOCX_MIME, extension: 'docx' }),
  pdf: async (document) => ({ bytes: await renderPdf(document), mimeType: PDF_MIME, extension: 'pdf' }),
};

/** The formats a report can be downloaded in, in the order pages offer them. */
export function reportFormats(): ReportFormat[] {
  return (['xlsx', 'docx', 'pdf', 'csv'] as const).filter((format) => RENDERERS[format] !== undefined);
}

export async function renderReport(document: ReportDocument, format: ReportFormat, options: RenderOptions = {}): Promise<RenderedReport> {
  const renderer = RENDERERS[format];
  if (!renderer) throw new RangeError(`Формат отчёта «${format}» не поддерживается`);
  return renderer(document, options);
}
