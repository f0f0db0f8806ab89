import pg from 'pg';

/** Timeouts: node-postgres waits forever by default, which would hang a request on a dead database. */
export const POOL_TIMEOUTS = {
  connectionTimeoutMillis: 5_000,
  statement_timeout: 30_000,
  query_timeout: 35_000,
  idle_in_transaction_session_timeout: 60_000,
  idleTimeoutMillis: 30_000,
} as const;

export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, ...POOL_TIMEOUTS });
  // An idle client losing its connection (database restarted) must not crash the process; the pool drops the
  // client and the next query opens a new connection, so the app recovers by itself.
  pool.on('error', (error) => {
    console.warn(`[db] соединение с базой потеряно: ${error.message}`);
  });
  return pool;
}
