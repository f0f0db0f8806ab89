import { describe, expect, it } from 'vitest';
import { periodTitle, quarterRulesFor, yearFromQuarters } from './quarters';

const q = (quarter: number, value: number, numerator: number | null = null, denominator: number | null = null) => ({ quarter, value, numerator, denominator });

describe('year figure of a quarterly indicator', () => {
  it('«last»: the latest quarter entered, whatever the order, with its numerator and denominator', () => {
    expect(yearFromQuarters('last', 'percent', [q(3, 60, 3, 5), q(1, 40, 2, 5)])).toMatchObject({ value: 60, numerator: 3, denominator: 5, quarters: [1, 3] });
    expect(yearFromQuarters('last', 'percent', [q(3, 60, 3, 5), q(1, 40, 2, 5)])!.comment).toBe('Рассчитано по кварталам (I, III): значение III квартала.');
  });

  it('«sum»: quarters added; shares add numerators and denominators (× 100 for a percent)', () => {
    expect(yearFromQuarters('sum', 'count', [q(1, 3), q(2, 4), q(4, 5)])).toMatchObject({ value: 12, numerator: null, denominator: null, quarters: [1, 2, 4] });
    expect(yearFromQuarters('sum', 'percent', [q(1, 50, 1, 2), q(2, 100, 2, 2)])).toMatchObject({ value: 75, numerator: 3, denominator: 4 });
    expect(yearFromQuarters('sum', 'number', [q(1, 0.5, 1, 2), q(2, 1, 2, 2)])).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 });
    // One quarter without a share: the values are added.
    expect(yearFromQuarters('sum', 'number', [q(1, 0.5, 1, 2), q(2, 2)])).toMatchObject({ value: 2.5, numerator: null });
  });

  it('«mean»: the average of the quarters entered, to four digits', () => {
    expect(yearFromQuarters('mean', 'score', [q(1, 3), q(2, 4), q(3, 4)])).toMatchObject({ value: 3.6667, quarters: [1, 2, 3] });
  });

  it('no quarter, or only the year itself: no figure', () => {
    expect(yearFromQuarters('sum', 'count', [])).toBeNull();
    expect(yearFromQuarters('last', 'count', [q(0, 9)])).toBeNull();
  });

  it('rules a unit allows, and period titles with Roman quarters', () => {
    expect(quarterRulesFor('percent')).toEqual(['last', 'mean']);
    expect(quarterRulesFor('count')).toEqual(['last', 'sum']);
    expect(quarterRulesFor('boolean')).toEqual(['last']);
    expect(periodTitle(2026, 1)).toBe('I квартал 2026 года');
    expect(periodTitle(2026, 0)).toBe('2026 год');
  });
});
