import 'server-only';
/** A run's schools as XLSX or CSV for the ministry, as the actor may see them. */
import type { Actor } from '@/lib/auth/actor';
import { tableFile, type ExportedFile, type ExportFormat } from '@/lib/export';
import { RUN_EXPORT_COLUMNS, runExportFileName, runExportRows } from '../export-rows';
import { getRun } from './runs';

export async function exportRun(actor: Actor, id: string, format: ExportFormat): Promise<ExportedFile> {
  const run = await getRun(actor, id);
  const names = new Map(Object.entries(run.municipalityNames));
  return tableFile(format, { name: `Классификация ${run.year}`, columns: RUN_EXPORT_COLUMNS, rows: runExportRows(run.schools, names) }, (extension) =>
    runExportFileName(run.year, run.methodologyName, run.methodologyVersion, extension));
}
