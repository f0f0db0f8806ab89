import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own on its data folder, and two processes writing one folder corrupt it. The owner
 * takes this lock: a file created exclusively, holding the owner's pid. A lock whose pid no longer runs (the
 * owner crashed) is stale and is taken over. A pid lock, rather than a time-refreshed one, because PGlite runs
 * queries on the owner's event loop and a long query must not make a live lock look stale.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly ownerPid: number,
  ) {
    super(
      `Встроенная база данных в папке «${folder}» уже открыта другим процессом Опоры (PID ${ownerPid}). ` +
        'Остановите его или укажите другую папку в OPORA_DATA_DIR. Данные не изменены.',
    );
    this.name = 'DataFolderLockedError';
  }
}

function pidRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockFile: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the folder's lock or throws DataFolderLockedError. Returns the release function. */
export function lockDataFolder(folder: string): () => void {
  fs.mkdirSync(folder, { recursive: true });
  const lockFile = path.join(folder, 'owner.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => {
        if (readOwner(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockFile);
      if (owner !== null && pidRunning(owner)) throw new DataFolderLockedError(folder, owner);
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DataFolderLockedError(folder, readOwner(lockFile) ?? 0);
}
