/**
 * One job of the table-reading worker: parse a file and answer with plain data. An AppError does not survive
 * the thread boundary as a class, so it is sent as its code, message and issues and raised again by the pool.
 */
import { AppError, type ErrorCode, type Issue } from '@/lib/errors';
import type { UploadLimits } from '../limits';
import { parseTableFile, type TableFile, type TableFileInput } from '../read-table-file';

export interface TableJob {
  input: TableFileInput;
  limits?: Partial<UploadLimits>;
}

export type TableJobResult = { ok: true; file: TableFile } | { ok: false; code: ErrorCode; message: string; issues: Issue[] };

export default async function runTableJob(job: TableJob): Promise<TableJobResult> {
  try {
    return { ok: true, file: await parseTableFile(job.input, job.limits) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, issues: error.issues };
    throw error;
  }
}
