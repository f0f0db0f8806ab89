// No 'server-only' here: the write core (and through it the demo seed) uses it.
/**
 * The evidence file of an entered value: checked as road-map report evidence (lib/roadmaps/evidence-type.ts: PDF,
 * DOCX, XLSX, JPG, PNG, TXT, type confirmed by content, at most 10 MB) and stored in the database as those files
 * are (bytes in `indicator_value_files`, written in the transaction of the value). The caller has checked the
 * actor's right and that the period is editable, so an approved value's file is never replaced without unlock.
 */
import { eq } from 'drizzle-orm';
import { indicatorValueFiles, type IndicatorValue } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Executor } from '@/lib/db/client';
import { AppError, type Issue } from '@/lib/errors';
import { evidenceTotalProblem } from '@/lib/roadmaps/evidence-limits';
import { checkEvidenceFile, cleanFileName } from '@/lib/roadmaps/evidence-type';
import type { EvidenceUpload } from '@/lib/roadmaps/schemas';

export interface CheckedFile {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

/** The file checked, or the Russian problem prefixed with the cell's label (for a message beside that cell). */
export function checkValueFile(file: EvidenceUpload, label: string): { file: CheckedFile } | { problem: string } {
  const fileName = cleanFileName(file.filename);
  try {
    const { mimeType } = checkEvidenceFile({ bytes: file.bytes, filename: fileName });
    return { file: { bytes: file.bytes, fileName, mimeType } };
  } catch (error) {
    if (error instanceof AppError) return { problem: `${label}: ${error.message}` };
    throw error;
  }
}

/** All files of one save together within the evidence limit (10 MB), else a 413 with the Russian message. */
export function assertFilesTotal(files: readonly { bytes: Uint8Array }[]): void {
  const problem = evidenceTotalProblem(files.reduce((sum, f) => sum + f.bytes.length, 0));
  if (problem) throw new AppError('payload_too_large', problem, [{ field: 'files', message: problem } satisfies Issue]);
}

export interface FileMeta {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

/** The value's file (without its bytes), or null. */
export async function valueFileMeta(tx: Executor, valueId: string): Promise<FileMeta | null> {
  const [row] = await tx
    .select({ fileName: indicatorValueFiles.fileName, mimeType: indicatorValueFiles.mimeType, sizeBytes: indicatorValueFiles.sizeBytes })
    .from(indicatorValueFiles)
    .where(eq(indicatorValueFiles.valueId, valueId));
  return row ?? null;
}

/** Puts the file on the value (replacing one there); returns the replaced file's name, if any. */
export async function storeValueFile(tx: Executor, actor: Actor | null, value: Pick<IndicatorValue, 'id'>, file: CheckedFile, byName: string): Promise<FileMeta | null> {
  const before = await valueFileMeta(tx, value.id);
  const row = { fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.bytes.length, bytes: file.bytes, uploadedBy: actor?.id ?? null, uploadedByName: byName, uploadedAt: new Date() };
  await tx.insert(indicatorValueFiles).values({ valueId: value.id, ...row }).onConflictDoUpdate({ target: indicatorValueFiles.valueId, set: row });
  return before;
}

/** Removes the value's file; returns what was removed (null when there was none). */
export async function removeValueFile(tx: Executor, valueId: string): Promise<FileMeta | null> {
  const before = await valueFileMeta(tx, valueId);
  if (before) await tx.delete(indicatorValueFiles).where(eq(indicatorValueFiles.valueId, valueId));
  return before;
}
