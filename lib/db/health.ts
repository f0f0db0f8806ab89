import { getPool } from './client';

export type DbHealth = 'ok' | 'unreachable';

/** One round trip, bounded in time so that a hanging server reads as unreachable. */
export async function checkDatabase(timeoutMs = 3_000): Promise<DbHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DbHealth>((resolve) => {
    timer = setTimeout(() => resolve('unreachable'), timeoutMs);
  });
  const probe = getPool()
    .query('SELECT 1')
    .then((): DbHealth => 'ok')
    .catch((): DbHealth => 'unreachable');
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
