import 'server-only';
/** A run's schools as XLSX or CSV for the ministry, as the actor may see them. */
import type { Actor } from '@/lib/auth/actor';
import { tableFile, type ExportedFile, type ExportFormat } from '@/lib/export';
import { listOrganisations } from '@/lib/organisations/queries';
import { RUN_EXPORT_COLUMNS, runExportFileName, runExportRows } from '../export-rows';
import { getRun } from './runs';

export async function exportRun(actor: Actor, id: string, format: ExportFormat): Promise<ExportedFile> {
  const run = await getRun(actor, id);
  const municipalities = await listOrganisations(actor, { kind: 'municipality' });
  const names = new Map(municipalities.map((m) => [m.id, m.shortName ?? m.name]));
  return tableFile(format, { name: `Классификация ${run.year}`, columns: RUN_EXPORT_COLUMNS, rows: runExportRows(run.schools, names) }, (extension) =>
    runExportFileName(run.year, run.methodologyName, run.methodologyVersion, extension));
}
