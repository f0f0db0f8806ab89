import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';
import { createScratchDatabase, freePort } from '../support/database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseTarget: string;
  }
}

/**
 * Each run gets a fresh database: an in-memory PGlite served over the PostgreSQL protocol (DB_TARGET=pglite,
 * the default), or a new scratch database on the PostgreSQL server (DB_TARGET=postgres), dropped afterwards.
 */
export default async function setup(project: TestProject) {
  const target = process.env.DB_TARGET ?? 'pglite';
  let url: string;
  let teardown: () => Promise<void>;
  if (target === 'postgres') {
    const scratch = await createScratchDatabase('opora_test');
    url = scratch.url;
    teardown = scratch.drop;
  } else if (target === 'pglite') {
    const embedded = await startEmbeddedDatabase({ port: await freePort() });
    url = embedded.url;
    teardown = embedded.stop;
  } else {
    throw new Error(`DB_TARGET должен быть pglite или postgres, получено: ${target}`);
  }
  await migrateDatabase(url);
  project.provide('databaseUrl', url);
  project.provide('databaseTarget', target);
  return teardown;
}
