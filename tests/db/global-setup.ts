import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';
import { createRuntimeRoleUrl, createScratchDatabase, freePort } from '../support/database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseTarget: string;
  }
}

/**
 * Each run gets a fresh database: an in-memory PGlite served over the PostgreSQL protocol (DB_TARGET=pglite,
 * the default, one role), or a new scratch database on the PostgreSQL server (DB_TARGET=postgres), dropped
 * afterwards, migrated by its owner and used through a runtime role of its own (lib/db/roles.ts), dropped too.
 */
export default async function setup(project: TestProject) {
  const target = process.env.DB_TARGET ?? 'pglite';
  let url: string;
  let teardown: () => Promise<void>;
  if (target === 'postgres') {
    // Two roles, as in production: migrations as the owner, the tests (the portal's code) as a runtime role.
    const scratch = await createScratchDatabase('opora_test');
    const runtime = await createRuntimeRoleUrl(scratch.url);
    await migrateDatabase(scratch.url, { runtimeUrl: runtime.url });
    url = runtime.url;
    teardown = async () => {
      await scratch.drop();
      await runtime.drop();
    };
  } else if (target === 'pglite') {
    const embedded = await startEmbeddedDatabase({ port: await freePort() });
    url = embedded.url;
    teardown = embedded.stop;
  } else {
    throw new Error(`DB_TARGET должен быть pglite или postgres, получено: ${target}`);
  }
  if (target === 'pglite') await migrateDatabase(url);
  project.provide('databaseUrl', url);
  project.provide('databaseTarget', target);
  return teardown;
}
