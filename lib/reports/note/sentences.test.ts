import { describe, expect, it } from 'vitest';
import { agree, comparedWithYear, joinAnd, quantity, schools, shareOf } from './sentences';

const NBSP = '\u00a0';

describe('schools', () => {
  it.each([
    [0, '0 школ'],
    [1, '1 школа'],
    [2, '2 школы'],
    [5, '5 школ'],
    [11, '11 школ'],
    [21, '21 школа'],
    [22, '22 школы'],
    [1001, `1${NBSP}001 школа`],
  ])('%d → %s', (n, text) => {
    expect(schools(n)).toBe(text);
  });

  it('agrees the verb with the count', () => {
    const forms = ['включена', 'включены', 'включено'] as const;
    expect([1, 2, 5, 11, 21, 0].map((n) => agree(n, forms))).toEqual(['включена', 'включены', 'включено', 'включено', 'включена', 'включено']);
  });
});

describe('comparedWithYear', () => {
  it('says how many fewer or more, and equal as «столько же»', () => {
    expect(comparedWithYear(14, 17, 2024)).toBe('на 3 меньше, чем в 2024 году');
    expect(comparedWithYear(3, 2, 2024)).toBe('на 1 больше, чем в 2024 году');
    expect(comparedWithYear(7, 7, 2024)).toBe('столько же, сколько в 2024 году');
    expect(comparedWithYear(1234, 0, 2023)).toBe(`на 1${NBSP}234 больше, чем в 2023 году`);
  });

  it('has nothing to say without a previous year', () => {
    expect(comparedWithYear(14, null, 2024)).toBeNull();
  });
});

describe('quantity', () => {
  it('writes points with the agreeing noun and one decimal', () => {
    expect(quantity(46, 'балл')).toBe('46 баллов');
    expect(quantity(1, 'балл')).toBe('1 балл');
    expect(quantity(55.14, 'балл')).toBe('55,1 балла');
    expect(quantity(22, 'балл')).toBe('22 балла');
    expect(quantity(-2.5, 'балл')).toBe('\u22122,5 балла');
  });

  it('writes percents, and differences of percents as percentage points', () => {
    expect(quantity(63.25, '%')).toBe(`63,3${NBSP}%`);
    expect(quantity(8.75, '%', { difference: true })).toBe(`8,8 п.${NBSP}п.`);
    expect(quantity(3, 'чел.')).toBe('3 чел.');
  });
});

describe('shareOf / joinAnd', () => {
  it('prints a share with a decimal comma, a dash for an empty whole', () => {
    expect(shareOf(95, 120)).toBe(`79,2${NBSP}%`);
    expect(shareOf(0, 0)).toBe('—');
  });

  it('joins with commas and «и»', () => {
    expect(joinAnd([])).toBe('');
    expect(joinAnd(['а'])).toBe('а');
    expect(joinAnd(['а', 'б', 'в'])).toBe('а, б и в');
  });
});
