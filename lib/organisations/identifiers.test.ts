import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidInn, isValidOgrn, makeValidInn, makeValidOgrn, parseInn, parseOgrn } from './identifiers';

const MOSCOW_CSV = '/work/shared/data/moscow-ege-2015-2016/data-9722-2016-10-31.csv';
const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

describe('ОГРН', () => {
  it('accepts real numbers and rejects a changed control digit', () => {
    expect(isValidOgrn('1027700566761')).toBe(true);
    expect(isValidOgrn('1027739314734')).toBe(true);
    expect(isValidOgrn('1027700566762')).toBe(false);
    expect(isValidOgrn('102770056676')).toBe(false);
    expect(isValidOgrn('10277005667a1')).toBe(false);
  });

  it('accepts ОГРНИП with the mod-13 rule', () => {
    expect(isValidOgrn('304500116000157')).toBe(true);
    expect(isValidOgrn('304500116000158')).toBe(false);
  });

  it('makeValidOgrn always produces a valid number, and any other last digit is invalid', () => {
    fc.assert(
      fc.property(fc.oneof(digits(12), digits(14)), fc.integer({ min: 1, max: 9 }), (body, shift) => {
        const ogrn = makeValidOgrn(body);
        expect(isValidOgrn(ogrn)).toBe(true);
        const wrong = `${body}${(Number(ogrn.at(-1)) + shift) % 10}`;
        expect(isValidOgrn(wrong)).toBe(false);
      }),
    );
  });

  it('every ОГРН of the Moscow open-data file passes the checksum', () => {
    const ogrns = [...readFileSync(MOSCOW_CSV, 'utf8').matchAll(/"(\d{13})"/g)].map((match) => match[1] ?? '');
    expect(ogrns).toHaveLength(626);
    expect(ogrns.filter((ogrn) => !isValidOgrn(ogrn))).toEqual([]);
  });

  it('parseOgrn explains what is wrong in Russian', () => {
    expect(parseOgrn('1027 7005 66761')).toEqual({ ok: true, value: '1027700566761' });
    expect(parseOgrn('12345')).toEqual({ ok: false, message: 'ОГРН должен состоять из 13 цифр' });
    expect(parseOgrn('1027700566762')).toEqual({ ok: false, message: 'ОГРН не проходит проверку контрольной цифры' });
  });
});

describe('ИНН', () => {
  it('checks 10- and 12-digit numbers', () => {
    expect(isValidInn('7707083893')).toBe(true);
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732259')).toBe(true);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('77070838')).toBe(false);
  });

  it('makeValidInn produces valid numbers and a changed digit breaks them', () => {
    fc.assert(
      fc.property(fc.oneof(digits(9), digits(10)), fc.integer({ min: 1, max: 9 }), (body, shift) => {
        const inn = makeValidInn(body);
        expect(inn).toHaveLength(body.length === 9 ? 10 : 12);
        expect(isValidInn(inn)).toBe(true);
        const wrong = `${inn.slice(0, -1)}${(Number(inn.at(-1)) + shift) % 10}`;
        expect(isValidInn(wrong)).toBe(false);
      }),
    );
  });

  it('parseInn restores a leading zero lost by a spreadsheet', () => {
    const inn = makeValidInn('010500123');
    expect(parseInn(inn.slice(1))).toEqual({ ok: true, value: inn });
    expect(parseInn('123')).toEqual({ ok: false, message: 'ИНН должен состоять из 10 цифр (12 — для физического лица)' });
    expect(parseInn('12a')).toEqual({ ok: false, message: 'ИНН должен состоять только из цифр' });
    expect(parseInn('7707083894')).toEqual({ ok: false, message: 'ИНН не проходит проверку контрольных цифр' });
  });
});
