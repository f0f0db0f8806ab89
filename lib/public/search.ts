/**
 * The public school search's reading of what a parent typed: lower case, «ё» as «е», punctuation as spaces, and
 * a school number when the text names one («школа 5», «№ 5», «сош5», «5»). Pure; the query compares the same
 * normalisation of names, addresses and municipalities by trigram similarity (pg_trgm).
 */

export interface SearchQuery {
  /** Normalised text for similarity; empty when nothing searchable was typed. */
  text: string;
  /** The school number the text names, if any. */
  number: number | null;
}

/** Words that name a kind of school rather than a particular one: left out when a number is found. */
const KIND_WORDS = new Set(['школа', 'школу', 'школы', 'сош', 'оош', 'нош', 'мбоу', 'мкоу', 'маоу', 'гимназия', 'лицей', 'номер', 'no', 'n']);

export const MAX_QUERY_LENGTH = 100;

/** The same normalisation the database applies (`public_norm` in the query): lower case, ё → е. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

export function parseSearch(raw: string): SearchQuery {
  const text = normaliseText(raw.slice(0, MAX_QUERY_LENGTH))
    .replace(/№/g, ' № ')
    .replace(/([а-я])(\d)/g, '$1 $2')
    .replace(/[^\p{L}\p{N}№\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const numberMatch = /(?:^|\s)(?:№\s*)?(\d{1,4})(?:\s|$)/.exec(text);
  const number = numberMatch ? Number(numberMatch[1]) : null;
  const words = text.split(' ').filter((w) => w && w !== '№');
  const rest = number !== null ? words.filter((w) => w !== String(number) && !KIND_WORDS.has(w)) : words;
  return { text: rest.join(' '), number };
}

/** What the search box holds: spaces collapsed, trimmed, at most MAX_QUERY_LENGTH characters. */
export function cleanQuery(raw: string | null | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

/** The query back from the route's segments (Next.js hands them decoded; a still-encoded one is decoded here). */
export function searchQuery(segments: readonly string[] | undefined): string {
  const joined = (segments ?? []).join('/');
  let decoded = joined;
  if (/%[0-9a-f]{2}/i.test(joined)) {
    try {
      decoded = decodeURIComponent(joined);
    } catch {
      decoded = joined;
    }
  }
  return cleanQuery(decoded);
}
