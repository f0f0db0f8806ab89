import { describe, expect, it } from 'vitest';
import { checkCell, outlierReason } from './values';

describe('checkCell', () => {
  it('accepts a percent in 0–100 and refuses outside with the figure in the message', () => {
    expect(checkCell({ unit: 'percent', value: 0 }).errors).toEqual([]);
    expect(checkCell({ unit: 'percent', value: 100 }).errors).toEqual([]);
    expect(checkCell({ unit: 'percent', value: 100.5 }, 'Показатель 11, МКОУ «Осиновская ООШ»').errors).toEqual([
      'Показатель 11, МКОУ «Осиновская ООШ»: процент от 0 до 100, указано 100,5',
    ]);
    expect(checkCell({ unit: 'percent', value: -1 }).errors[0]).toContain('процент от 0 до 100');
  });

  it('computes a percent from numerator and denominator, and checks they agree when both given', () => {
    expect(checkCell({ unit: 'percent', value: null, numerator: 3, denominator: 4 })).toEqual({ value: 75, errors: [] });
    expect(checkCell({ unit: 'percent', value: 75.04, numerator: 3, denominator: 4 }).errors).toEqual([]);
    expect(checkCell({ unit: 'percent', value: 70, numerator: 3, denominator: 4 }).errors[0]).toBe('Значение: 70 не равно 3 из 4 (75)');
  });

  it('numerator above denominator, zero denominator, one of the pair missing are errors', () => {
    expect(checkCell({ unit: 'percent', value: null, numerator: 5, denominator: 4 }).errors).toContain('Значение: числитель (5) больше знаменателя (4)');
    expect(checkCell({ unit: 'percent', value: null, numerator: 0, denominator: 0 }).errors).toContain('Значение: знаменатель должен быть больше нуля');
    expect(checkCell({ unit: 'percent', value: 50, numerator: 2, denominator: null }).errors).toEqual(['Значение: укажите и числитель, и знаменатель']);
  });

  it('counts are whole and not negative; yes/no is 0 or 1; an empty cell asks for a value', () => {
    expect(checkCell({ unit: 'count', value: 2.5 }).errors[0]).toContain('целое неотрицательное');
    expect(checkCell({ unit: 'count', value: -1 }).errors[0]).toContain('целое неотрицательное');
    expect(checkCell({ unit: 'count', value: 7 }).errors).toEqual([]);
    expect(checkCell({ unit: 'boolean', value: 2 }).errors).toEqual(['Значение: «да» (1) или «нет» (0)']);
    expect(checkCell({ unit: 'number', value: null }).errors).toEqual(['Значение: укажите значение']);
  });
});

describe('outlierReason', () => {
  const rule = { jump: 20, min: null, max: null };
  it('flags a jump larger than the configured amount, not one equal to it', () => {
    expect(outlierReason(70, 50, rule)).toBeNull();
    expect(outlierReason(70.5, 50, rule)).toBe('изменение за год +20,5 больше 20');
    expect(outlierReason(20, 50, rule)).toBe('изменение за год −30 больше 20');
  });
  it('without last year only min–max apply', () => {
    expect(outlierReason(95, null, rule)).toBeNull();
    expect(outlierReason(5, null, { jump: null, min: 10, max: 90 })).toBe('меньше допустимого минимума 10');
    expect(outlierReason(95, 94, { jump: 5, min: 10, max: 90 })).toBe('больше допустимого максимума 90');
  });
});
