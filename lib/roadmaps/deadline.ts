/**
 * Russian deadline normaliser: turns the «Сроки» cell of a road map, as written, into a period of calendar time.
 * `normaliseDeadline` never throws and always returns start ≤ end (both ISO `YYYY-MM-DD`) or both null.
 * Decisions (the text alone is ambiguous, so they are made here once):
 * - «До 01.04.2021» (also «к», «не позднее») is a deadline: start = start of the road map's period, end = that date;
 *   «до 2022 года» / «до мая» include the named year / month (end = its last day).
 * - A date, month or quarter without a year takes the first year of the period; in a multi-year period a bare
 *   month («Сентябрь», «Ноябрь- декабрь») means every year of the period and is recurring.
 * - «ежегодно» alone = the whole period, recurring. With a named time («Август ежегодно») the start is its first
 *   occurrence, the end its last. A named year is the first occurrence («4 квартал 2022 года и ежегодно») unless
 *   it is the last year of the period or later («ежегодно, Ноябрь 2023 года»), then it is the last occurrence.
 * - «В течение всего периода», «Весь период», «В течение года», «постоянно» = the whole period, not recurring.
 * - Text without any date: a known no-date phrase («при возможности», «По согласованию», …) or empty → `none`;
 *   anything else → `unknown`. Both have no period and can never be overdue; every other kind can, once its end
 *   has passed (`isOverdue`).
 */
import { AppError } from '@/lib/errors';
import { formatIsoDate, formatYears, spanLabelWithoutYear, spansLabel } from './deadline-label';
import {
  isoDate,
  parseSpans,
  resolveYears,
  shiftYears,
  spanEnd,
  spanStart,
  type ResolvedSpan,
} from './deadline-spans';
import { impossibleDates, normaliseDeadlineText, tokeniseDeadline } from './deadline-tokens';
import { CLOSED_ITEM_STATUSES, type ItemStatus } from './status';

export type DeadlineKind =
  | 'date' // one day: «01.03 2021»
  | 'by_date' // a deadline: «До 01.04.2021»
  | 'month' // «ноябрь 2021 года»
  | 'months' // ranges and lists of months: «Март – август 2021», «Март, ноябрь»
  | 'quarter' // «2 квартал 2022года»
  | 'half_year' // «1 полугодие 2022»
  | 'year' // «2021 год», «2021-2023 годы»
  | 'range' // anything else with both ends known: «01.03–15.04.2021»
  | 'whole_period' // «В течение всего периода»
  | 'recurring' // «ежегодно», «Август ежегодно», a bare month in a multi-year period
  | 'manual' // set by hand by a user
  | 'none' // deliberately no date: «по согласованию», empty cell
  | 'unknown'; // text the normaliser could not read

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  date: 'дата',
  by_date: 'срок «до»',
  month: 'месяц',
  months: 'месяцы',
  quarter: 'квартал',
  half_year: 'полугодие',
  year: 'год',
  range: 'период',
  whole_period: 'весь период',
  recurring: 'ежегодно',
  manual: 'задан вручную',
  none: 'без срока',
  unknown: 'срок не распознан',
};

export interface RoadmapPeriod {
  startYear: number;
  endYear: number;
}

export interface NormalisedDeadline {
  kind: DeadlineKind;
  /** ISO date `YYYY-MM-DD`, or null for `none` / `unknown`. */
  start: string | null;
  end: string | null;
  recurringYearly: boolean;
  canBeOverdue: boolean;
  /** Short Russian description, e.g. «до 01.04.2021», «март–август 2021». */
  label: string;
}

const RECURRING_RE = /ежегодн|ежекварт|ежемесяч|еженедел|ежедневн|кажд(ый|ого) (год|квартал|месяц)/;
const WHOLE_PERIOD_RE = new RegExp(
  [
    '(весь|всего|всей) (период|срок)',
    'в течение (всего )?(учебного |календарного )?года',
    'в течение (всего )?(срока|реализации)',
    'постоянно',
    'на протяжении',
  ].join('|'),
);
/** Compared with the text stripped to its letters, so «при возможно сти» (a broken Word line) still matches. */
const NO_DATE_MARKERS = [
  'привозможност',
  'поплану',
  'пографику',
  'помере',
  'посогласовани',
  'понеобходимост',
  'позапрос',
  'поотдельному',
  'поутвержденному',
  'безсрок',
];

function sanePeriod(period: RoadmapPeriod): RoadmapPeriod {
  const fallback = new Date().getUTCFullYear();
  const clamp = (year: unknown) =>
    typeof year === 'number' && Number.isFinite(year) ? Math.min(9999, Math.max(1000, Math.trunc(year))) : null;
  const start = clamp(period?.startYear) ?? clamp(period?.endYear) ?? fallback;
  const end = clamp(period?.endYear) ?? start;
  return { startYear: Math.min(start, end), endYear: Math.max(start, end) };
}

function result(
  kind: DeadlineKind,
  start: string | null,
  end: string | null,
  label: string,
  recurringYearly = false,
): NormalisedDeadline {
  if (start === null || end === null) {
    return { kind, start: null, end: null, recurringYearly, canBeOverdue: false, label };
  }
  const [first, last] = start <= end ? [start, end] : [end, start];
  return { kind, start: first, end: last, recurringYearly, canBeOverdue: true, label };
}

function minIso(values: string[]): string {
  return values.reduce((a, b) => (b < a ? b : a));
}

function maxIso(values: string[]): string {
  return values.reduce((a, b) => (b > a ? b : a));
}

function spanCategory(span: ResolvedSpan): DeadlineKind {
  const { from, to } = span;
  if (from.unit !== to.unit) return 'range';
  const single = spanStart(span).slice(0, 7) === spanEnd(span).slice(0, 7);
  switch (from.unit) {
    case 'date':
      return spanStart(span) === spanEnd(span) ? 'date' : 'range';
    case 'month':
      return single ? 'month' : 'months';
    case 'quarter':
      return 'quarter';
    case 'half':
      return 'half_year';
    default:
      return 'year';
  }
}

function combinedKind(spans: ResolvedSpan[]): DeadlineKind {
  const kinds = new Set(spans.map(spanCategory));
  if ([...kinds].every((kind) => kind === 'month' || kind === 'months')) {
    return spans.length === 1 && kinds.has('month') ? 'month' : 'months';
  }
  if (kinds.size > 1) return 'range';
  const [only] = [...kinds];
  return only === 'date' && spans.length > 1 ? 'range' : (only ?? 'range');
}

/** First and last occurrence of a yearly span within the period (see the module comment). */
function occurrences(span: ResolvedSpan, period: RoadmapPeriod): ResolvedSpan[] {
  if (!span.explicitYear) {
    return [span, shiftYears(span, Math.max(0, period.endYear - span.to.year))];
  }
  if (span.from.year >= period.endYear) {
    return [shiftYears(span, Math.min(0, period.startYear - span.from.year)), span];
  }
  return [span, shiftYears(span, Math.max(0, period.endYear - span.to.year))];
}

/** «ежегодно», or «ежемесячно» / «ежеквартально» when the text says so (still recurring every year). */
function recurrenceWord(normalised: string): string {
  if (normalised.includes('ежемесяч')) return 'ежемесячно';
  if (normalised.includes('ежекварт')) return 'ежеквартально';
  return 'ежегодно';
}

function recurringDeadline(spans: ResolvedSpan[], period: RoadmapPeriod, word: string): NormalisedDeadline {
  const periodStart = isoDate(period.startYear, 1, 1);
  const untilSpans = spans.filter((span) => span.until);
  if (untilSpans.length > 0) {
    const end = maxIso(untilSpans.map(spanEnd));
    return result('recurring', minIso([periodStart, end]), end, `${word} до ${formatIsoDate(end)}`, true);
  }
  const all = spans.flatMap((span) => occurrences(span, period));
  const start = minIso(all.map(spanStart));
  const end = maxIso(all.map(spanEnd));
  const named = spans.map(spanLabelWithoutYear).filter((label): label is string => label !== null);
  const what = named.length > 0 ? `: ${[...new Set(named)].join(', ')}` : '';
  const years = formatYears(Number(start.slice(0, 4)), Number(end.slice(0, 4)));
  return result('recurring', start, end, `${word}${what}, ${years}`, true);
}

export function normaliseDeadline(text: string, period: RoadmapPeriod): NormalisedDeadline {
  const safe = sanePeriod(period);
  const normalised = normaliseDeadlineText(typeof text === 'string' ? text : '');
  const periodStart = isoDate(safe.startYear, 1, 1);
  const periodEnd = isoDate(safe.endYear, 12, 31);
  const periodYears = formatYears(safe.startYear, safe.endYear);

  const spans = resolveYears(parseSpans(tokeniseDeadline(normalised)), safe.startYear);
  const multiYear = safe.endYear > safe.startYear;
  const yearlessInMultiYear = multiYear && spans.length > 0 && spans.every((span) => !span.explicitYear && !span.until);
  const recurring = RECURRING_RE.test(normalised) || yearlessInMultiYear;

  if (spans.length === 0) {
    const label = `${recurrenceWord(normalised)}, ${periodYears}`;
    if (recurring) return result('recurring', periodStart, periodEnd, label, true);
    if (WHOLE_PERIOD_RE.test(normalised)) {
      return result('whole_period', periodStart, periodEnd, `весь период (${periodYears})`);
    }
    const letters = normalised.replace(/[^а-яa-z]/g, '');
    const blank = !/[а-яa-z0-9]/.test(normalised); // «», «—», «-»: nothing written
    if (blank || NO_DATE_MARKERS.some((marker) => letters.includes(marker))) {
      return result('none', null, null, DEADLINE_KIND_LABELS.none);
    }
    return result('unknown', null, null, DEADLINE_KIND_LABELS.unknown);
  }
  if (recurring) return recurringDeadline(spans, safe, recurrenceWord(normalised));

  const ends = spans.map(spanEnd);
  const end = maxIso(ends);
  if (spans.some((span) => span.until)) {
    const starts = spans.filter((span) => !span.until).map(spanStart);
    return result('by_date', minIso([periodStart, end, ...starts]), end, `до ${formatIsoDate(end)}`);
  }
  return result(combinedKind(spans), minIso(spans.map(spanStart)), end, spansLabel(spans));
}

/**
 * What is wrong with a deadline as written, for the import preview: a date the calendar does not have
 * («31.13.2027»), which would otherwise leave the item silently without a period. Null when nothing is.
 */
export function deadlineWarning(text: string): string | null {
  const impossible = impossibleDates(typeof text === 'string' ? text : '');
  if (impossible.length === 0) return null;
  const dates = impossible.map((d) => `«${d}»`).join(', ');
  return `Срок «${text.trim()}»: ${impossible.length === 1 ? `даты ${dates} нет` : `дат ${dates} нет`} в календаре. Исправьте срок в таблице или задайте период вручную после импорта.`;
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE_RE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && isoDate(year, month, day) === value;
}

/** A period set by hand (the user's override of the normalised one). Rejects invalid or reversed dates. */
export function manualDeadline(start: string, end: string): NormalisedDeadline {
  const issues = [
    isValidIsoDate(start) ? null : { field: 'deadlineStart', message: 'Укажите дату начала в формате ГГГГ-ММ-ДД.' },
    isValidIsoDate(end) ? null : { field: 'deadlineEnd', message: 'Укажите дату окончания в формате ГГГГ-ММ-ДД.' },
  ].filter((issue) => issue !== null);
  if (issues.length === 0 && start > end) {
    issues.push({ field: 'deadlineEnd', message: 'Дата окончания раньше даты начала.' });
  }
  if (issues.length > 0) throw new AppError('validation', undefined, issues);
  const label = start === end ? formatIsoDate(start) : `${formatIsoDate(start)} – ${formatIsoDate(end)}`;
  return result('manual', start, end, label);
}

export function todayIso(today: Date | string): string {
  if (typeof today === 'string') return today.slice(0, 10);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

/**
 * Derived, never stored: the deadline has passed (its end is before today) and the item is neither done nor
 * cancelled. `today` is an ISO date or a Date (its local calendar day is used).
 */
export function isOverdue(
  deadline: Pick<NormalisedDeadline, 'canBeOverdue' | 'end'>,
  status: ItemStatus,
  today: Date | string,
): boolean {
  if (!deadline.canBeOverdue || deadline.end === null) return false;
  if (CLOSED_ITEM_STATUSES.has(status)) return false;
  return deadline.end < todayIso(today);
}
