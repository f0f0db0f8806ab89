/**
 * From deadline tokens to spans of calendar time. An endpoint is a date, a month, a quarter or a half-year with an
 * optional year right after it; two endpoints joined by a dash (or «по») form a range; a year alone is a whole
 * year, «2021-2023» a range of years. A yearless endpoint takes the year of the nearest span after it that has
 * one («Март, апрель-октябрь 2022» → март 2022), else of the nearest before it, else the caller's default. A range
 * whose first month comes after its last crosses New Year («ноябрь- март 2022г.» → ноябрь 2021 – март 2022).
 */
import { daysInMonth, type Token } from './deadline-tokens';

export type EndpointUnit = 'date' | 'month' | 'quarter' | 'half' | 'year';

export interface Endpoint {
  unit: EndpointUnit;
  /** First and last month covered (1–12). */
  fromMonth: number;
  toMonth: number;
  /** Day for `date` endpoints. */
  day?: number;
  year?: number;
}

export interface Span {
  from: Endpoint;
  to: Endpoint;
  /** Preceded by «до», «к», «не позднее»: a deadline, not an interval. */
  until: boolean;
}

export interface ResolvedSpan {
  from: Endpoint & { year: number };
  to: Endpoint & { year: number };
  until: boolean;
  /** The text named a year for this span (as opposed to the default year). */
  explicitYear: boolean;
}

function endpointOf(token: Token): Endpoint | null {
  switch (token.t) {
    case 'date':
      return { unit: 'date', fromMonth: token.m, toMonth: token.m, day: token.d, year: token.y };
    case 'month':
      return { unit: 'month', fromMonth: token.m, toMonth: token.m, year: token.y };
    case 'quarter':
      return { unit: 'quarter', fromMonth: token.q * 3 - 2, toMonth: token.q * 3 };
    case 'half':
      return { unit: 'half', fromMonth: token.h * 6 - 5, toMonth: token.h * 6 };
    case 'year':
      return { unit: 'year', fromMonth: 1, toMonth: 12, year: token.y };
    default:
      return null;
  }
}

/** Reads one endpoint at `index`, absorbing a year token that follows a yearless date/month/quarter. */
function readEndpoint(tokens: Token[], index: number): { endpoint: Endpoint; next: number } | null {
  const token = tokens[index];
  const endpoint = token ? endpointOf(token) : null;
  if (!endpoint) return null;
  const following = tokens[index + 1];
  if (endpoint.unit !== 'year' && endpoint.year === undefined && following?.t === 'year') {
    return { endpoint: { ...endpoint, year: following.y }, next: index + 2 };
  }
  return { endpoint, next: index + 1 };
}

export function parseSpans(tokens: Token[]): Span[] {
  const spans: Span[] = [];
  let until = false;
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (token?.t === 'until') {
      until = true;
      index += 1;
      continue;
    }
    const first = readEndpoint(tokens, index);
    if (!first) {
      index += 1;
      continue;
    }
    const second = tokens[first.next]?.t === 'dash' ? readEndpoint(tokens, first.next + 1) : null;
    const rangeAllowed = second !== null && (first.endpoint.unit === 'year') === (second.endpoint.unit === 'year');
    if (second && rangeAllowed) {
      spans.push({ from: first.endpoint, to: second.endpoint, until });
      index = second.next;
    } else {
      spans.push({ from: first.endpoint, to: first.endpoint, until });
      index = first.next;
    }
    until = false;
  }
  return spans;
}

function crossesNewYear(span: Span): boolean {
  if (span.from.fromMonth !== span.to.toMonth) return span.from.fromMonth > span.to.toMonth;
  return (span.from.day ?? 1) > (span.to.day ?? 31);
}

/** The year of a span as seen by its yearless neighbours. */
function knownYear(span: Span, side: 'start' | 'end'): number | undefined {
  return side === 'start' ? (span.from.year ?? span.to.year) : (span.to.year ?? span.from.year);
}

function withYears(span: Span, year: number, role: 'start' | 'end', explicitYear: boolean): ResolvedSpan {
  const cross = crossesNewYear(span) ? 1 : 0;
  let fromYear = span.from.year;
  let toYear = span.to.year;
  if (fromYear === undefined && toYear === undefined) {
    fromYear = role === 'start' ? year : year - cross;
    toYear = fromYear + cross;
  } else if (fromYear === undefined) {
    fromYear = (toYear as number) - cross;
  } else if (toYear === undefined) {
    toYear = fromYear + cross;
  }
  return {
    from: { ...span.from, year: fromYear },
    to: { ...span.to, year: toYear ?? fromYear },
    until: span.until,
    explicitYear,
  };
}

/** Gives every span concrete years (see the module comment for the rule). */
export function resolveYears(spans: Span[], defaultYear: number): ResolvedSpan[] {
  return spans.map((span, index) => {
    const own = knownYear(span, 'start');
    if (own !== undefined) return withYears(span, own, 'start', true);
    const after = spans.slice(index + 1).find((other) => knownYear(other, 'start') !== undefined);
    if (after) return withYears(span, knownYear(after, 'start') as number, 'end', true);
    const before = spans
      .slice(0, index)
      .reverse()
      .find((other) => knownYear(other, 'end') !== undefined);
    if (before) return withYears(span, knownYear(before, 'end') as number, 'start', true);
    return withYears(span, defaultYear, 'start', false);
  });
}

export function shiftYears(span: ResolvedSpan, years: number): ResolvedSpan {
  return {
    ...span,
    from: { ...span.from, year: span.from.year + years },
    to: { ...span.to, year: span.to.year + years },
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function isoDate(year: number, month: number, day: number): string {
  const safeYear = Math.min(9999, Math.max(1, Math.trunc(year)));
  const safeDay = Math.min(day, daysInMonth(safeYear, month));
  return `${pad(safeYear, 4)}-${pad(month, 2)}-${pad(safeDay, 2)}`;
}

export function spanStart(span: ResolvedSpan): string {
  return isoDate(span.from.year, span.from.fromMonth, span.from.day ?? 1);
}

export function spanEnd(span: ResolvedSpan): string {
  const { year, toMonth, day } = span.to;
  return isoDate(year, toMonth, day ?? daysInMonth(year, toMonth));
}
