import { describe, expect, it } from 'vitest';
import { guessHeaderRow, guessMapping, importMappingSchema } from './mapping';

const MOSCOW_HEADERS = [
  'signature_date', 'system_object_id', 'global_id', 'ID', 'AdmArea', 'District', 'EDU_NAME', 'OGRN',
  'PASSED_NUMBER_FULL', 'PASSES_OVER_220', 'PASSER_UNDER_160', 'YEAR', 'LINK',
];

describe('guessMapping', () => {
  it('maps the Moscow open-data columns and leaves the okrug unmapped', () => {
    expect(guessMapping(MOSCOW_HEADERS)).toEqual({ ogrn: { column: 7 }, fullName: { column: 6 }, municipality: { column: 5 } });
  });

  it('understands Russian headers with punctuation and any case', () => {
    const headers = [
      'Полное наименование', 'Краткое наименование', 'ОГРН', 'ИНН', 'Субъект РФ', 'Муниципальный район', 'Адрес',
      'Город/село', 'Расстояние до центра (км)', 'Контингент', 'Вид организации', 'Примечание',
    ];
    expect(guessMapping(headers)).toEqual({
      ogrn: { column: 2 }, fullName: { column: 0 }, shortName: { column: 1 }, inn: { column: 3 }, region: { column: 4 },
      municipality: { column: 5 }, address: { column: 6 }, settlement: { column: 7 }, distanceKm: { column: 8 },
      pupils: { column: 9 }, kind: { column: 10 },
    });
  });

  it('finds the header row below a title', () => {
    expect(guessHeaderRow([['Список школ'], [], ['ОГРН', 'Наименование', 'Район'], ['1', '2', '3']])).toBe(2);
  });
});

describe('importMappingSchema', () => {
  it('accepts columns and constants', () => {
    const mapping = { ogrn: { column: 7 }, fullName: { column: 6 }, municipality: { column: 5 }, region: { value: ' Москва ' } };
    expect(importMappingSchema.parse(mapping)).toEqual({ ...mapping, region: { value: 'Москва' } });
  });

  it('names missing required fields in Russian and rejects unknown keys', () => {
    const result = importMappingSchema.safeParse({ ogrn: { column: 0 }, municipality: { value: '' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['fullName', 'Не выбран столбец для поля «Полное наименование»'],
      ['municipality', 'Не выбран столбец для поля «Муниципалитет»'],
    ]);
    expect(importMappingSchema.safeParse({ ogrn: { column: 0 }, fullName: { column: 1 }, municipality: { column: 2 }, okrug: { column: 3 } }).success).toBe(false);
    expect(importMappingSchema.safeParse({ ogrn: { column: -1 }, fullName: { column: 1 }, municipality: { column: 2 } }).success).toBe(false);
  });
});
