import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endSentence, formatDate, formatDateTime, formatNumber, formatPercent, formatPlace, plural, pluralize, type PluralForms } from './ru';

const SCHOOL: PluralForms = ['школа', 'школы', 'школ'];
const NBSP = '\u00a0';

describe('formatNumber / formatPercent', () => {
  it('uses a decimal comma and a non-breaking group separator', () => {
    expect(formatNumber(41.2)).toBe('41,2');
    expect(formatNumber(1234.567)).toBe(`1${NBSP}234,57`);
    expect(formatNumber(5, 1)).toBe('5,0');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(null)).toBe('—');
  });

  it('prints shares as percents', () => {
    expect(formatPercent(0.412)).toBe(`41,2${NBSP}%`);
    expect(formatPercent(1)).toBe(`100${NBSP}%`);
    expect(formatPercent(0.12345, 2)).toBe(`12,35${NBSP}%`);
    expect(formatPercent(undefined)).toBe('—');
  });
});

describe('formatDate / formatDateTime', () => {
  it('keeps date-only strings as they are, whatever the time zone', () => {
    expect(formatDate('2016-10-31')).toBe('31.10.2016');
    expect(formatDate('2016-10-31', 'America/Los_Angeles')).toBe('31.10.2016');
  });

  it('shows instants in Moscow time by default', () => {
    const instant = new Date('2016-10-31T22:30:00Z');
    expect(formatDate(instant)).toBe('01.11.2016');
    expect(formatDate(instant, 'UTC')).toBe('31.10.2016');
    expect(formatDateTime(instant)).toBe('01.11.2016 01:30');
    expect(formatDateTime('2024-03-05T09:05:00+03:00')).toBe('05.03.2024 09:05');
  });

  it('prints a dash for missing or invalid dates', () => {
    expect(formatDate('не дата')).toBe('—');
    expect(formatDateTime(null)).toBe('—');
  });
});

describe('plural', () => {
  it.each([
    [0, 'школ'], [1, 'школа'], [2, 'школы'], [4, 'школы'], [5, 'школ'], [11, 'школ'], [12, 'школ'],
    [14, 'школ'], [20, 'школ'], [21, 'школа'], [22, 'школы'], [25, 'школ'], [101, 'школа'], [111, 'школ'],
    [112, 'школ'], [121, 'школа'], [1004, 'школы'], [-1, 'школа'], [1.5, 'школы'],
  ])('%d → %s', (n, form) => {
    expect(plural(n, SCHOOL)).toBe(form);
  });

  it('depends only on the last two digits', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(100), (n, hundreds) => {
        expect(plural(n, SCHOOL)).toBe(plural((n % 100) + hundreds * 100, SCHOOL));
      }),
    );
  });

  it('pluralize joins the formatted number and the form', () => {
    expect(pluralize(5, SCHOOL)).toBe('5 школ');
    expect(pluralize(1234, SCHOOL)).toBe(`1${NBSP}234 школы`);
  });
});

describe('signs, places and sentence ends', () => {
  it('writes negative numbers with the true minus and no sign on a rounded zero', () => {
    expect(formatNumber(-11.4, 1)).toBe('\u221211,4');
    expect(formatNumber(-1234.5)).toBe(`\u22121${NBSP}234,5`);
    expect(formatNumber(-0.04, 1)).toBe('0,0');
    expect(formatPercent(-0.114)).toBe(`\u221211,4${NBSP}%`);
    expect(formatNumber(-3)).not.toContain('-');
  });

  it('names a place among the ranked', () => {
    expect(formatPlace(15, 17)).toBe('Место 15 из 17');
    expect(formatPlace('4–5', 17)).toBe('Место 4–5 из 17');
  });

  it('ends a sentence after an abbreviation without a second dot', () => {
    expect(endSentence('Заречная обл.')).toBe('Заречная обл.');
    expect(endSentence('Берёзовский район')).toBe('Берёзовский район.');
    expect(endSentence('Что дальше?')).toBe('Что дальше?');
  });
});
