import { describe, expect, it } from 'vitest';
import { cleanQuery, MAX_QUERY_LENGTH, parseSearch, searchQuery } from './search';

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

describe('the search route', () => {
  it('cleans what was typed: spaces collapsed, trimmed, bounded', () => {
    expect(cleanQuery('  школа   5 ')).toBe('школа 5');
    expect(cleanQuery(null)).toBe('');
    expect(cleanQuery('   ')).toBe('');
    expect(cleanQuery('я'.repeat(500))).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('reads the query back from the route segments, decoded or still encoded', () => {
    expect(searchQuery(undefined)).toBe('');
    expect(searchQuery(['школа 5'])).toBe('школа 5');
    expect(searchQuery([encodeURIComponent('№ 5 ул. Ленина')])).toBe('№ 5 ул. Ленина');
    expect(searchQuery(['a', 'b'])).toBe('a/b');
    expect(searchQuery(['100%'])).toBe('100%');
  });
});
