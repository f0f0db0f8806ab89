import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createClient } from '@redis/client';
import pg from 'pg';
import { BASE_URL, EMBEDDED_PORT } from '../../playwright.config';

/*
 * Two more production instances of the same build, on the main server's database, sharing their page and data
 * cache through the machine's Redis (REDIS_URL, default 127.0.0.1:6379; `.ci/run` starts it). A school renamed
 * straight in the database stays cached on instance B (no tag covers a rename); publishing a classification run
 * on instance A revalidates the public tag in Redis, and B's very next request shows the new name.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const basePort = Number(new URL(BASE_URL).port);
const A = `http://127.0.0.1:${basePort + 2}`;
const B = `http://127.0.0.1:${basePort + 3}`;
const DATABASE_URL = `postgres://postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;

function startInstance(origin: string, prefix: string): ChildProcess {
  return spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', new URL(origin).port], {
    env: {
      ...process.env,
      DATABASE_URL,
      REDIS_URL,
      OPORA_CACHE_PREFIX: prefix,
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: 'e2e-secret-not-for-production',
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
}

async function waitForHealth(origin: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (await fetch(`${origin}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${origin} не ответил`);
}

/** Signs in through next-auth's credentials form on `origin`; returns the Cookie header. */
async function signIn(origin: string, login: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; '), origin },
    body: new URLSearchParams({ csrfToken, login, password: 'Opora-demo-2026', callbackUrl: `${origin}/`, json: 'true' }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.includes('session-token'));
  expect(session, 'вход аналитика').toBeTruthy();
  return [...cookies, session].join('; ');
}

const page = async (origin: string, path: string) => {
  const response = await fetch(`${origin}${path}`);
  expect(response.status).toBe(200);
  return response.text();
};

test('with REDIS_URL a publication on one instance is seen by another on its next request', async () => {
  test.setTimeout(180_000);
  const prefix = `opora:e2e:${randomUUID()}:`;
  const instances = [startInstance(A, prefix), startInstance(B, prefix)];
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  let renamed: { id: string; column: 'name' | 'short_name'; shown: string } | null = null;
  try {
    await Promise.all([waitForHealth(A), waitForHealth(B)]);
    const { rows } = await db.query<{ id: string; name: string; short_name: string | null }>(
      `SELECT id, name, short_name FROM organisations WHERE kind = 'school' AND coalesce(short_name, name) LIKE '%Осиновская%' ORDER BY name LIMIT 1`,
    );
    expect(rows, 'демо-школа «Осиновская»').toHaveLength(1);
    const school = rows[0]!;
    // The public pages name a school by its short name when it has one.
    const column = school.short_name ? 'short_name' : 'name';
    const shown = school.short_name ?? school.name;
    const path = `/public/schools/${school.id}`;
    expect(await page(B, path)).toContain(shown);
    expect(await page(A, path)).toContain(shown);

    const newName = `Осиновская школа ${Date.now()}`;
    await db.query(`UPDATE organisations SET ${column} = $2 WHERE id = $1`, [school.id, newName]);
    renamed = { id: school.id, column, shown };
    // Cached: neither instance asks the database again.
    expect(await page(B, path)).not.toContain(newName);
    expect(await page(A, path)).not.toContain(newName);

    const cookie = await signIn(A, 'analyst@opora.demo');
    const created = await fetch(`${A}/api/v1/classification/runs`, {
      method: 'POST',
      headers: { cookie, origin: A, 'content-type': 'application/json' },
      body: JSON.stringify({ year: 2026 }),
    });
    expect(created.ok).toBe(true);
    const run = (await created.json()) as { id: string };
    const published = await fetch(`${A}/api/v1/classification/runs/${run.id}/publish`, { method: 'POST', headers: { cookie, origin: A } });
    expect(published.status).toBe(200);

    // B never saw the publication itself: the revalidation reached it through Redis.
    expect(await page(B, path)).toContain(newName);
    expect(await page(A, path)).toContain(newName);
  } finally {
    if (renamed) await db.query(`UPDATE organisations SET ${renamed.column} = $2 WHERE id = $1`, [renamed.id, renamed.shown]);
    await db.end();
    for (const instance of instances) instance.kill('SIGTERM');
    await Promise.all(instances.map((i) => (i.exitCode === null ? new Promise((resolve) => i.once('exit', resolve)) : null)));
    // This run's keys only (its own prefix).
    const redis = await createClient({ url: REDIS_URL }).connect();
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length) await redis.del(keys);
    await redis.close();
  }
});
