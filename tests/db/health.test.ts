import { describe, expect, it } from 'vitest';
import { checkDatabase, probe } from '@/lib/db/health';

/** Keeps this process busy (no I/O, no timers) for `ms`, as a slow parse on the request thread would. */
function blockEventLoop(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy
  }
}

describe('health check', () => {
  it('times the database query, not the event loop: a loop busy past the timeout still reads «ok»', async () => {
    expect(await checkDatabase()).toBe('ok'); // a warm connection
    for (let i = 0; i < 3; i += 1) {
      const verdict = checkDatabase(100);
      await new Promise((resolve) => setImmediate(resolve)); // the query is on the wire
      blockEventLoop(400); // the database answers meanwhile; its reply waits in the socket
      expect(await verdict).toBe('ok');
    }
  });

  it('still reports a query that does not answer in time', async () => {
    const started = Date.now();
    expect(await probe(() => new Promise(() => {}), 50)).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await probe(() => Promise.reject(new Error('ECONNREFUSED')), 1_000)).toBe('unreachable');
  });
});
