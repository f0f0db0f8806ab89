/** Russian number formatting and word agreement for the sentences the engine writes. */
import { MINUS, plural as ruPlural, withMinus, type PluralForms } from '@/lib/format/ru';

const oneDecimal = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 0, maximumFractionDigits: 1, signDisplay: 'negative' });
const twoDecimals = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 0, maximumFractionDigits: 2, signDisplay: 'negative' });

/**
 * Intl formatting is slow next to the rest of the engine, and a national run formats millions of numbers, most
 * of them repeated; so results are memoised (the cache is dropped when it grows large).
 */
function memoised(format: Intl.NumberFormat): (value: number) => string {
  let cache = new Map<number, string>();
  return (value) => {
    let text = cache.get(value);
    if (text === undefined) {
      if (cache.size > 200_000) cache = new Map();
      text = withMinus(format.format(value).replace(/\u00a0/g, ' '));
      cache.set(value, text);
    }
    return text;
  };
}

/** «41,2», «20», «1 250», «−11,4» — at most one decimal; a regular space instead of ru-RU's no-break space; the true minus. */
export const fmt = memoised(oneDecimal);

/**
 * One precision per measure, on screen and in exports: the social index in hundredths (as the engine's sentences
 * write it and its boundary), gaps to the municipal mean and rating scores in tenths.
 */
export const MEASURE_DIGITS = { socialIndex: 2, gap: 1, ratingScore: 1 } as const;

/** Up to two decimals, for small shares such as «0,25%». */
export const fmt2 = memoised(twoDecimals);

export function fmtPercent(value: number): string {
  return `${Math.abs(value) < 1 && value !== 0 ? fmt2(value) : fmt(value)}%`;
}

/** The plural form agreeing with the number as it is shown: 20.04 reads «20 баллов», 23.5 «23,5 балла». */
export function plural(value: number, forms: PluralForms): string {
  return ruPlural(Number(fmt(value).replace(/\s/g, '').replace(',', '.').replace(MINUS, '-')), forms);
}

export const POINTS = ['балл', 'балла', 'баллов'] as const;
export const PARTICIPANTS = ['участник', 'участника', 'участников'] as const;
export const PUPILS = ['обучающийся', 'обучающихся', 'обучающихся'] as const;
export const SCHOOLS = ['школа', 'школы', 'школ'] as const;

/** «23,5 балла». */
export function count(value: number, forms: PluralForms): string {
  return `${fmt(value)} ${plural(value, forms)}`;
}

/** Tolerance for comparisons of computed decimals: 20.000000000000004 counts as 20. */
export const EPSILON = 1e-9;

export function greaterThan(a: number, b: number): boolean {
  return a - b > EPSILON;
}

export function atLeast(a: number, b: number): boolean {
  return a - b >= -EPSILON;
}

/** Rounds up to tenths, tolerating float noise: 3.6000000001 → 3,6, 3.61 → 3,7. */
export function ceilTenth(value: number): number {
  return Math.ceil(value * 10 - 1e-6) / 10;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
