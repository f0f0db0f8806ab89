/**
 * The public data cache stores JSON (Next.js's incremental cache, in memory or in Redis): dates are kept as
 * {"$date": ISO string} and revived on the way out, so a cached page gets the same values as an uncached one.
 */
const DATE_KEY = '$date';

export function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_KEY]: raw.toISOString() } : v;
  });
}

export function decode<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as Record<string, unknown>)[DATE_KEY] === 'string'
      ? new Date((v as Record<string, string>)[DATE_KEY]!)
      : v,
  ) as T;
}
