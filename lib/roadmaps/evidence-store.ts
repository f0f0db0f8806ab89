import 'server-only';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dataDir } from '@/lib/db/config';
import { AppError } from '@/lib/errors';

/**
 * Evidence files on disk: `<OPORA_DATA_DIR>/uploads/<uuid>`. Names are generated here, never taken from the user,
 * so a file name cannot point outside the folder; the original name and type live in `roadmap_evidence`.
 * Callers check the type and size first (`checkEvidenceFile`).
 */
export function uploadsDir(): string {
  return path.join(dataDir(), 'uploads');
}

const STORED_NAME_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function storedPath(storedName: string): string {
  if (!STORED_NAME_RE.test(storedName)) throw new AppError('not_found', 'Файл не найден.');
  return path.join(uploadsDir(), storedName);
}

/** Writes the bytes under a new name and returns that name. */
export async function storeEvidence(bytes: Uint8Array): Promise<string> {
  const storedName = randomUUID();
  await mkdir(uploadsDir(), { recursive: true });
  await writeFile(storedPath(storedName), bytes, { flag: 'wx' });
  return storedName;
}

export async function readStoredEvidence(storedName: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(storedPath(storedName)));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('not_found', 'Файл не найден в хранилище.');
  }
}

/** Removes files whose database rows were not committed. */
export async function removeStoredEvidence(storedNames: readonly string[]): Promise<void> {
  await Promise.all(storedNames.map((name) => rm(storedPath(name), { force: true })));
}
