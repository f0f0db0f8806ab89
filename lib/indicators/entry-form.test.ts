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
      { indicatorId: 'b', organisationId: ORG, year: 2024, quarter: 0, value: '12,5', numerator: '', denominator: '', comment: 'по ОО-1', version: '2' },
      { indicatorId: 'c', organisationId: ORG, year: 2024, quarter: 0, value: '', numerator: '3', denominator: '4', comment: '' },
    ]);
  });

  it('reads the quarter, a row\'s chosen file and «remove file»; a file alone makes a row; a changed share drops the old value', () => {
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'акт.pdf', { type: 'application/pdf' });
    const empty = new File([], '', { type: 'application/octet-stream' });
    const form = entryFormSchema.parse({
      organisationId: ORG,
      year: '2026',
      quarter: '3',
      'indicatorId.0': 'a', 'value.0': '', 'file.0': file,
      'indicatorId.1': 'b', 'value.1': '5', 'file.1': empty, 'removeFile.1': 'on',
      'indicatorId.2': 'c', 'value.2': '75', 'numerator.2': '2', 'denominator.2': '4', 'stored.2': JSON.stringify({ c: '75', n: '3', d: '4', k: '' }),
      'indicatorId.3': 'd', 'value.3': '', 'file.3': empty,
    });
    const { cells, rows } = entryCells(form);
    expect(rows).toEqual([0, 1, 2]);
    expect(cells[0]).toMatchObject({ indicatorId: 'a', quarter: 3, value: '', file });
    expect(cells[1]).toMatchObject({ indicatorId: 'b', value: '5', removeFile: true });
    expect(cells[1]!.file).toBeUndefined();
    expect(cells[2]).toMatchObject({ indicatorId: 'c', value: '', numerator: '2', denominator: '4' });
    expect(() => entryFormSchema.parse({ organisationId: ORG, year: 2026, quarter: '5' })).toThrow();
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
