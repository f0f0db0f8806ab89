import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from './period-options';

describe('the entry screens’ period from the address', () => {
  const now = new Date(2026, 11, 5);

  it('keeps a valid year and quarter', () => {
    expect(parsePeriod({ year: '2025', quarter: '3' }, now)).toEqual({ year: 2025, quarter: 3 });
    expect(parsePeriod({ year: '2025', quarter: '0' }, now)).toEqual({ year: 2025, quarter: 0 });
  });

  it('falls back to the current year and the whole year for anything else', () => {
    expect(parsePeriod({}, now)).toEqual({ year: 2026, quarter: 0 });
    expect(parsePeriod({ year: 'abc', quarter: '5' }, now)).toEqual({ year: 2026, quarter: 0 });
    expect(parsePeriod({ year: '1999', quarter: '1.5' }, now)).toEqual({ year: 2026, quarter: 0 });
    expect(parsePeriod({ year: ['2025', '2024'], quarter: ['2'] }, now)).toEqual({ year: 2026, quarter: 2 });
    // An object whose conversion to a number throws (found by the property below) falls back too.
    expect(parsePeriod({ year: { toString: 0 }, quarter: null }, now)).toEqual({ year: 2026, quarter: 0 });
  });

  it('never yields a year outside 2000–2100 or a quarter outside 0–4', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (year, quarter) => {
        const period = parsePeriod({ year, quarter }, now);
        return Number.isInteger(period.year) && period.year >= 2000 && period.year <= 2100 && [0, 1, 2, 3, 4].includes(period.quarter);
      }),
    );
  });
});
