import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDeadline, type NormalisedDeadline, type RoadmapPeriod } from './deadline';

const ISO_RE = /^\d{4}-\d{2}-\d{2}$/;

function isRealIsoDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return ISO_RE.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function expectWellFormed(result: NormalisedDeadline): void {
  if (result.start === null || result.end === null) {
    expect(result.start).toBeNull();
    expect(result.end).toBeNull();
    expect(result.canBeOverdue).toBe(false);
    expect(['none', 'unknown']).toContain(result.kind);
  } else {
    expect(isRealIsoDate(result.start)).toBe(true);
    expect(isRealIsoDate(result.end)).toBe(true);
    expect(result.start <= result.end).toBe(true);
    expect(result.canBeOverdue).toBe(true);
  }
  expect(result.label.length).toBeGreaterThan(0);
}

const periodArbitrary: fc.Arbitrary<RoadmapPeriod> = fc.record({
  startYear: fc.integer({ min: 2000, max: 2040 }),
  endYear: fc.integer({ min: 2000, max: 2040 }),
});

const MONTH_WORDS = [
  ['январь', 'января', 'январе', 'янв.'],
  ['февраль', 'февраля', 'феврале', 'фев.'],
  ['март', 'марта', 'марте', 'мар.'],
  ['апрель', 'апреля', 'апреле', 'апр.'],
  ['май', 'мая', 'мае', 'Май'],
  ['июнь', 'июня', 'июне', 'июн.'],
  ['июль', 'июля', 'июле', 'июл.'],
  ['август', 'августа', 'августе', 'авг.'],
  ['сентябрь', 'сентября', 'сентябре', 'сент.'],
  ['октябрь', 'октября', 'октябре', 'окт.'],
  ['ноябрь', 'ноября', 'ноябре', 'нояб.'],
  ['декабрь', 'декабря', 'декабре', 'дек.'],
];

const dashArbitrary = fc.constantFrom('-', '–', '—', ' - ', '- ', ' – ', '‑');
const yearSuffixArbitrary = fc.constantFrom('', ' г.', 'г', ' года', 'г.', ' год');

const monthArbitrary = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 }), fc.boolean())
  .map(([month, form, upper]) => {
    const word = MONTH_WORDS[month - 1]?.[form] ?? '';
    return { month, word: upper ? word.charAt(0).toUpperCase() + word.slice(1) : word };
  });

const yearArbitrary = fc.integer({ min: 2000, max: 2040 });

function lastDay(year: number, month: number): string {
  return String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0');
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Valid phrases with the period they must yield. */
const phraseArbitrary: fc.Arbitrary<{ text: string; start: string; end: string }> = fc.oneof(
  fc.tuple(monthArbitrary, yearArbitrary, yearSuffixArbitrary).map(([{ month, word }, year, suffix]) => ({
    text: `${word} ${year}${suffix}`,
    start: `${year}-${pad(month)}-01`,
    end: `${year}-${pad(month)}-${lastDay(year, month)}`,
  })),
  fc
    .tuple(monthArbitrary, dashArbitrary, monthArbitrary, yearArbitrary, yearSuffixArbitrary)
    .map(([from, dash, to, year, suffix]) => {
      const fromYear = from.month > to.month ? year - 1 : year;
      return {
        text: `${from.word}${dash}${to.word} ${year}${suffix}`,
        start: `${fromYear}-${pad(from.month)}-01`,
        end: `${year}-${pad(to.month)}-${lastDay(year, to.month)}`,
      };
    }),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom(' квартал', ' кв.', '-й квартал', ' квартале'), yearArbitrary)
    .map(([quarter, word, year]) => ({
      text: `${quarter}${word} ${year} года`,
      start: `${year}-${pad(quarter * 3 - 2)}-01`,
      end: `${year}-${pad(quarter * 3)}-${lastDay(year, quarter * 3)}`,
    })),
  fc
    .tuple(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }), fc.boolean())
    .map(([date, spaced]) => {
      const iso = date.toISOString().slice(0, 10);
      const [year, month, day] = iso.split('-');
      return { text: `${day}.${month}${spaced ? ' ' : '.'}${year}`, start: iso, end: iso };
    }),
  fc.tuple(yearArbitrary, dashArbitrary, fc.integer({ min: 0, max: 5 })).map(([year, dash, length]) => ({
    text: `${year}${dash}${year + length} годы`,
    start: `${year}-01-01`,
    end: `${year + length}-12-31`,
  })),
);

describe('normaliseDeadline properties', () => {
  it('never throws and keeps start ≤ end for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), periodArbitrary, (text, period) => {
        expectWellFormed(normaliseDeadline(text, period));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on strings built from deadline vocabulary', () => {
    const pieces = fc.constantFrom(
      'до', 'по', 'к', 'ежегодно', 'квартал', 'полугодие', 'март', 'ноября', 'дек.', '-', '–', ',', ' ', '.', '1', '12',
      '31', '29.02', '2021', '2024', '1990', '2101', 'ii', 'iv', 'года', 'в течение', 'всего периода', 'при возможности',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), periodArbitrary, (parts, period) => {
        expectWellFormed(normaliseDeadline(parts.join(' '), period));
        expectWellFormed(normaliseDeadline(parts.join(''), period));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on a broken period', () => {
    const badYear = fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY));
    fc.assert(
      fc.property(fc.string(), badYear, badYear, (text, startYear, endYear) => {
        expectWellFormed(normaliseDeadline(text, { startYear, endYear }));
      }),
    );
  });

  it('reads generated valid phrases exactly', () => {
    fc.assert(
      fc.property(phraseArbitrary, periodArbitrary, ({ text, start, end }, period) => {
        const result = normaliseDeadline(text, period);
        expectWellFormed(result);
        expect({ start: result.start, end: result.end }).toEqual({ start, end });
        expect(result.recurringYearly).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('marks every valid phrase with «ежегодно» as recurring, within or around its own dates', () => {
    fc.assert(
      fc.property(phraseArbitrary, periodArbitrary, fc.boolean(), ({ text }, period, before) => {
        const result = normaliseDeadline(before ? `ежегодно, ${text}` : `${text} и ежегодно`, period);
        expectWellFormed(result);
        expect(result.kind).toBe('recurring');
        expect(result.recurringYearly).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
