/** The period choice of the entry screens: the whole year, or one of its quarters (quarterly indicators). */
export const PERIOD_OPTIONS = [
  { value: '0', label: 'год целиком' },
  { value: '1', label: 'I квартал' },
  { value: '2', label: 'II квартал' },
  { value: '3', label: 'III квартал' },
  { value: '4', label: 'IV квартал' },
] as const;

/** A query value as a number: a string or a number, alone or as the one element of a list; anything else NaN. */
function numberOf(value: unknown): number {
  const single = Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : value;
  // Number() of an arbitrary object may call its toString or throw: only strings and numbers are read.
  return typeof single === 'string' || typeof single === 'number' ? Number(single) : NaN;
}

/**
 * The year and quarter an entry screen's address asks for: a year from 2000 to 2100 (else the current one) and a
 * quarter 1–4 (else 0, the whole year). A malformed value falls back, it never fails the page.
 */
export function parsePeriod(query: { year?: unknown; quarter?: unknown }, now = new Date()): { year: number; quarter: number } {
  const year = numberOf(query.year);
  const quarter = numberOf(query.quarter);
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : now.getFullYear(),
    quarter: Number.isInteger(quarter) && quarter >= 0 && quarter <= 4 ? quarter : 0,
  };
}
