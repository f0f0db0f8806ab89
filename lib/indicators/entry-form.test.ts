import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { entryCells, entryFormSchema, onGridRows } from './entry-form';

const ORG = '6f1c1a52-0000-4000-8000-000000000001';

describe('entry grid form', () => {
  it('reads repeated fields as rows and leaves blank rows out, remembering each cell\'s row', () => {
    const form = entryFormSchema.parse({
      organisationId: ORG,
      year: '2024',
      'indicatorId.0': 'a', 'value.0': '',
      'indicatorId.1': 'b', 'value.1': ' 12,5 ', 'comment.1': 'по ОО-1', 'version.1': '2',
      'indicatorId.2': 'c', 'value.2': '', 'numerator.2': '3', 'denominator.2': '4',
    });
    const { cells, rows } = entryCells(form);
    expect(rows).toEqual([1, 2]);
    expect(cells).toEqual([
      { indicatorId: 'b', organisationId: ORG, year: 2024, value: '12,5', numerator: '', denominator: '', comment: 'по ОО-1', version: '2' },
      { indicatorId: 'c', organisationId: ORG, year: 2024, value: '', numerator: '3', denominator: '4', comment: '' },
    ]);
  });

  it('ignores fields that name no row, and a form without rows saves nothing', () => {
    const form = entryFormSchema.parse({ organisationId: ORG, year: 2024, 'indicatorId.0': 'a', 'value.0': '1', 'value.x': '5', value: '7' });
    expect(entryCells(form).cells).toMatchObject([{ indicatorId: 'a', value: '1' }]);
    expect(entryCells(entryFormSchema.parse({ organisationId: ORG, year: 2024 })).cells).toEqual([]);
  });

  it('puts the write path\'s per-cell messages back on the grid rows', () => {
    const error = new AppError('validation', 'плохо', [
      { field: 'values.1.value', message: 'Показатель 3: процент от 0 до 100' },
      { field: 'organisationId', message: 'другое' },
    ]);
    const mapped = onGridRows(error, [0, 4]) as AppError;
    expect(mapped.issues).toEqual([
      { field: 'row.4', message: 'Показатель 3: процент от 0 до 100' },
      { field: 'organisationId', message: 'другое' },
    ]);
    expect(mapped.code).toBe('validation');
    const other = new Error('x');
    expect(onGridRows(other, [0])).toBe(other);
  });
});
