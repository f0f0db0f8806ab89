import { afterAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/lib/db/client';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { checkDatabase } from '@/lib/db/health';
import { freePort } from '../support/database';

afterAll(async () => {
  await closeDb();
});

describe('database outage', () => {
  it('reads as unreachable while the server is down and recovers by itself when it returns', async () => {
    const port = await freePort();
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const first = await startEmbeddedDatabase({ port });
    expect(await checkDatabase()).toBe('ok');
    await first.stop();
    expect(await checkDatabase()).toBe('unreachable');
    const second = await startEmbeddedDatabase({ port });
    try {
      expect(await checkDatabase()).toBe('ok');
    } finally {
      await second.stop();
    }
  });
});
