import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import * as schema from '@/db/schema';
import { databaseUrl, isEmbedded } from './config';
import { createPool } from './pool';

export type Database = NodePgDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the database or an open transaction: data-layer helpers accept both. */
export type Executor = Database | Transaction;

interface DbState {
  url: string;
  pool: pg.Pool;
  db: Database;
}

// Kept on globalThis so that hot reload in `next dev` does not open a new pool on every edit.
const globalState = globalThis as unknown as { __oporaDb?: DbState };

function state(): DbState {
  const url = databaseUrl();
  const current = globalState.__oporaDb;
  if (current && current.url === url) return current;
  // The embedded server runs every query of every connection on one PGlite session, so a small pool suffices.
  const pool = createPool(url, isEmbedded() ? 4 : 10);
  const next: DbState = { url, pool, db: drizzle(pool, { schema }) };
  globalState.__oporaDb = next;
  return next;
}

export function getDb(): Database {
  return state().db;
}

export function getPool(): pg.Pool {
  return state().pool;
}

/** Closes the pool (tests and scripts); the next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const current = globalState.__oporaDb;
  globalState.__oporaDb = undefined;
  await current?.pool.end();
}

export { schema };
