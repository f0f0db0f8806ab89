import { describe, expect, it } from 'vitest';
import { ceilTenth, count, fmt, fmtPercent, plural, POINTS } from './format';

describe('Russian numbers', () => {
  it('formats ru-RU with one decimal and a plain space', () => {
    expect(fmt(41.25)).toBe('41,3');
    expect(fmt(20)).toBe('20');
    expect(fmt(1250)).toBe('1 250');
    expect(fmtPercent(0.25)).toBe('0,25%');
  });

  it('writes negatives with the true minus, as lib/format/ru does, and no sign on a value rounding to zero', () => {
    expect(fmt(-11.4)).toBe('\u221211,4');
    expect(fmt(-1250.5)).toBe('\u22121 250,5');
    expect(fmt(-0.04)).toBe('0');
    expect(plural(-2, POINTS)).toBe('балла');
  });

  it('agrees nouns with numbers', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 111].map((n) => count(n, POINTS))).toEqual([
      '1 балл', '2 балла', '5 баллов', '11 баллов', '21 балл', '22 балла', '25 баллов', '111 баллов',
    ]);
    expect(count(23.5, POINTS)).toBe('23,5 балла');
    expect(plural(20.01, POINTS)).toBe('баллов'); // shown as «20»
  });

  it('rounds up to tenths without float noise', () => {
    expect(ceilTenth(3.6000000001)).toBe(3.6);
    expect(ceilTenth(3.61)).toBe(3.7);
    expect(ceilTenth(2.3636)).toBe(2.4);
  });
});
