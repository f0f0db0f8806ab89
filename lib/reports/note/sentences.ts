/**
 * The small pieces an analytical note is written from: counted nouns that agree with their numbers («1 школа,
 * 2 школы, 5 школ», «включена 1 школа», «включено 5 школ»), comparisons with the previous year («на 3 меньше, чем
 * в 2024 году», «столько же, сколько в 2024 году»), values with units («46,5 балла», «12,3 %»). ru-RU numbers with
 * the true minus and a decimal comma, dates dd.mm.yyyy. Pure functions, unit-tested.
 */
import { SCHOOLS } from '@/lib/classification/format';
import { formatDate, formatNumber, formatPercent, plural, pluralize, type PluralForms } from '@/lib/format/ru';

export { formatDate, formatNumber, formatPercent, plural, pluralize };

export const SCHOOL_FORMS: PluralForms = SCHOOLS;
/** After «из»: «из 1 школы», «из 5 школ», «из 21 школы». */
export const SCHOOLS_GENITIVE: PluralForms = ['школы', 'школ', 'школ'];
/** After «за»: «за 1 школой», «за 12 школами». */
export const SCHOOLS_INSTRUMENTAL: PluralForms = ['школой', 'школами', 'школами'];
export const POINT_FORMS: PluralForms = ['балл', 'балла', 'баллов'];
export const ACTIVITY_FORMS: PluralForms = ['мероприятие', 'мероприятия', 'мероприятий'];
export const ACTIVITIES_GENITIVE: PluralForms = ['мероприятия', 'мероприятий', 'мероприятий'];
export const INDICATORS_GENITIVE: PluralForms = ['показателя', 'показателей', 'показателей'];
export const PAIR_FORMS: PluralForms = ['партнёрская пара', 'партнёрские пары', 'партнёрских пар'];
export const PRACTICE_FORMS: PluralForms = ['практика', 'практики', 'практик'];
export const DECISION_FORMS: PluralForms = ['управленческое решение', 'управленческих решения', 'управленческих решений'];

/** «14 школ», «1 школа», «21 школа», «0 школ». */
export function schools(n: number): string {
  return pluralize(n, SCHOOL_FORMS);
}

/** A past-tense verb agreeing with a count of feminine nouns: «включена 1 школа», «включены 2 школы», «включено 5 школ». */
export function agree(n: number, forms: PluralForms): string {
  return plural(n, forms);
}

/** «в 2024 году». */
export function inYear(year: number): string {
  return `в ${year} году`;
}

/**
 * A count compared with the previous year's: «на 3 меньше, чем в 2024 году», «на 1 больше, чем в 2024 году»,
 * «столько же, сколько в 2024 году»; null when there is nothing to compare with.
 */
export function comparedWithYear(current: number, previous: number | null, previousYear: number): string | null {
  if (previous === null || !Number.isFinite(previous)) return null;
  const difference = current - previous;
  if (difference === 0) return `столько же, сколько ${inYear(previousYear)}`;
  const word = difference < 0 ? 'меньше' : 'больше';
  return `на ${formatNumber(Math.abs(difference))} ${word}, чем ${inYear(previousYear)}`;
}

/** A share of a whole as «79,2 %»; an em dash when the whole is zero. */
export function shareOf(part: number, whole: number): string {
  return whole > 0 ? formatPercent(part / whole) : formatPercent(null);
}

/** Results are read to one decimal: «46,5». */
function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * A result with its unit: «46,5 балла», «1 балл», «12,3 %», «3 чел.»; `points` for a difference of shares reads
 * «3,2 п. п.» (percentage points) instead of «%».
 */
export function quantity(value: number, unit: string, options: { difference?: boolean } = {}): string {
  const rounded = oneDecimal(value);
  const number = formatNumber(rounded, Number.isInteger(rounded) ? 0 : 1);
  const normalised = unit.trim().toLowerCase();
  if (normalised === 'балл' || normalised === 'баллы' || normalised === 'баллов') return `${number} ${plural(rounded, POINT_FORMS)}`;
  if (normalised === '%') return options.difference ? `${number} п.\u00a0п.` : `${number}\u00a0%`;
  return unit.trim() === '' ? number : `${number} ${unit.trim()}`;
}

/** «по региону» / «по муниципалитету» — the report's organisation as a whole. */
export function acrossOrganisation(level: 'region' | 'municipality'): string {
  return level === 'region' ? 'по региону' : 'по муниципалитету';
}

/** «в регионе» / «в муниципалитете». */
export function inOrganisation(level: 'region' | 'municipality'): string {
  return level === 'region' ? 'в регионе' : 'в муниципалитете';
}

/** The first letter in upper case: sentences that start with a generated phrase. */
export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toLocaleUpperCase('ru-RU') + text.slice(1);
}

/** «a», «a и b», «a, b и c». */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} и ${parts[parts.length - 1]}`;
}

/** A date as dd.mm.yyyy, or «без срока» when there is none. */
export function dateOrNone(date: Date | null, none = 'без срока'): string {
  return date ? formatDate(date) : none;
}
