/**
 * Who can get round the append-only audit log. On PostgreSQL the tests run, as the portal does, as a runtime role
 * created by the migration step: it may read and add audit entries, but neither `SET session_replication_role =
 * replica` nor `ALTER TABLE … DISABLE TRIGGER` nor a plain UPDATE, DELETE or TRUNCATE. PGlite has one role (the
 * owner): there the append-only trigger is the guard, and this checks that it holds.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  await client.query(`INSERT INTO audit_log (actor_name, action, entity_type, entity_id) VALUES ('Проверка', 'create', 'test', 'roles')`);
});
afterAll(async () => {
  await client.end();
});

const refusal = async (text: string) => {
  await client.query('BEGIN');
  try {
    await client.query(text);
    await client.query(`UPDATE audit_log SET actor_name = 'подменено' WHERE entity_id = 'roles'`);
    return 'allowed';
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.query('ROLLBACK');
  }
};

const stored = async () => (await client.query<{ actor_name: string }>(`SELECT actor_name FROM audit_log WHERE entity_id = 'roles'`)).rows.map((r) => r.actor_name);

describe('the audit log cannot be rewritten by the portal’s database role', () => {
  it('refuses switching triggers off for the session or the table, and direct changes', async () => {
    const postgres = inject('databaseTarget') === 'postgres';
    const { rows } = await client.query<{ super: boolean; owner: boolean }>(
      `SELECT rolsuper AS super, (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log') = current_user AS owner FROM pg_roles WHERE rolname = current_user`,
    );
    if (postgres) {
      // The runtime role: no superuser, not the table's owner.
      expect(rows[0]).toEqual({ super: false, owner: false });
      expect(await refusal('SET LOCAL session_replication_role = replica')).toMatch(/permission denied|нет прав|доступ запрещён/i);
      expect(await refusal('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete')).toMatch(/must be owner|владел/i);
      expect(await refusal('ALTER TABLE audit_log DISABLE TRIGGER ALL')).toMatch(/must be owner|владел/i);
      expect(await refusal('SELECT 1')).toMatch(/permission denied for table audit_log/);
      expect(await refusal('TRUNCATE audit_log')).toMatch(/permission denied/);
    } else {
      // PGlite: one role, the owner; the append-only trigger refuses the change.
      expect(rows[0]!.owner).toBe(true);
      expect(await refusal('SELECT 1')).toMatch(/только для добавления: UPDATE запрещено/);
    }
    expect(await stored()).toEqual(['Проверка']);
  });
});
