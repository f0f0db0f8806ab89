import { describe, expect, it } from 'vitest';
import { parseSearch } from './search';

describe('public search text', () => {
  it('reads a school number in the ways parents write it', () => {
    expect(parseSearch('школа 5')).toEqual({ text: '', number: 5 });
    expect(parseSearch('№ 5')).toEqual({ text: '', number: 5 });
    expect(parseSearch('№5')).toEqual({ text: '', number: 5 });
    expect(parseSearch('СОШ5 Светлогорск')).toEqual({ text: 'светлогорск', number: 5 });
  });

  it('folds ё into е and case, and keeps words without a number', () => {
    expect(parseSearch('Берёзовка')).toEqual({ text: 'березовка', number: null });
    expect(parseSearch('  Осиновская   ООШ! ')).toEqual({ text: 'осиновская оош', number: null });
    expect(parseSearch('')).toEqual({ text: '', number: null });
  });
});
