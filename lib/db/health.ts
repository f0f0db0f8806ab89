import { getPool } from './client';

export type DbHealth = 'ok' | 'unreachable';

/**
 * Runs `query` and reports whether it finished within `timeoutMs` of the database's own time. A busy event loop
 * must not read as an outage: when the timer fires, the answer may already be waiting in the socket (the loop was
 * blocked by other work while the database replied), so the verdict waits for one more pass of the loop's I/O
 * phase before saying «unreachable».
 */
export function probe(query: () => Promise<unknown>, timeoutMs: number): Promise<DbHealth> {
  return new Promise<DbHealth>((resolve) => {
    let settled: DbHealth | null = null;
    const timer = setTimeout(() => {
      // Timers run before I/O in each loop turn: let the poll phase deliver a reply that is already there.
      setImmediate(() => resolve(settled ?? 'unreachable'));
    }, timeoutMs);
    query().then(
      () => {
        settled = 'ok';
        clearTimeout(timer);
        resolve('ok');
      },
      () => {
        settled = 'unreachable';
        clearTimeout(timer);
        resolve('unreachable');
      },
    );
  });
}

/** One round trip, bounded in time so that a hanging server reads as unreachable. */
export function checkDatabase(timeoutMs = 3_000): Promise<DbHealth> {
  return probe(() => getPool().query('SELECT 1'), timeoutMs);
}

interface Availability {
  checkedAt: number;
  health: DbHealth;
  pending: Promise<DbHealth> | null;
}

const state = globalThis as unknown as { __oporaDbAvailability?: Availability };

/**
 * Whether the database answers, probed at most every few seconds (a second while it is down, so that recovery
 * is seen at once) and shared by concurrent callers. Lets the proxy answer page requests with the outage page
 * and 503 instead of rendering pages that can only fail.
 */
export async function databaseAvailable(now = Date.now()): Promise<boolean> {
  const current = (state.__oporaDbAvailability ??= { checkedAt: 0, health: 'ok', pending: null });
  const maxAge = current.health === 'ok' ? 5_000 : 1_000;
  if (current.checkedAt > 0 && now - current.checkedAt < maxAge) return current.health === 'ok';
  current.pending ??= checkDatabase(2_000).then((health) => {
    current.health = health;
    current.checkedAt = Date.now();
    current.pending = null;
    return health;
  });
  return (await current.pending) === 'ok';
}
