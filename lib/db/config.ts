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
