import { AppError } from '@/lib/errors';
import { isMalformedIdError } from '@/lib/ids';
import { getDb, type Transaction } from './client';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001']);

/** Turns driver errors that a user can understand into AppErrors; everything else passes through. */
export function translateDbError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const root = rootCause(error);
  const code = (root as { code?: string } | null)?.code;
  const message = (root as Error | null)?.message ?? '';
  if ((code && CONNECTION_CODES.has(code)) || /Connection terminated|timeout exceeded when trying to connect/i.test(message)) {
    return new AppError('db_unavailable');
  }
  // A malformed id compared with a uuid column: the record simply does not exist (never an outage or a 500).
  if (isMalformedIdError(code, message)) return new AppError('not_found');
  if (code === '23505') return new AppError('conflict', 'Такая запись уже существует.');
  if (code === '23503') return new AppError('conflict', 'Запись связана с другими данными.');
  if (code === '23514') return new AppError('validation', 'Данные нарушают правило целостности: проверьте обязательные поля.');
  return error;
}

/** Drizzle wraps driver errors («Failed query: …»); the driver's own error is the cause. */
export function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && current.cause !== undefined && current.cause !== current) current = current.cause;
  return current;
}

/** Runs `fn` in one transaction: every write and its audit entries commit together or not at all. */
export async function inTransaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await getDb().transaction(fn);
  } catch (error) {
    throw translateDbError(error);
  }
}
