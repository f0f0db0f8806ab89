import path from 'node:path';

/** Where the embedded database and other local state live (git-ignored). */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.OPORA_DATA_DIR ?? 'data');
}

export function embeddedPort(): number {
  return Number(process.env.OPORA_EMBEDDED_PORT ?? 54329);
}

/**
 * With DATABASE_URL the portal talks to that PostgreSQL server. Without it, to the embedded PGlite owned by
 * the launcher (`npm start`), which serves it over the PostgreSQL protocol on a loopback port — so both cases
 * use the same driver and the same queries.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return url;
  return `postgres://postgres@127.0.0.1:${embeddedPort()}/postgres`;
}

export function isEmbedded(): boolean {
  return !process.env.DATABASE_URL?.trim();
}

/**
 * The owner's URL for migrations: DATABASE_OWNER_URL when set (then DATABASE_URL names the portal's runtime role,
 * created by the migration step — lib/db/roles.ts), otherwise the portal's own URL (one role, as with PGlite).
 */
export function ownerDatabaseUrl(): string {
  return process.env.DATABASE_OWNER_URL?.trim() || databaseUrl();
}
