/**
 * ru-RU formatting of numbers, shares, dates and counted nouns for everything a user reads: pages, exports,
 * messages. Missing or invalid values print as an em dash so a table never shows «NaN» or «Invalid Date».
 */
export const MISSING = '—';

/** Time zone for instants (timestamps). Date-only values («2024-03-05») never shift. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

const ISO_DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The typographic minus «−» (U+2212) that Russian typography uses for negative numbers, not the hyphen «-». */
export const MINUS = '\u2212';

/** Intl's hyphen-minus replaced by the true minus; a value rounding to zero has no sign («0,0», not «-0,0»). */
export function withMinus(text: string): string {
  return text.replace('-', MINUS);
}

/** «1 234,5», «−11,4»; `fractionDigits` fixes the number of decimals, otherwise up to two are shown. */
/** One formatter per number of digits: building an Intl.NumberFormat costs far more than formatting with it. */
const NUMBER_FORMATS = new Map<number | undefined, Intl.NumberFormat>();

export function formatNumber(value: number | null | undefined, fractionDigits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  let format = NUMBER_FORMATS.get(fractionDigits);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      fractionDigits === undefined
        ? { maximumFractionDigits: 2, signDisplay: 'negative' }
        : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits, signDisplay: 'negative' };
    format = new Intl.NumberFormat('ru-RU', options);
    NUMBER_FORMATS.set(fractionDigits, format);
  }
  return withMinus(format.format(value));
}

/** A share 0…1 as «41,2 %». */
export function formatPercent(share: number | null | undefined, fractionDigits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return MISSING;
  return withMinus(
    new Intl.NumberFormat('ru-RU', {
      style: 'percent',
      minimumFractionDigits: 0,
      maximumFractionDigits: fractionDigits,
      signDisplay: 'negative',
    }).format(share),
  );
}

/** «Место 15 из 17», «Место 4–5 из 17» (a shared place): a rank among `total` ranked entries. */
export function formatPlace(rankLabel: string | number, total: number): string {
  return `Место ${rankLabel} из ${formatNumber(total)}`;
}

/**
 * A name or phrase closing a sentence: a full stop is added unless the text already ends with one (an abbreviation
 * such as «Заречная обл.») or with other closing punctuation — never «обл..».
 */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

type DateInput = Date | string | null | undefined;

function toInstant(value: Date | string): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterIn(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('ru-RU', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsIn(date: Date, timeZone: string): Record<string, string> {
  const parts = formatterIn(timeZone).formatToParts(date);
  return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

/** DD.MM.YYYY. A date-only ISO string is printed as is; an instant is shown in `timeZone`. */
export function formatDate(value: DateInput, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (value === null || value === undefined) return MISSING;
  const dateOnly = typeof value === 'string' ? ISO_DATE_ONLY.exec(value.trim()) : null;
  if (dateOnly) return `${dateOnly[3]}.${dateOnly[2]}.${dateOnly[1]}`;
  const instant = toInstant(value);
  if (!instant) return MISSING;
  const p = partsIn(instant, timeZone);
  return `${p.day}.${p.month}.${p.year}`;
}

/** DD.MM.YYYY HH:mm in `timeZone`. */
export function formatDateTime(value: DateInput, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (value === null || value === undefined) return MISSING;
  const instant = toInstant(value);
  if (!instant) return MISSING;
  const p = partsIn(instant, timeZone);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** Noun forms for 1, 2 and 5: ['школа', 'школы', 'школ']. */
export type PluralForms = readonly [one: string, few: string, many: string];

/** The Russian form of a noun after `n`: 1 школа, 3 школы, 11 школ, 21 школа; fractions take the «few» form. */
export function plural(n: number, forms: PluralForms): string {
  if (!Number.isInteger(n)) return forms[1];
  const abs = Math.abs(n);
  const lastTwo = abs % 100;
  const last = abs % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/** «5 школ», «1 234 школы». */
export function pluralize(n: number, forms: PluralForms): string {
  return `${formatNumber(n)} ${plural(n, forms)}`;
}

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

/** Russian alphabetical order for lists shown to people (numbers inside names in numeric order: «№ 2» before «№ 11»). */
export function compareRussian(a: string, b: string): number {
  return collator.compare(a, b);
}
