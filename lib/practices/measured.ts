/**
 * Measured change beside a practice: what happened to a school's status and results after it started the
 * practice — its category by year from published classification runs (entered or left ШНОР), its gap to the
 * municipal mean in the judged subjects, and linked indicator values. Figures come from the portal's data with
 * their years and sources; this module only words and judges them. Pure.
 */
import { CATEGORY_NAMES, type Category } from '@/lib/classification/classify';
import { formatNumber } from '@/lib/format/ru';

export interface MeasuredYear {
  year: number;
  category: Category;
  municipalGap: number | null;
}

export const isShnor = (c: Category) => c === 'low_results' || c === 'both';

export interface ChangeSummary {
  /** The last year before the start and the latest year from the start on (null when missing). */
  before: MeasuredYear | null;
  after: MeasuredYear | null;
  sentences: string[];
  /** Left ШНОР, or the school's difference from the municipal mean rose by at least half a point. */
  improved: boolean;
}

const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatNumber(Math.abs(v))}`;

export function summariseChange(startYear: number | null, years: readonly MeasuredYear[]): ChangeSummary {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  if (startYear === null || sorted.length === 0) {
    return { before: null, after: null, sentences: sorted.length === 0 ? ['Опубликованных расчётов классификации по школе нет.'] : ['Год начала не указан: сравнить «до» и «после» нельзя.'], improved: false };
  }
  const before = [...sorted].reverse().find((y) => y.year < startYear) ?? null;
  const after = [...sorted].reverse().find((y) => y.year >= startYear) ?? null;
  const sentences: string[] = [];
  let improved = false;
  if (!before || !after) {
    sentences.push(before ? `После начала (${startYear}) опубликованных расчётов ещё нет.` : `До начала (${startYear}) опубликованных расчётов нет: сравнить «до» и «после» нельзя.`);
    return { before, after, sentences, improved };
  }
  const from = `${before.year}: ${CATEGORY_NAMES[before.category]}`;
  const to = `${after.year}: ${CATEGORY_NAMES[after.category]}`;
  if (isShnor(before.category) && !isShnor(after.category) && after.category !== 'insufficient_data') {
    sentences.push(`Вышла из ШНОР (${from} → ${to}).`);
    improved = true;
  } else if (!isShnor(before.category) && isShnor(after.category)) {
    sentences.push(`Вошла в ШНОР (${from} → ${to}).`);
  } else {
    sentences.push(`Категория: ${from} → ${to}.`);
  }
  if (before.municipalGap !== null && after.municipalGap !== null) {
    const delta = after.municipalGap - before.municipalGap;
    sentences.push(
      `Разрыв со средним по муниципалитету: ${signed(before.municipalGap)} (${before.year}) → ${signed(after.municipalGap)} (${after.year}), ${delta >= 0.5 ? 'школа приблизилась к среднему или обогнала его' : delta <= -0.5 ? 'школа отстала сильнее' : 'почти не изменился'}.`,
    );
    if (delta >= 0.5) improved = true;
  }
  return { before, after, sentences, improved };
}

/** The year a date (yyyy-mm-dd) falls in, or null. */
export function yearOf(date: string | null): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}
