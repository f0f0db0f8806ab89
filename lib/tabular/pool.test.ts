import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { createTablePool } from './pool';

const pools: ReturnType<typeof createTablePool>[] = [];
function pool(options: Parameters<typeof createTablePool>[0] = {}) {
  const created = createTablePool(options);
  pools.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(pools.map((created) => created.close()));
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const encode = (text: string) => new TextEncoder().encode(text);

/** A CSV of `rows` rows of ten short cells: within the table limits, heavy to hold. */
function bigCsv(rows: number): Uint8Array {
  const line = Array.from({ length: 10 }, (_, column) => `v${column}`).join(';');
  return encode(`${line}\n`.repeat(rows));
}

// A worker's first start compiles the reader (tsx): slow on a busy machine.
describe('table worker pool', { timeout: 60_000 }, () => {
  it('parses a file in a worker thread', async () => {
    const file = await pool().read({ bytes: encode('ОГРН;Название\n1;Школа\n'), filename: 'a.csv' });
    expect(file).toEqual({ format: 'csv', sheets: [{ name: 'a.csv', rows: [['ОГРН', 'Название'], ['1', 'Школа']] }] });
  });

  it('raises the reader’s Russian error as an AppError', async () => {
    const error = await rejection(pool().read({ bytes: encode(`${';'.repeat(20_000)}\na\n`), filename: 'a.csv' }));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/столбцов в строке/);
  });

  it('ends a worker that runs out of memory with a 413 and keeps working', async () => {
    const small = pool({ maxMemoryMb: 24 });
    const error = await rejection(small.read({ bytes: bigCsv(150_000), filename: 'a.csv' }));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/не хватило 24 МБ памяти/);
    const file = await small.read({ bytes: encode('a;b\n'), filename: 'a.csv' });
    expect(file.sheets[0]?.rows).toEqual([['a', 'b']]);
  });

  it('stops a file that takes longer than the time cap', async () => {
    const error = await rejection(pool({ timeoutMs: 50 }).read({ bytes: bigCsv(150_000), filename: 'a.csv' }));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/читается дольше 0,05 с/);
  });

  it('leaves the calling thread free while a file is parsed', async () => {
    const shared = pool();
    await shared.read({ bytes: encode('a\n'), filename: 'a.csv' }); // the worker is up
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const started = performance.now();
    await shared.read({ bytes: bigCsv(150_000), filename: 'a.csv' });
    const elapsed = performance.now() - started;
    clearInterval(timer);
    // Parsed on this thread, the file would block every timer until it is done (at most one tick).
    expect(ticks).toBeGreaterThan(Math.min(10, elapsed / 50));
  });
});
