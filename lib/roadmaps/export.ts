import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { buildXlsx, toCsv } from '@/lib/export';
import { getRoadmap } from './detail';
import { EXPORT_COLUMNS, exportFileName, roadmapExportRows } from './export-rows';
import type { ExportFormat } from './schemas';
import type { ExportedFile } from './views';

/** A road map as XLSX or CSV (`;`, UTF-8 with BOM), as the actor may read it, overdue as of `today`. */
export async function exportRoadmap(actor: Actor, id: string, format: ExportFormat, today: Date = new Date()): Promise<ExportedFile> {
  const detail = await getRoadmap(actor, id, today);
  const rows = roadmapExportRows(detail);
  if (format === 'csv') {
    const grid = [EXPORT_COLUMNS.map((column) => column.header), ...rows.map((row) => EXPORT_COLUMNS.map((column) => row[column.key] ?? ''))];
    return {
      bytes: new TextEncoder().encode(toCsv(grid)),
      fileName: exportFileName(detail.roadmap.title, 'csv'),
      mimeType: 'text/csv; charset=utf-8',
    };
  }
  const bytes = await buildXlsx([
    {
      name: 'Дорожная карта',
      columns: EXPORT_COLUMNS.map((column) => ({ ...column, type: column.key === 'donePercent' ? ('number' as const) : ('text' as const) })),
      rows,
    },
  ]);
  return {
    bytes,
    fileName: exportFileName(detail.roadmap.title, 'xlsx'),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
