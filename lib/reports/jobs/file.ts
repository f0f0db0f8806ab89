/**
 * A report document as the stored file of a job: the chosen format's renderer, and for CSV — one file per table —
 * a zip of the tables. File bytes depend only on the document (dated by its as-of day), so the same report gives
 * the same SHA-256 digest.
 */
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import { safeFileName } from '@/lib/export/file';
import { reportTables, type ReportDocument } from '@/lib/reports/document/model';
import { renderReport, type ReportFormat } from '@/lib/reports/document/render';

export const ZIP_MIME = 'application/zip';

export const FORMAT_LABELS: Record<ReportFormat, string> = {
  xlsx: 'XLSX (Excel)',
  docx: 'DOCX (Word)',
  pdf: 'PDF',
  csv: 'CSV (архив: таблица — файл)',
};

export interface ReportFile {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
  digest: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function reportFile(document: ReportDocument, format: ReportFormat): Promise<ReportFile> {
  const base = safeFileName(document.title, 150) || 'Отчёт';
  if (format === 'csv') {
    const mtime = new Date(document.asOf.getUTCFullYear(), document.asOf.getUTCMonth(), document.asOf.getUTCDate());
    const files: Zippable = {};
    const tables = reportTables(document);
    for (const [index, table] of tables.entries()) {
      const rendered = await renderReport(document, 'csv', { tableId: table.id });
      files[`${String(index + 1).padStart(2, '0')} ${safeFileName(table.title, 80)}.csv`] = [rendered.bytes, { mtime }];
    }
    const bytes = zipSync(files, { level: 6 });
    return { bytes, fileName: `${base} (CSV).zip`, mimeType: ZIP_MIME, digest: sha256(bytes) };
  }
  const rendered = await renderReport(document, format);
  return { bytes: rendered.bytes, fileName: `${base}.${rendered.extension}`, mimeType: rendered.mimeType, digest: sha256(rendered.bytes) };
}
