/**
 * Geometry of the road-map timeline: the months of the period and, for an item, where its bar starts and how
 * wide it is, as percentages of the whole period (so plain HTML/CSS draws it, no script). Dates are ISO
 * `YYYY-MM-DD`; a bar outside the period is clipped to it, and a one-day item still gets a visible sliver.
 */
import { DEFAULT_TIME_ZONE } from '@/lib/format/ru';

const MONTH_SHORT = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const DAY_MS = 86_400_000;
const MIN_WIDTH = 0.4;

export interface TimelineMonth {
  year: number;
  /** 1…12 */
  month: number;
  label: string;
}

export interface BarGeometry {
  leftPercent: number;
  widthPercent: number;
  /** The item's period runs past the start / end of the road map's period. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export function timelineMonths(startYear: number, endYear: number): TimelineMonth[] {
  const months: TimelineMonth[] = [];
  for (let year = startYear; year <= endYear; year += 1) {
    for (let month = 1; month <= 12; month += 1) months.push({ year, month, label: MONTH_SHORT[month - 1] ?? '' });
  }
  return months;
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Null when the dates are unreadable or the item lies wholly outside the period. */
export function barGeometry(startYear: number, endYear: number, start: string, end: string): BarGeometry | null {
  const periodStart = dayNumber(`${startYear}-01-01`);
  const periodEnd = dayNumber(`${endYear + 1}-01-01`); // exclusive
  const from = dayNumber(start);
  const to = dayNumber(end) + 1; // the end day is included
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= periodStart || from >= periodEnd) return null;
  const total = periodEnd - periodStart;
  const left = ((Math.max(from, periodStart) - periodStart) / total) * 100;
  const right = ((Math.min(to, periodEnd) - periodStart) / total) * 100;
  const width = Math.max(MIN_WIDTH, right - left);
  return {
    leftPercent: round(Math.min(left, 100 - width)),
    widthPercent: round(width),
    clippedStart: from < periodStart,
    clippedEnd: to > periodEnd,
  };
}

/** Where «today» falls on the timeline, or null outside the period. */
export function todayPercent(startYear: number, endYear: number, todayIso: string): number | null {
  const geometry = barGeometry(startYear, endYear, todayIso, todayIso);
  return geometry && !geometry.clippedStart && !geometry.clippedEnd ? geometry.leftPercent : null;
}

/** Today's calendar date in Moscow as `YYYY-MM-DD` (the portal's time zone). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: DEFAULT_TIME_ZONE }).format(now);
}
