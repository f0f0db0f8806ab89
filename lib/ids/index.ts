import { AppError } from '@/lib/errors';

/**
 * Every record of the portal is addressed by a UUID. An id taken from a URL is checked here before it reaches the
 * database: a malformed one is simply a record that does not exist (404), never a database error.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The id itself, or a `not_found` AppError for anything that cannot be an id. */
export function parseId(value: unknown): string {
  if (!isId(value)) throw new AppError('not_found');
  return value;
}

/** Route segments that carry a record id: `[id]`, `[runId]`, `[schoolId]`… (a catch-all like `[...nextauth]` is not one). */
export function isIdParam(name: string): boolean {
  return name === 'id' || /^[a-z][A-Za-z]*Id$/.test(name);
}

/** Checks every id segment of a route's params: a malformed one means the addressed record does not exist. */
export function parseIdParams<P>(params: P): P {
  if (params && typeof params === 'object') {
    for (const [name, value] of Object.entries(params)) if (isIdParam(name)) parseId(value);
  }
  return params;
}

/** PostgreSQL's «invalid input syntax for type uuid» (22P02): a malformed id that slipped past the checks above. */
export function isMalformedIdError(code: string | undefined, message: string): boolean {
  return code === '22P02' && /uuid/i.test(message);
}
