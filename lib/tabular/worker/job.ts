/**
 * One job of the table-reading worker: parse a file (and, for a road-map import, find its road-map table) and
 * answer with plain data. An AppError does not survive the thread boundary as a class, so it is sent as its code,
 * message and issues and raised again by the pool.
 */
import { AppError, type ErrorCode, type Issue } from '@/lib/errors';
import { roadmapTableOfSheets, roadmapTableOfText } from '@/lib/roadmaps/table/input';
import { planImport, type PlannedSection } from '@/lib/roadmaps/import-plan';
import type { ParsedRoadmapTable, ParseRoadmapTableOptions } from '@/lib/roadmaps/table/parse';
import { resolveLimits, TableMeter, type UploadLimits } from '../limits';
import { parseTableFile, type TableFile, type TableFileInput } from '../read-table-file';

export type TableJob =
  | { kind: 'table'; input: TableFileInput; limits?: Partial<UploadLimits> }
  | { kind: 'roadmap'; input?: TableFileInput; text?: string; options: ParseRoadmapTableOptions }
  | { kind: 'roadmap-plan'; args: Parameters<typeof planImport> };

export type TableJobValue = TableFile | ParsedRoadmapTable | PlannedSection[];

export type TableJobResult = { ok: true; value: TableJobValue } | { ok: false; code: ErrorCode; message: string; issues: Issue[] };

async function run(job: TableJob): Promise<TableJobValue> {
  if (job.kind === 'table') return parseTableFile(job.input, job.limits);
  if (job.kind === 'roadmap-plan') return planImport(...job.args);
  if (job.input) return roadmapTableOfSheets((await parseTableFile(job.input)).sheets, job.options);
  return roadmapTableOfText(job.text ?? '', job.options, meterGrid);
}

/** Pasted text is held to the same table limits as a file, before the road-map table is laid out. */
function meterGrid(rows: readonly (readonly string[])[]): void {
  const meter = new TableMeter(resolveLimits());
  const table = meter.table();
  rows.forEach((row, index) => {
    table.row(index + 1, row.length);
    for (const cell of row) meter.checkText(cell.length);
  });
}

export default async function runTableJob(job: TableJob): Promise<TableJobResult> {
  try {
    return { ok: true, value: await run(job) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, issues: error.issues };
    throw error;
  }
}
