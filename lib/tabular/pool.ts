/**
 * Uploaded tables are parsed in a pool of worker threads (piscina), never on the thread that answers requests:
 * a slow or hostile file costs its own worker, capped in memory and time, while the portal keeps answering
 * pages and `/api/health`. A worker that runs out of memory or time is ended and replaced; the upload gets a
 * Russian 413.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { AppError } from '@/lib/errors';
import { formatNumber } from '@/lib/format/ru';
import type { UploadLimits } from './limits';
import type { TableFile, TableFileInput } from './read-table-file';
import type { planImport, PlannedSection } from '@/lib/roadmaps/import-plan';
import type { ParsedRoadmapTable, ParseRoadmapTableOptions } from '@/lib/roadmaps/table/parse';
import type { TableJob, TableJobResult, TableJobValue } from './worker/job';

export interface TablePoolOptions {
  /** Heap of one worker. */
  maxMemoryMb: number;
  /** From the moment a file is handed to the pool (waiting in the queue included). */
  timeoutMs: number;
  /** Files waiting for a free worker; more are refused with 429. */
  maxQueue: number;
}

export const TABLE_POOL_DEFAULTS: TablePoolOptions = { maxMemoryMb: 768, timeoutMs: 30_000, maxQueue: 16 };

// The worker entry is loaded by Node from the source tree, not from the Next.js bundle; the portal runs from its
// project folder (npm start, next start, the tests).
const WORKER_ENTRY = path.join(process.cwd(), 'lib', 'tabular', 'worker', 'table-worker.cjs');

export function createTablePool(options: Partial<TablePoolOptions> = {}) {
  const settings = { ...TABLE_POOL_DEFAULTS, ...options };
  const pool = new Piscina<TableJob, TableJobResult>({
    filename: WORKER_ENTRY,
    minThreads: 0,
    // One core stays with the request thread on a small server.
    maxThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
    idleTimeout: 5 * 60_000,
    maxQueue: settings.maxQueue,
    resourceLimits: { maxOldGenerationSizeMb: settings.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
  });

  async function run(job: TableJob): Promise<TableJobValue> {
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    let result: TableJobResult;
    try {
      result = await pool.run(job, { signal: timeout });
    } catch (error) {
      throw poolFailure(error, timeout.aborted, settings);
    }
    if (!result.ok) throw new AppError(result.code, result.message, result.issues);
    return result.value;
  }

  return {
    read: async (input: TableFileInput, limits?: Partial<UploadLimits>) => (await run({ kind: 'table', input, limits })) as TableFile,
    readRoadmap: async (source: { file?: TableFileInput; text?: string }, options: ParseRoadmapTableOptions) =>
      (await run({ kind: 'roadmap', input: source.file, text: source.text, options })) as ParsedRoadmapTable,
    planRoadmap: async (...args: Parameters<typeof planImport>) => (await run({ kind: 'roadmap-plan', args })) as PlannedSection[],
    close: () => pool.close({ force: true }),
  };
}

function poolFailure(error: unknown, timedOut: boolean, settings: TablePoolOptions): Error {
  if (timedOut) {
    return new AppError('payload_too_large', `Файл читается дольше ${formatNumber(settings.timeoutMs / 1000)} с — файл отклонён: упростите таблицу или разделите файл`);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new AppError('payload_too_large', `На чтение файла не хватило ${formatNumber(settings.maxMemoryMb)} МБ памяти — файл отклонён: упростите таблицу или разделите файл`);
  }
  if (error instanceof Error && /queue/i.test(error.message)) {
    return new AppError('rate_limited', 'Сейчас читается слишком много файлов. Повторите загрузку через минуту.');
  }
  return error instanceof Error ? error : new Error(String(error));
}

type TablePool = ReturnType<typeof createTablePool>;

// One pool per server process (kept across hot reloads in development).
const holder = globalThis as typeof globalThis & { __oporaTablePool?: TablePool };

/**
 * The one table reader of the portal: an uploaded CSV/TSV, XLSX or DOCX file as sheets of trimmed cell strings,
 * parsed in a worker thread within the upload and table limits (see parseTableFile).
 */
export function readTableFile(input: TableFileInput, limits?: Partial<UploadLimits>): Promise<TableFile> {
  holder.__oporaTablePool ??= createTablePool();
  return holder.__oporaTablePool.read(input, limits);
}

/**
 * The road-map table of an import (a file's table with most items, or pasted text), read and laid out in a
 * worker thread like any table file: the pure road-map table walking costs the request thread nothing either.
 */
export function readRoadmapTable(source: { file?: TableFileInput; text?: string }, options: ParseRoadmapTableOptions): Promise<ParsedRoadmapTable> {
  holder.__oporaTablePool ??= createTablePool();
  return holder.__oporaTablePool.readRoadmap(source, options);
}

/** The plan of a road-map import (what each row creates or changes; deadlines normalised), made in a worker. */
export function planRoadmapImport(...args: Parameters<typeof planImport>): Promise<PlannedSection[]> {
  holder.__oporaTablePool ??= createTablePool();
  return holder.__oporaTablePool.planRoadmap(...args);
}
