import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { databaseUrl, ownerDatabaseUrl } from './config';
import { moveEvidenceFilesToDatabase } from './evidence-mover';
import { createPool } from './pool';
import { ensureRuntimeRole, roleOf } from './roles';

const MIGRATIONS = path.resolve(process.cwd(), 'db/migrations');
// Any fixed number: serialises concurrent migrators on a real PostgreSQL server.
const MIGRATION_LOCK = 727_001;

/**
 * Applies the committed drizzle-kit migrations as the owner (`connectionString`); given the portal's own URL
 * (`runtimeUrl`) with another role, creates that role and grants it data rights (lib/db/roles.ts); then moves
 * evidence files left on disk by earlier versions into the database. Safe to run from several processes at once.
 */
export async function migrateDatabase(connectionString: string, options: { runtimeUrl?: string } = {}): Promise<void> {
  const pool = createPool(connectionString, 1);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
      const runtime = options.runtimeUrl ? roleOf(options.runtimeUrl) : null;
      const { rows } = await client.query<{ owner: string }>('SELECT current_user AS owner');
      if (runtime && runtime.name !== rows[0]!.owner) {
        const { created } = await ensureRuntimeRole(client, runtime);
        if (created) console.log(`Создана роль портала ${runtime.name}: в журнале аудита — только чтение и добавление.`);
      }
      const moved = await moveEvidenceFilesToDatabase(client);
      if (moved.moved > 0) console.log(`Файлы подтверждений перенесены в базу данных: ${moved.moved}.`);
      if (moved.missing.length > 0) console.warn(`Файлы подтверждений не найдены в папке uploads: ${moved.missing.length} (${moved.missing.join(', ')}).`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
    await pool.end();
  }
}

/** The migration step of `npm run db:migrate` and `npm start`: as DATABASE_OWNER_URL when set, for DATABASE_URL. */
export function migrateConfiguredDatabase(): Promise<void> {
  return migrateDatabase(ownerDatabaseUrl(), { runtimeUrl: databaseUrl() });
}
