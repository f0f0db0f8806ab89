/**
 * Short Russian descriptions of normalised deadlines: «март–август 2021», «ноябрь 2021 – март 2022»,
 * «2 квартал 2022», «до 01.04.2021», «ежегодно: август, 2021–2023», «весь период (2021–2023)».
 * Used in the road-map table, the timeline and exports, so the user sees how the portal read the deadline text.
 */
import type { Endpoint, ResolvedSpan } from './deadline-spans';

const MONTH_NAMES = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** `2021-04-01` → `01.04.2021`. */
export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

export function formatYears(fromYear: number, toYear: number): string {
  return fromYear === toYear ? String(fromYear) : `${fromYear}–${toYear}`;
}

function endpointWithoutYear(endpoint: Endpoint, side: 'from' | 'to'): string {
  switch (endpoint.unit) {
    case 'quarter':
      return `${endpoint.toMonth / 3} квартал`;
    case 'half':
      return `${endpoint.toMonth / 6} полугодие`;
    case 'year':
      return '';
    default:
      return monthName(side === 'from' ? endpoint.fromMonth : endpoint.toMonth);
  }
}

function dateLabel(endpoint: Endpoint & { year: number }): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(endpoint.day ?? 1)}.${pad(endpoint.fromMonth)}.${endpoint.year}`;
}

/** The span's label without its year(s), or null when the year is all there is (a whole year). */
export function spanLabelWithoutYear(span: ResolvedSpan): string | null {
  if (span.from.unit === 'year') return null;
  const from = endpointWithoutYear(span.from, 'from');
  const to = endpointWithoutYear(span.to, 'to');
  if (span.from === span.to || from === to) return from;
  const numbered = span.from.unit === span.to.unit && (span.from.unit === 'quarter' || span.from.unit === 'half');
  if (numbered) return `${from.split(' ')[0]}–${to}`; // «1–2 квартал»
  return `${from}–${to}`;
}

export function spanYears(span: ResolvedSpan): string {
  return formatYears(span.from.year, span.to.year);
}

export function spanLabel(span: ResolvedSpan): string {
  const { from, to } = span;
  if (from.unit === 'date' || to.unit === 'date') {
    const fromLabel = from.unit === 'date' ? dateLabel(from) : `${endpointWithoutYear(from, 'from')} ${from.year}`;
    const toLabel = to.unit === 'date' ? dateLabel(to) : `${endpointWithoutYear(to, 'to')} ${to.year}`;
    return fromLabel === toLabel ? fromLabel : `${fromLabel} – ${toLabel}`;
  }
  const withoutYear = spanLabelWithoutYear(span);
  if (withoutYear === null) return spanYears(span);
  if (from.year === to.year) return `${withoutYear} ${from.year}`;
  return `${endpointWithoutYear(from, 'from')} ${from.year} – ${endpointWithoutYear(to, 'to')} ${to.year}`;
}

/** «март, апрель–октябрь 2021» when every span lies in one year and has no dates; one label per span otherwise. */
export function spansLabel(spans: ResolvedSpan[]): string {
  const years = new Set(spans.flatMap((span) => [span.from.year, span.to.year]));
  const hasDates = spans.some((span) => span.from.unit === 'date' || span.to.unit === 'date');
  const parts = spans.map(spanLabelWithoutYear);
  if (years.size === 1 && !hasDates && parts.every((part) => part !== null)) {
    return `${parts.join(', ')} ${[...years][0]}`;
  }
  return spans.map(spanLabel).join(', ');
}
