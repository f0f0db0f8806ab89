import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveShortName, detectKind, nameKey, parseKind, parseRussianNumber, parseSettlement } from './values';

describe('parseRussianNumber', () => {
  it.each([
    ['12,5', 12.5], ['1 234', 1234], ['1\u00a0234,5', 1234.5], ['12.5', 12.5], ['0', 0], ['-3', -3],
    ['abc', null], ['1,2,3', null], ['', null], ['12 км', null],
  ])('%j → %j', (text, expected) => {
    expect(parseRussianNumber(text)).toBe(expected);
  });

  it('reads back any number written in Russian format', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = whole + cents / 100;
        const text = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 }).format(value);
        expect(parseRussianNumber(text)).toBeCloseTo(value, 6);
      }),
    );
  });
});

describe('parseSettlement / parseKind / detectKind', () => {
  it.each([
    ['город', 'urban'], ['Городская местность', 'urban'], ['г.', 'urban'], ['URBAN', 'urban'],
    ['село', 'rural'], ['сельская', 'rural'], ['с.', 'rural'], ['д.', 'rural'], ['п.', 'rural'], ['rural', 'rural'],
    ['посёлок', 'rural'], ['хутор?', null],
  ])('settlement %j → %j', (text, expected) => {
    expect(parseSettlement(text)).toBe(expected);
  });

  it('reads kinds and detects colleges from the name', () => {
    expect(parseKind('Колледж')).toBe('college');
    expect(parseKind('школа')).toBe('school');
    expect(parseKind('нечто')).toBeNull();
    expect(detectKind('ГБПОУ «Колледж связи № 54»')).toBe('college');
    expect(detectKind('Государственное бюджетное профессиональное образовательное учреждение города Москвы «Воробьевы горы»')).toBe('college');
    expect(detectKind('ГБОУ «Школа № 426»')).toBe('school');
  });
});

describe('deriveShortName', () => {
  it.each([
    ['Государственное бюджетное общеобразовательное учреждение города Москвы «Школа № 426»', 'Школа № 426'],
    ['ГБОУ города Москвы «Лицей № 1793 «Жулебино»»', 'Лицей № 1793 «Жулебино»'],
    ['ГБОУ города Москвы «Школа № 734 «Школа самоопределения»', 'Школа № 734 «Школа самоопределения»'],
    ['ГАОУ ВО «МИОО» (средняя общеобразовательная школа № 179)', 'МИОО'],
    ['Средняя общеобразовательная школа № 1482', 'Средняя общеобразовательная школа № 1482'],
  ])('%s → %s', (fullName, shortName) => {
    expect(deriveShortName(fullName)).toBe(shortName);
  });
});

describe('nameKey', () => {
  it('ignores case, «ё» and spacing', () => {
    expect(nameKey('  Район  Солнцево ')).toBe(nameKey('район солнцево'));
    expect(nameKey('Посёлок')).toBe(nameKey('поселок'));
  });
});
