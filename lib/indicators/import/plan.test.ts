import { describe, expect, it } from 'vitest';
import {
  guessValueHeaderRow,
  guessValueMapping,
  indicatorKey,
  lockMessage,
  matchValueRows,
  parseValueNumber,
  periodKey,
  planValueImport,
  readValueRows,
  valueKey,
  type KnownIndicator,
  type KnownOrganisation,
  type ValueDirectory,
} from './plan';

const REGION = 'r1';
const mun: KnownOrganisation = { id: 'm1', regionId: REGION, name: 'Берёзовский район', kind: 'municipality', ogrn: '1029811021129' };
const school: KnownOrganisation = { id: 's1', regionId: REGION, name: 'Осиновская ООШ', kind: 'school', ogrn: null };
const base = { regionId: REGION, kind: 'entered' as const, status: 'active' as const, level: 'municipality', periodicity: 'year', outlierJump: null, minValue: null, maxValue: null };
const percent: KnownIndicator = { ...base, id: 'i3', code: '3', name: 'Доля ШНОР', unit: 'percent', outlierJump: 10 };
const count: KnownIndicator = { ...base, id: 'i5', code: '5', name: 'Число школ', unit: 'count' };
const computed: KnownIndicator = { ...base, id: 'i1', code: '1', name: 'Доля ОО с картами', unit: 'percent', kind: 'computed' };
const schoolLevel: KnownIndicator = { ...base, id: 'i7', code: '7', name: 'Психолог', unit: 'boolean', level: 'school' };

const directory: ValueDirectory = {
  organisationsByOgrn: new Map([[mun.ogrn!, mun]]),
  organisationsByName: new Map([
    ['берёзовский район'.replace('ё', 'е'), [mun]],
    ['осиновская оош', [school]],
  ]),
  indicatorsByCode: new Map([percent, count, computed, schoolLevel].map((i) => [indicatorKey(REGION, i.code), i])),
  indicatorsByName: new Map([[indicatorKey(REGION, 'Число школ'), [count]]]),
};

const HEADER = ['Организация', 'ОГРН', 'Код показателя', 'Год', 'Значение', 'Числитель', 'Знаменатель', 'Комментарий'];
const empty = { stored: new Map(), lastYear: new Map(), locks: new Map() };

function plan(rows: string[][], context = empty) {
  const grid = [HEADER, ...rows];
  const mapping = guessValueMapping(HEADER);
  const read = readValueRows(grid, 0, mapping);
  const matched = matchValueRows(read.rows, directory);
  const p = planValueImport(matched.rows, context);
  return { ...p, issues: [...read.issues, ...matched.issues, ...p.issues] };
}

describe('indicator value import: mapping and reading', () => {
  it('guesses every column from Russian headers, below a title row', () => {
    const mapping = guessValueMapping(HEADER);
    expect(mapping).toMatchObject({ organisation: { column: 0 }, ogrn: { column: 1 }, indicator: { column: 2 }, year: { column: 3 }, value: { column: 4 }, numerator: { column: 5 }, denominator: { column: 6 }, comment: { column: 7 } });
    expect(guessValueHeaderRow([['Значения показателей за 2023 год'], HEADER])).toBe(1);
  });

  it('reads Russian numbers, percents and yes/no', () => {
    expect(parseValueNumber('12,5')).toBe(12.5);
    expect(parseValueNumber('12,5 %')).toBe(12.5);
    expect(parseValueNumber('1 234')).toBe(1234);
    expect(parseValueNumber('да')).toBe(1);
    expect(parseValueNumber('Нет')).toBe(0);
    expect(parseValueNumber('много')).toBeNull();
  });

  it('names the row and column of every unreadable cell, and the missing columns of the mapping', () => {
    const { issues } = plan([
      ['Берёзовский район', '', '3', '20x3', '15'],
      ['Берёзовский район', '', '3', '2023', 'пятнадцать'],
      ['', '', '3', '2023', '15'],
    ]);
    expect(issues).toContainEqual({ row: 2, column: 'Год', message: 'Год: ожидается год от 2000 до 2100, а не «20x3»' });
    expect(issues).toContainEqual({ row: 3, column: 'Значение', message: 'Значение: ожидается число, а не «пятнадцать»' });
    expect(issues).toContainEqual({ row: 4, column: 'Организация', message: 'Не указана организация: нужен ОГРН или наименование' });
    const missing = readValueRows([['Организация', 'Год']], 0, guessValueMapping(['Организация', 'Год']));
    expect(missing.issues.map((i) => i.message)).toEqual(['Не выбран столбец для поля «Код показателя»', 'Не выбран столбец «Значение» (или пара «Числитель» и «Знаменатель»)']);
  });
});

describe('indicator value import: plan', () => {
  it('applies the grid rules per row: percent 0–100, numerator ≤ denominator, whole counts; computed and other-level indicators refused', () => {
    const { issues, create } = plan([
      ['Берёзовский район', '', '3', '2023', '120'],
      ['Берёзовский район', '', '3', '2024', '', '12', '10'],
      ['Берёзовский район', '', 'Число школ', '2023', '2,5'],
      ['Берёзовский район', '', '1', '2023', '50'],
      ['Берёзовский район', '', '7', '2023', 'да'],
      ['Неизвестная школа', '', '3', '2023', '50'],
      ['Берёзовский район', '', '99', '2023', '50'],
      ['Берёзовский район', '', '3', '2025', '', '3', '4'],
    ]);
    expect(issues).toHaveLength(7);
    expect(issues.find((i) => i.row === 2)).toEqual({ row: 2, column: 'Значение', message: 'Значение показателя 3: процент от 0 до 100, указано 120' });
    expect(issues.find((i) => i.row === 3)?.message).toBe('Значение показателя 3: числитель (12) больше знаменателя (10)');
    expect(issues.find((i) => i.row === 4)?.message).toBe('Значение показателя 5: количество — целое неотрицательное число, указано 2,5');
    expect(issues.find((i) => i.row === 5)?.message).toBe('Показатель 1 вычисляется порталом и не вводится');
    expect(issues.find((i) => i.row === 6)?.message).toBe('Показатель 7 собирается на уровне школ, а «Берёзовский район» — муниципалитет');
    expect(issues.find((i) => i.row === 8)?.message).toBe('Показатель «99» не найден в каталоге региона');
    // Numerator and denominator alone give the percent.
    expect(create).toHaveLength(1);
    expect(create[0]).toMatchObject({ year: 2025, value: 75, numerator: 3, denominator: 4 });
  });

  it('is idempotent on organisation + indicator + period: an equal stored value is unchanged, a different one an update', () => {
    const stored = new Map([
      [valueKey('i3', 'm1', 2023, 0), { id: 'v1', value: 15, numerator: null, denominator: null, comment: '', version: 3 }],
      [valueKey('i3', 'm1', 2024, 0), { id: 'v2', value: 18, numerator: null, denominator: null, comment: 'старое', version: 1 }],
    ]);
    const p = plan(
      [
        ['Берёзовский район', '', '3', '2023', '15'],
        ['', '1029811021129', '3', '2024', '19', '', '', 'новое'],
      ],
      { ...empty, stored },
    );
    expect(p.issues).toEqual([]);
    expect(p.unchanged.map((r) => r.rowNumber)).toEqual([2]);
    expect(p.update.map((r) => [r.rowNumber, r.value, r.comment, r.stored?.version])).toEqual([[3, 19, 'новое', 1]]);
  });

  it('keeps the stored comment when no comment column is mapped', () => {
    const stored = new Map([[valueKey('i3', 'm1', 2023, 0), { id: 'v1', value: 15, numerator: null, denominator: null, comment: 'сохранённый', version: 1 }]]);
    const grid = [['Организация', 'Показатель', 'Год', 'Значение'], ['Берёзовский район', '3', '2023', '15']];
    const read = readValueRows(grid, 0, guessValueMapping(grid[0]!));
    const p = planValueImport(matchValueRows(read.rows, directory).rows, { ...empty, stored });
    expect(p.unchanged).toHaveLength(1);
  });

  it('refuses a submitted or approved period with the reason, and a second row of the same cell', () => {
    const locks = new Map([[periodKey('m1', 2021, 0), 'approved' as const], [periodKey('m1', 2022, 0), 'submitted' as const]]);
    const p = plan(
      [
        ['Берёзовский район', '', '3', '2021', '15'],
        ['Берёзовский район', '', '3', '2022', '15'],
        ['Берёзовский район', '', '3', '2023', '15'],
        ['Берёзовский район', '', '3', '2023', '16'],
      ],
      { ...empty, locks },
    );
    expect(p.issues).toEqual([
      { row: 2, column: 'Год', message: lockMessage('approved', 'Берёзовский район', 2021, 0) },
      { row: 3, column: 'Год', message: lockMessage('submitted', 'Берёзовский район', 2022, 0) },
      { row: 5, column: 'Код показателя', message: 'Значение показателя 3 для «Берёзовский район» за 2023 год уже есть в строке 4' },
    ]);
    expect(lockMessage('approved', 'Берёзовский район', 2021, 0)).toBe('Значения «Берёзовский район» за 2021 год утверждены и заблокированы; правка возможна после разблокировки с указанием причины');
  });

  it('warns of an outlier against last year without blocking', () => {
    const lastYear = new Map([[valueKey('i3', 'm1', 2022, 0), 10]]);
    const p = plan([['Берёзовский район', '', '3', '2023', '35']], { ...empty, lastYear });
    expect(p.issues).toEqual([]);
    expect(p.create).toHaveLength(1);
    expect(p.warnings).toEqual([{ row: 2, column: 'Значение', message: 'Проверьте значение показателя 3 для «Берёзовский район» (35): изменение за год +25 больше 10' }]);
  });
});
