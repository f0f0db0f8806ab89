import 'server-only';
/**
 * A run's schools as XLSX or CSV for the ministry, as the actor may see them, in the screen's order; a second
 * sheet holds the methodology, its version and parameters and the input digest the run rests on.
 */
import { PARAM_LABELS } from '@/components/classification/methodology-fields';
import type { Actor } from '@/lib/auth/actor';
import { tableFile, type ExportedFile, type ExportFormat } from '@/lib/export';
import { RUN_EXPORT_COLUMNS, runBasisSheet, runExportFileName, runExportRows } from '../export-rows';
import { getMethodology } from './methodologies';
import { getRun } from './runs';

export async function exportRun(actor: Actor, id: string, format: ExportFormat): Promise<ExportedFile> {
  const run = await getRun(actor, id);
  const methodology = await getMethodology(actor, run.methodologyId);
  const names = new Map(Object.entries(run.municipalityNames));
  const scope = run.municipalityId === null ? 'регион' : `муниципалитет ${names.get(run.municipalityId) ?? ''}`.trim();
  const sheets = [
    { name: `Классификация ${run.year}`, columns: RUN_EXPORT_COLUMNS, rows: runExportRows(run.schools, names) },
    runBasisSheet({
      year: run.year, scope, methodologyName: run.methodologyName, methodologyVersion: run.methodologyVersion, inputDigest: run.inputDigest,
      status: run.status, createdAt: run.createdAt, schoolCount: run.schoolCount, params: methodology.params, labels: PARAM_LABELS,
    }),
  ];
  return tableFile(format, sheets, (extension) => runExportFileName(run.year, run.methodologyName, run.methodologyVersion, extension));
}
