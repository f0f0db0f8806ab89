// No 'server-only' here: the migration step runs under tsx (npm run db:migrate, npm start, the test setup).
import type pg from 'pg';

/**
 * Two database roles on PostgreSQL: the owner runs the migrations and owns every table; the portal connects as a
 * runtime role with data rights only — on the audit log just SELECT and INSERT. Not owning the audit table and not
 * being a superuser, the runtime role cannot `ALTER TABLE … DISABLE TRIGGER` or `SET session_replication_role =
 * replica` to get round the append-only trigger. (The embedded PGlite has one role; there the trigger is the
 * guard.)
 */
export interface RuntimeRole {
  name: string;
  password: string | null;
}

/** The role a connection URL logs in as, or null when it names none. */
export function roleOf(connectionString: string): RuntimeRole | null {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.username);
  return name ? { name, password: url.password ? decodeURIComponent(url.password) : null } : null;
}

/**
 * Creates the runtime role if missing (LOGIN, no superuser or other powers, the URL's password) and grants it the
 * data rights on what the migrations made — again on every run, so tables of new migrations are covered. Runs as
 * the owner. Refuses a runtime role that is a superuser or owns the audit log: the separation would be void.
 */
export async function ensureRuntimeRole(client: pg.PoolClient | pg.Client, role: RuntimeRole): Promise<{ created: boolean }> {
  const id = client.escapeIdentifier(role.name);
  const existing = await client.query<{ rolsuper: boolean; owns: boolean }>(
    `SELECT r.rolsuper, EXISTS (SELECT 1 FROM pg_tables t WHERE t.tablename = 'audit_log' AND t.schemaname = 'public' AND t.tableowner = r.rolname) AS owns
       FROM pg_roles r WHERE r.rolname = $1`,
    [role.name],
  );
  const found = existing.rows[0];
  if (found?.rolsuper || found?.owns) {
    throw new Error(`Роль ${role.name} из DATABASE_URL — ${found.rolsuper ? 'суперпользователь' : 'владелец журнала аудита'}: портал должен подключаться ролью без этих прав (см. README, «Две роли базы данных»).`);
  }
  if (!found) {
    const password = role.password === null ? '' : ` PASSWORD ${client.escapeLiteral(role.password)}`;
    await client.query(`CREATE ROLE ${id} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${password}`);
  }
  const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
  await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${client.escapeIdentifier(rows[0]!.db)} TO ${id}`);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${id}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${id}`);
  await client.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${id}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${id}`);
  return { created: !found };
}
