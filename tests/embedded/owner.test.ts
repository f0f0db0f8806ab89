import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '@/lib/db/embedded';
import { DataFolderLockedError } from '@/lib/db/owner-lock';
import { freePort } from '../support/database';

const started: EmbeddedDatabase[] = [];
afterEach(async () => {
  while (started.length) await started.pop()!.stop();
});

async function start(folder: string) {
  const db = await startEmbeddedDatabase({ folder, port: await freePort() });
  started.push(db);
  return db;
}

async function query(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded database folder ownership', () => {
  it('lets exactly one process own the folder: a second start fails clearly and the data stays intact', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-owner-'));
    const first = await start(folder);
    await query(first.url, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('сохранено')");

    const second = await startEmbeddedDatabase({ folder, port: await freePort() }).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(DataFolderLockedError);
    expect((second as Error).message).toMatch(/уже открыта другим процессом Опоры \(PID \d+\).*Данные не изменены/);

    expect(await query(first.url, 'SELECT value FROM kept')).toEqual([{ value: 'сохранено' }]);
    await started.pop()!.stop();
    const reopened = await start(folder);
    expect(await query(reopened.url, 'SELECT value FROM kept')).toEqual([{ value: 'сохранено' }]);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-stale-'));
    fs.writeFileSync(path.join(folder, 'owner.pid'), '999999');
    const db = await start(folder);
    expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(fs.readFileSync(path.join(folder, 'owner.pid'), 'utf8')).toBe(String(process.pid));
  });
});

describe('concurrent connections on the embedded server', () => {
  it('never run inside each other’s transactions', async () => {
    const db = await startEmbeddedDatabase({ port: await freePort() });
    started.push(db);
    const pool = new pg.Pool({ connectionString: db.url, max: 4 });
    try {
      await pool.query('CREATE TABLE marks (who text)');
      const a = await pool.connect();
      const b = await pool.connect();
      await a.query('BEGIN');
      await a.query("INSERT INTO marks VALUES ('a')");
      // B's write must wait until A's transaction ends, and must not be rolled back with it.
      const bWrite = b.query("INSERT INTO marks VALUES ('b')").then(() => Date.now());
      await new Promise((resolve) => setTimeout(resolve, 200));
      const rolledBackAt = Date.now();
      await a.query('ROLLBACK');
      expect(await bWrite).toBeGreaterThanOrEqual(rolledBackAt);
      expect((await pool.query('SELECT who FROM marks ORDER BY who')).rows).toEqual([{ who: 'b' }]);

      // And the other way round: A commits while B waits; both rows are kept.
      await a.query('BEGIN');
      await a.query("INSERT INTO marks VALUES ('a2')");
      const bRead = b.query('SELECT count(*)::int AS n FROM marks');
      await a.query('COMMIT');
      expect((await bRead).rows).toEqual([{ n: 2 }]);
      a.release();
      b.release();
    } finally {
      await pool.end();
    }
  });
});
