/**
 * A report as a document, independent of its file format: the monitoring report, the analytical note and the
 * road-map execution report are each built as one `ReportDocument` (lib/reports/…), and each renderer
 * (XLSX, CSV, DOCX, PDF — lib/reports/document/render-*.ts) turns it into a file. Plain data: no database,
 * no framework, no format library, so a report's content is tested once and every format shows the same figures.
 */
import type { XlsxColumn } from '@/lib/export';

/** A column of a report table; the same shape the table-file export helper takes (XLSX column types). */
export type ReportColumn = XlsxColumn;

export interface ReportTable {
  /** Stable id: the CSV file name and the XLSX sheet name are made from it and `title`. */
  id: string;
  title: string;
  columns: readonly ReportColumn[];
  /** Values by column key: numbers as numbers (percent columns as a share 0…1), dates as Date, text as text. */
  rows: Record<string, unknown>[];
  /** A row that stands out: a section heading or a total. */
  rowStyle?: (row: Record<string, unknown>) => 'section' | 'total' | undefined;
  /** Shown under the table (sources, suppression, «нет данных» meaning). */
  note?: string;
}

export interface ReportChartSeries {
  label: string;
  /** One value per label; null where there is no data (a gap, never a zero). */
  values: readonly (number | null)[];
  /** Drawn dashed (a target, a mean to compare with). */
  dashed?: boolean;
}

export interface ReportChart {
  id: string;
  title: string;
  type: 'line' | 'bar';
  labels: readonly string[];
  series: readonly ReportChartSeries[];
  /** Axis unit in words: «балл», «%», «школ». */
  unit?: string;
  /** A sentence saying what the chart shows, for readers who cannot see it (and the DOCX alt text). */
  description: string;
}

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: readonly string[] }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'chart'; chart: ReportChart };

export interface ReportDocument {
  /** «Мониторинговый отчёт о поддержке ШНОР и ШНСУ — Заречная область, 2026 год». */
  title: string;
  /** The title page's «label: value» lines: organisation, year, classification run, methodology version, approval state… */
  parameters: readonly (readonly [label: string, value: string])[];
  /** The moment the data was read: printed as dd.mm.yyyy on the title page and in every file. */
  asOf: Date;
  blocks: readonly ReportBlock[];
}

/** The document's tables in order: one XLSX sheet / one CSV file each. */
export function reportTables(document: ReportDocument): ReportTable[] {
  return document.blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []));
}
