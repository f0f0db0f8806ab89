import { describe, expect, it } from 'vitest';
import { columnLetter, recogniseHeader } from './columns';
import { itemKey } from './key';
import { parseRoadmapTable } from './parse';

const HEADER = ['№ п/п', 'Мероприятия', 'Сроки', 'Ответственные', 'Планируемый результат'];
const items = (grid: string[][]) => parseRoadmapTable(grid).sections.flatMap((section) => section.items);

describe('header recognition', () => {
  it.each([
    ['№', 'number'],
    ['№ п/п', 'number'],
    ['Мо п/п', 'number'],
    ['п/п', 'number'],
    ['  №  П/П ', 'number'],
    ['Мероприятие', 'activity'],
    ['МЕРОПРИЯТИЯ', 'activity'],
    ['Наименование мероприятия', 'activity'],
    ['Сроки', 'deadline'],
    ['Срок', 'deadline'],
    ['Срок исполнения', 'deadline'],
    ['Сроки исполнения', 'deadline'],
    ['Сроки реализации', 'deadline'],
    ['Ответственные', 'responsible'],
    ['Ответственный', 'responsible'],
    ['Ответственные исполнители', 'responsible'],
    ['Планируемый результат', 'result'],
    ['Результат', 'result'],
    ['Ожидаемый результат', 'result'],
    ['Итоговый документ', 'document'],
    ['Наименование показателя', null],
    ['Источник', null],
    ['', null],
  ] as const)('%j → %s', (text, column) => {
    expect(recogniseHeader(text)).toBe(column);
  });

  it('finds the header below title rows, in any column order, and counts rows as in the file', () => {
    const parsed = parseRoadmapTable([
      ['Дорожная карта'],
      [''],
      ['Ответственные исполнители', 'Сроки реализации', 'НАИМЕНОВАНИЕ МЕРОПРИЯТИЯ', '№', 'Ожидаемый результат'],
      ['УМЦ', 'март 2021', 'Семинар', '1.', 'Отчёт'],
    ]);
    expect(parsed.headerRow).toBe(3);
    expect(parsed.mapping).toEqual({ responsible: 0, deadline: 1, activity: 2, number: 3, result: 4 });
    expect(parsed.sections[0]?.items[0]).toMatchObject({
      number: '1.',
      activity: 'Семинар',
      deadlineText: 'март 2021',
      responsibleText: 'УМЦ',
      resultText: 'Отчёт',
      sourceRows: [4],
    });
  });

  it('names columns by letter when there is no header text', () => {
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
  });
});

describe('mapping by hand', () => {
  it('overrides and removes detected columns', () => {
    const parsed = parseRoadmapTable(
      [HEADER, ['1', 'Совещание', 'май', 'УО', 'Протокол']],
      { mapping: { result: null, document: 4 } },
    );
    expect(parsed.mapping).toEqual({ number: 0, activity: 1, deadline: 2, responsible: 3, document: 4 });
    expect(parsed.sections[0]?.items[0]).toMatchObject({ resultText: '', documentText: 'Протокол' });
  });

  it('reads a table without a recognisable header when the mapping is given', () => {
    const parsed = parseRoadmapTable([['Совещание', 'май']], { mapping: { activity: 0, deadline: 1 } });
    expect(parsed.headerRow).toBeNull();
    expect(parsed.sections[0]?.items[0]).toMatchObject({ number: '1', activity: 'Совещание', sourceRows: [1] });
  });

  it('rejects a table without an activity column, and two fields on one column', () => {
    expect(parseRoadmapTable([['a', 'b'], ['c', 'd']]).errors).toEqual([
      { field: 'mapping.activity', message: 'Не найден столбец «Мероприятие». Укажите соответствие столбцов вручную.' },
    ]);
    const clash = parseRoadmapTable([HEADER], { mapping: { deadline: 1 } });
    expect(clash.errors).toContainEqual({ field: 'mapping.deadline', message: 'Столбец B уже назначен другому полю.' });
  });
});

describe('rows', () => {
  it('merges rows of a Word table broken across pages into the item above, cell by cell', () => {
    const [item] = items([
      HEADER,
      ['1.8', 'Направление образовательным организациям', 'Сентябрь', 'отдел образования', 'Повышение качества подготовки'],
      ['', 'рекомендаций по вопросам стимулирующих выплат.', 'ежегодно', '', 'обучающихся'],
      ['', 'Второй абзац.', '', '', ''],
    ]);
    expect(item).toEqual({
      number: '1.8',
      activity: 'Направление образовательным организациям рекомендаций по вопросам стимулирующих выплат.\nВторой абзац.',
      deadlineText: 'Сентябрь ежегодно',
      responsibleText: 'отдел образования',
      resultText: 'Повышение качества подготовки обучающихся',
      documentText: '',
      sourceRows: [2, 3, 4],
    });
  });

  it('skips blank rows, repeated headers and the «1 2 3 4 5» row', () => {
    const parsed = parseRoadmapTable([
      HEADER,
      ['1', '2', '3', '4', '5'],
      ['1.', 'Первое', 'март', 'УО', ''],
      ['', '', '', '', ''],
      [],
      HEADER.map((cell) => cell.toUpperCase()),
      ['2.', 'Второе', 'май', 'УО', ''],
    ]);
    expect(parsed.sections[0]?.items.map((item) => [item.number, item.sourceRows])).toEqual([
      ['1.', [3]],
      ['2.', [7]],
    ]);
    expect(parsed.warnings.map((warning) => warning.row)).toEqual([2, 6]);
  });

  it('turns one-cell rows and numbered stage rows into sections, splitting off their numbering', () => {
    const parsed = parseRoadmapTable([
      HEADER,
      ['1.', 'До первого раздела', 'март', '', ''],
      ['II. Материально-техническое обеспечение', '', '', '', ''],
      ['1.', 'Закупка', 'май', '', ''],
      ['1 этап – подготовительный', '', '', '', ''],
      ['1.', 'Подготовка', 'май', '', ''],
      ['3.', '3 этап обобщающий- обобщение и трансляция опыта', '', '', ''],
      ['3.1.', 'Рейтинг', 'август', '', ''],
      ['Раздел без мероприятий', '', '', '', ''],
    ]);
    expect(parsed.sections.map((section) => [section.number, section.title, section.sourceRow, section.items.length])).toEqual([
      [undefined, null, null, 1],
      ['II', 'Материально-техническое обеспечение', 3, 1],
      ['1', '1 этап – подготовительный', 5, 1],
      ['3', '3 этап обобщающий- обобщение и трансляция опыта', 7, 1],
      [undefined, 'Раздел без мероприятий', 9, 0],
    ]);
    expect(parsed.warnings).toEqual([{ row: 9, message: 'Раздел «Раздел без мероприятий» не содержит мероприятий.' }]);
  });

  it('warns about numbers out of order within a section, not about a restart in a new one', () => {
    const parsed = parseRoadmapTable([
      HEADER,
      ['1', 'А', '', '', ''],
      ['2', 'Б', '', '', ''],
      ['4', 'В', '', '', ''],
      ['3', 'Г', '', '', ''],
      ['Второй раздел', '', '', '', ''],
      ['1', 'Д', '', '', ''],
    ]);
    expect(parsed.warnings).toEqual([{ row: 5, column: '№ п/п', message: 'Номер «3» идёт не по порядку: после «4».' }]);
  });

  it('tells items from continuations in a table without numbers', () => {
    const parsed = parseRoadmapTable([
      ['Мероприятие', 'Ответственный', 'Срок исполнения'],
      ['Разработать план', 'Иванов И.И.', 'март'],
      ['мероприятий по развитию', '', ''],
      ['', 'Петров П.П.', ''],
      ['провести семинар', 'Сидоров С.С.', 'май'],
      ['Сетевое взаимодействие', '', ''],
      ['Организовать обмен опытом', 'УМЦ', ''],
    ]);
    expect(parsed.sections.map((section) => section.title)).toEqual([null, 'Сетевое взаимодействие']);
    expect(parsed.sections.flatMap((section) => section.items)).toMatchObject([
      { number: '1', activity: 'Разработать план мероприятий по развитию', responsibleText: 'Иванов И.И.\nПетров П.П.', sourceRows: [2, 3, 4] },
      { number: '2', activity: 'провести семинар', sourceRows: [5] },
      { number: '3', activity: 'Организовать обмен опытом', sourceRows: [7] },
    ]);
  });

  it('reports an item without an activity as an error with its row and column', () => {
    const parsed = parseRoadmapTable([HEADER, ['1.', '', 'март', 'УО', 'Приказ']]);
    expect(parsed.errors).toEqual([{ row: 2, column: 'Мероприятия', message: 'Не указано мероприятие.' }]);
  });

  it('warns about a missing number when there is no item above to continue', () => {
    const parsed = parseRoadmapTable([HEADER, ['1.', 'Первое', '', '', ''], ['Раздел', '', '', '', ''], ['', 'Второе', 'май', '', '']]);
    expect(parsed.warnings).toEqual([{ row: 4, column: '№ п/п', message: 'Не указан номер мероприятия.' }]);
    expect(parsed.sections[1]?.items[0]).toMatchObject({ number: '', activity: 'Второе', deadlineText: 'май' });
  });

  it('reports a table with a header and nothing else', () => {
    expect(parseRoadmapTable([HEADER]).errors).toEqual([{ message: 'В таблице не найдено ни одного мероприятия.' }]);
  });

  it('warns about an item repeated in the same section', () => {
    const parsed = parseRoadmapTable([HEADER, ['1.', 'Совещание', '', '', ''], ['1', ' совещание ', '', '', '']]);
    expect(parsed.warnings).toContainEqual({
      row: 3,
      column: 'Мероприятия',
      message: 'Мероприятие повторяет строку 2: при импорте они совпадут.',
    });
  });
});

describe('itemKey', () => {
  it('recognises the same item however it was spaced, cased or quoted', () => {
    const a = itemKey('I Организационные  мероприятия', { number: '1.', activity: 'Совещание «Итоги»' });
    const b = itemKey('i организационные мероприятия', { number: '1', activity: '  совещание "итоги". ' });
    expect(a).toBe(b);
    expect(itemKey(null, { number: '1', activity: 'Совещание' })).not.toBe(itemKey('Раздел', { number: '1', activity: 'Совещание' }));
    expect(itemKey(null, { number: '1', activity: 'Совещание' })).not.toBe(itemKey(null, { number: '2', activity: 'Совещание' }));
  });

  it('gives the same keys when the same table is imported twice', () => {
    const grid = [HEADER, ['Раздел', '', '', '', ''], ['1.', 'Первое', '', '', ''], ['2.', 'Второе', '', '', '']];
    const keys = (parsed: ReturnType<typeof parseRoadmapTable>) =>
      parsed.sections.flatMap((section) => section.items.map((item) => itemKey(section.title, item)));
    const again = grid.map((row) => row.map((cell) => ` ${cell}  `));
    expect(keys(parseRoadmapTable(again))).toEqual(keys(parseRoadmapTable(grid)));
    expect(new Set(keys(parseRoadmapTable(grid))).size).toBe(2);
  });
});
