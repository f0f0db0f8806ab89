import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeIssue } from '@/lib/errors';
import { makeValidInn, makeValidOgrn } from '@/lib/organisations/identifiers';
// The parser itself, on this thread: the worker pool that runs it in the portal is tested in lib/tabular.
import { parseTableFile } from '@/lib/tabular/read-table-file';
import { applyMapping } from './apply-mapping';
import { guessMapping, type ImportMapping } from './mapping';
import { planImport } from './plan';

const MOSCOW_CSV = '/work/shared/data/moscow-ege-2015-2016/data-9722-2016-10-31.csv';

async function moscowGrid(): Promise<string[][]> {
  const file = await parseTableFile({ bytes: readFileSync(MOSCOW_CSV), filename: 'data-9722-2016-10-31.csv' });
  return file.sheets[0]?.rows ?? [];
}

function moscowMapping(headers: string[]): ImportMapping {
  return { ...guessMapping(headers), region: { value: 'Москва' } };
}

describe('applyMapping on the Moscow open data', () => {
  it('reads 626 valid schools in 125 municipalities without issues', async () => {
    const grid = await moscowGrid();
    const { rows, issues } = applyMapping(grid, 0, moscowMapping(grid[0] ?? []));
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(626);
    expect(new Set(rows.map((row) => row.municipality)).size).toBe(125);
    expect(rows.every((row) => row.region === 'Москва')).toBe(true);
    expect(rows[1]).toEqual({
      rowNumber: 3,
      ogrn: '1027739314734',
      fullName: 'Государственное бюджетное общеобразовательное учреждение города Москвы «Школа № 426»',
      municipality: 'район Орехово-Борисово Северное',
      region: 'Москва',
    });
    const plan = planImport(rows, { schools: new Map(), regions: [], municipalities: [] });
    expect(plan.create).toHaveLength(626);
    expect(plan.newRegions).toEqual(['Москва']);
    expect(plan.newMunicipalities).toHaveLength(125);
    expect(plan.create.find((school) => school.ogrn === '1027739314734')?.shortName).toBe('Школа № 426');
  });

  it('names the row and column of a bad ОГРН', async () => {
    const grid = (await moscowGrid()).map((row) => [...row]);
    const row11 = grid[11];
    if (!row11) throw new Error('Moscow file too short');
    row11[7] = '12345';
    const { rows, issues } = applyMapping(grid, 0, moscowMapping(grid[0] ?? []));
    expect(issues).toEqual([{ row: 12, column: 'OGRN', message: 'ОГРН должен состоять из 13 цифр' }]);
    expect(describeIssue(issues[0] ?? { message: '' })).toBe('Строка 12, столбец «OGRN»: ОГРН должен состоять из 13 цифр');
    expect(rows).toHaveLength(625);
  });
});

describe('applyMapping', () => {
  const headers = ['ОГРН', 'Наименование', 'ИНН', 'Район', 'Тип местности', 'Расстояние до центра (км)', 'Контингент', ''];
  const ogrn = (n: number) => makeValidOgrn(String(102770000000 + n));

  it('parses Russian numbers and settlement words, and leaves empty optional cells out', () => {
    const inn = makeValidInn('770100001');
    const grid = [
      headers,
      [ogrn(1), 'МБОУ «СОШ с. Ключи»', inn, 'Ключевский район', 'с.', '12,5', '1 234', ''],
      [ogrn(2), 'МБОУ «Гимназия № 1»', '', 'Ключевский район', '', '', '', ''],
    ];
    const { rows, issues } = applyMapping(grid, 0, guessMapping(headers));
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { rowNumber: 2, ogrn: ogrn(1), fullName: 'МБОУ «СОШ с. Ключи»', inn, municipality: 'Ключевский район', settlement: 'rural', distanceKm: 12.5, pupils: 1234 },
      { rowNumber: 3, ogrn: ogrn(2), fullName: 'МБОУ «Гимназия № 1»', municipality: 'Ключевский район' },
    ]);
  });

  it('reports every bad cell, a duplicate ОГРН and an empty header by column letter', () => {
    const grid = [
      ['Заголовок отчёта'],
      headers,
      [ogrn(1), 'Школа 1', '', 'Район', 'хутор', 'далеко', '-5', ''],
      ['', '', '', '', '', '', '', ''],
      [ogrn(1), 'Школа 1 (повтор)', '123', '', '', '', '', ''],
    ];
    const mapping: ImportMapping = { ...guessMapping(headers), shortName: { column: 7 } };
    const { rows, issues } = applyMapping(grid, 1, mapping);
    expect(rows).toEqual([]);
    expect(issues.map(describeIssue)).toEqual([
      'Строка 3, столбец «Тип местности»: Тип местности: укажите «город» или «село»',
      'Строка 3, столбец «Расстояние до центра (км)»: Расстояние должно быть числом километров от 0 до 10 000, например «12,5»',
      'Строка 3, столбец «Контингент»: Численность обучающихся должна быть целым числом не меньше 0',
      'Строка 5, столбец «ИНН»: ИНН должен состоять из 10 цифр (12 — для физического лица)',
      'Строка 5, столбец «Район»: Не указан муниципалитет',
    ]);
    const duplicateGrid = [headers, [ogrn(1), 'Школа 1', '', 'Район', '', '', '', ''], [ogrn(1), 'Другая', '', 'Район', '', '', '', '']];
    const duplicate = applyMapping(duplicateGrid, 0, mapping);
    expect(duplicate.issues.map(describeIssue)).toEqual([`Строка 3, столбец «ОГРН»: ОГРН ${ogrn(1)} уже встречается в строке 2`]);
    expect(duplicate.issues[0]?.column).toBe('ОГРН');
    const lettered = applyMapping([headers, [ogrn(3), 'Школа', '', 'Район', '', '', '', 'x'.repeat(301)]], 0, mapping);
    expect(lettered.issues.map(describeIssue)).toEqual(['Строка 2, столбец «H»: Краткое наименование: не больше 300 символов']);
  });

  it('rejects a mapping without required fields or with a bad constant before reading rows', () => {
    const { issues } = applyMapping([headers], 0, { ogrn: { column: 0 }, fullName: { column: 1 }, settlement: { value: 'хутор' }, pupils: { column: 40 } });
    expect(issues.map(describeIssue)).toEqual([
      'Поле «municipality»: Не выбран столбец для поля «Муниципалитет»',
      'Поле «pupils»: Для поля «Численность обучающихся» выбран столбец, которого нет в файле',
      'Поле «settlement»: Тип местности «хутор»: Тип местности: укажите «город» или «село»',
    ]);
  });
});
