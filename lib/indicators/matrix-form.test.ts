import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { cellFigures, cellText, cellTexts, matrixCells, onMatrixCells, splitCellText } from './matrix-form';

describe('organisations × indicators grid form', () => {
  it('shows a share as numerator/denominator and a number with a decimal comma', () => {
    expect(cellText({ value: 75, numerator: 3, denominator: 4 })).toBe('3/4');
    expect(cellText({ value: 12.5, numerator: null, denominator: null })).toBe('12,5');
    expect(cellText(null)).toBe('');
  });

  it('reads «3/4» and «3 из 4» as numerator and denominator, anything else as the value', () => {
    expect(splitCellText('3/4')).toEqual({ value: '', numerator: '3', denominator: '4' });
    expect(splitCellText(' 12 из 1 200 ')).toEqual({ value: '', numerator: '12', denominator: '1 200' });
    expect(splitCellText('12,5 %')).toEqual({ value: '12,5', numerator: '', denominator: '' });
    expect(splitCellText('abc')).toEqual({ value: 'abc', numerator: '', denominator: '' });
  });

  it('sends only the changed cells with their row\'s year and the quarter, versions and comments; an emptied cell is sent and named', () => {
    const o = (c: string, k = '', n = '', d = '') => JSON.stringify({ c, n, d, k });
    const form = {
      year: '2023',
      'org.0': 'm', 'org.1': 's', 'y.1': '2022',
      'ind.0': 'a', 'ind.1': 'b',
      'c.0.0': '10', 'k.0.0': '', 'o.0.0': o('10'), 'v.0.0': '1',
      'c.0.1': '12', 'k.0.1': 'по ОО-1', 'o.0.1': o(''), 'v.0.1': '',
      'c.1.0': '3/4', 'k.1.0': '', 'o.1.0': o('70'), 'v.1.0': '2',
      'c.1.1': '', 'k.1.1': '', 'o.1.1': o('5'), 'v.1.1': '4',
    };
    const { cells, names, erased } = matrixCells(form, 2023, 2);
    expect(cells).toEqual([
      { indicatorId: 'b', organisationId: 'm', year: 2023, quarter: 2, value: '12', numerator: '', denominator: '', comment: 'по ОО-1' },
      { indicatorId: 'a', organisationId: 's', year: 2022, quarter: 2, value: '', numerator: '3', denominator: '4', comment: '', version: '2' },
      { indicatorId: 'b', organisationId: 's', year: 2022, quarter: 2, value: '', numerator: '', denominator: '', comment: '', version: '4' },
    ]);
    expect(names).toEqual(['c.0.1', 'c.1.0', 'c.1.1']);
    expect([...erased]).toEqual([['c.1.1', '5']]);
  });

  it('a comment alone is a change; a share cell computes its value anew when numerator or denominator changed', () => {
    const o = JSON.stringify({ c: '75', n: '3', d: '4', k: '' });
    const comment = matrixCells({ year: '2024', 'org.0': 'm', 'ind.0': 'a', 'c.0.0': '75', 'n.0.0': '3', 'd.0.0': '4', 'k.0.0': 'сверено', 'o.0.0': o }, 2024);
    expect(comment.cells).toEqual([{ indicatorId: 'a', organisationId: 'm', year: 2024, quarter: 0, value: '75', numerator: '3', denominator: '4', comment: 'сверено' }]);
    const share = matrixCells({ year: '2024', 'org.0': 'm', 'ind.0': 'a', 'c.0.0': '75', 'n.0.0': '2', 'd.0.0': '4', 'k.0.0': '', 'o.0.0': o }, 2024);
    expect(share.cells[0]).toMatchObject({ value: '', numerator: '2', denominator: '4' });
    // A value typed anew with the share is kept: the write path checks they agree.
    const both = matrixCells({ year: '2024', 'org.0': 'm', 'ind.0': 'a', 'c.0.0': '50 %', 'n.0.0': '2', 'd.0.0': '4', 'k.0.0': '', 'o.0.0': o }, 2024);
    expect(both.cells[0]).toMatchObject({ value: '50', numerator: '2', denominator: '4' });
    // A value typed anew under the old share: the share no longer holds.
    const value = matrixCells({ year: '2024', 'org.0': 'm', 'ind.0': 'a', 'c.0.0': '80', 'n.0.0': '3', 'd.0.0': '4', 'k.0.0': '', 'o.0.0': o }, 2024);
    expect(value.cells[0]).toMatchObject({ value: '80', numerator: '', denominator: '' });
    const untouched = matrixCells({ year: '2024', 'org.0': 'm', 'ind.0': 'a', 'c.0.0': '75', 'n.0.0': '3', 'd.0.0': '4', 'k.0.0': '', 'o.0.0': o }, 2024);
    expect(untouched.cells).toEqual([]);
  });

  it('shows a share cell\'s value, numerator and denominator in their own inputs', () => {
    expect(cellTexts({ value: 75, numerator: 3, denominator: 4, comment: 'к' }, true)).toEqual({ c: '75', n: '3', d: '4', k: 'к' });
    expect(cellTexts({ value: 75, numerator: 3, denominator: 4, comment: '' }, false)).toEqual({ c: '3/4', n: '', d: '', k: '' });
    expect(cellTexts(null, true)).toEqual({ c: '', n: '', d: '', k: '' });
    expect(cellFigures({ c: '3 из 4', n: '', d: '', k: '' }, { c: '', n: '', d: '', k: '' })).toEqual({ value: '', numerator: '3', denominator: '4' });
  });

  it('puts the write path\'s messages back on the grid\'s cells', () => {
    const error = new AppError('validation', 'x', [{ field: 'values.1.value', message: 'процент от 0 до 100' }, { field: 'other', message: 'y' }]);
    const mapped = onMatrixCells(error, ['c.0.1', 'c.1.0']) as AppError;
    expect(mapped.issues).toEqual([{ field: 'c.1.0', message: 'процент от 0 до 100' }, { field: 'other', message: 'y' }]);
    const erased = onMatrixCells(new AppError('validation', 'x', [{ field: 'values.0.value', message: 'Показатель 9, Школа, 2024 год: укажите значение' }]), ['c.3.1'], new Map([['c.3.1', '5']])) as AppError;
    expect(erased.issues).toEqual([{ field: 'c.3.1', message: 'Показатель 9, Школа, 2024 год: значение «5» нельзя стереть — исправьте его или верните прежнее' }]);
    const conflict = new AppError('conflict');
    expect(onMatrixCells(conflict, [])).toBe(conflict);
  });
});
