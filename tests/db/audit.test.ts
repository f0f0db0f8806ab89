import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { recordAudit } from '@/lib/audit/record';
import { getDb } from '@/lib/db/client';
import { rootCause } from '@/lib/db/transaction';

const refusal = (query: Promise<unknown>) =>
  query.then(
    () => 'allowed',
    (error: unknown) => (rootCause(error) as Error).message,
  );

describe('audit log', () => {
  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const db = getDb();
    await recordAudit(db, null, {
      action: 'create',
      entityType: 'test',
      entityId: 'append-only',
      scope: { regionId: null, municipalityId: null, schoolId: null },
      after: { value: 1 },
    });
    // On PostgreSQL the portal's runtime role has no such rights at all; PGlite's single role meets the trigger.
    const refused = (operation: string) =>
      inject('databaseTarget') === 'postgres' ? /permission denied for table audit_log/ : new RegExp(`только для добавления: ${operation} запрещено`);
    expect(await refusal(db.execute(sql`UPDATE audit_log SET actor_name = 'x' WHERE entity_id = 'append-only'`))).toMatch(refused('UPDATE'));
    expect(await refusal(db.execute(sql`DELETE FROM audit_log WHERE entity_id = 'append-only'`))).toMatch(refused('DELETE'));
    expect(await refusal(db.execute(sql`TRUNCATE audit_log`))).toMatch(refused('TRUNCATE'));
    const rows = await db.execute(sql`SELECT actor_name FROM audit_log WHERE entity_id = 'append-only'`);
    expect(rows.rows).toEqual([{ actor_name: 'Система' }]);
  });

  it('never stores password hashes', async () => {
    const db = getDb();
    await recordAudit(db, null, {
      action: 'create',
      entityType: 'test',
      entityId: 'secret',
      scope: { regionId: null, municipalityId: null, schoolId: null },
      after: { login: 'a', passwordHash: '$argon2id$secret' },
    });
    const rows = await db.execute(sql`SELECT after FROM audit_log WHERE entity_id = 'secret'`);
    expect(rows.rows[0]).toEqual({ after: { login: 'a', passwordHash: '***' } });
  });
});
