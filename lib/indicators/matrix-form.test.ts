import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { cellText, matrixCells, onMatrixCells, splitCellText } from './matrix-form';

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

  it('sends only the changed cells, with their versions; an emptied cell is an error on that cell', () => {
    const form = {
      year: '2023',
      'org.0': 'm', 'org.1': 's',
      'ind.0': 'a', 'ind.1': 'b',
      'c.0.0': '10', 'o.0.0': '10', 'v.0.0': '1',
      'c.0.1': '12', 'o.0.1': '', 'v.0.1': '',
      'c.1.0': '3/4', 'o.1.0': '70', 'v.1.0': '2',
      'c.1.1': '', 'o.1.1': '5', 'v.1.1': '4',
    };
    const { cells, names, issues } = matrixCells(form, 2023);
    expect(cells).toEqual([
      { indicatorId: 'b', organisationId: 'm', year: 2023, value: '12', numerator: '', denominator: '' },
      { indicatorId: 'a', organisationId: 's', year: 2023, value: '', numerator: '3', denominator: '4', version: '2' },
    ]);
    expect(names).toEqual(['c.0.1', 'c.1.0']);
    expect(issues).toEqual([{ field: 'c.1.1', message: 'Значение «5» нельзя стереть: исправьте его или верните прежнее' }]);
  });

  it('puts the write path\'s messages back on the grid\'s cells', () => {
    const error = new AppError('validation', 'x', [{ field: 'values.1.value', message: 'процент от 0 до 100' }, { field: 'other', message: 'y' }]);
    const mapped = onMatrixCells(error, ['c.0.1', 'c.1.0']) as AppError;
    expect(mapped.issues).toEqual([{ field: 'c.1.0', message: 'процент от 0 до 100' }, { field: 'other', message: 'y' }]);
    const conflict = new AppError('conflict');
    expect(onMatrixCells(conflict, [])).toBe(conflict);
  });
});
