import { describe, expect, it } from 'vitest';
import { readFixture } from '@/tests/fixtures/roadmaps/load';
import { normaliseDeadline, type RoadmapPeriod } from '../deadline';
import { parsePastedText } from './paste';
import { parseRoadmapTable, type ParsedRoadmapTable } from './parse';
import { splitResponsible } from './responsible';

function load(name: string) {
  const grid = parsePastedText(readFixture(`${name}.tsv`));
  return { grid, parsed: parseRoadmapTable(grid) };
}

/** Every row of the file is the header, a section, part of an item or blank — exactly one of them. */
function expectEveryRowAccountedFor(grid: string[][], parsed: ParsedRoadmapTable): void {
  const used = [
    parsed.headerRow,
    ...parsed.sections.map((section) => section.sourceRow),
    ...parsed.sections.flatMap((section) => section.items.flatMap((item) => item.sourceRows)),
  ].filter((row): row is number => row !== null);
  const blank = grid.flatMap((cells, index) => (cells.every((cell) => cell.trim() === '') ? [index + 1] : []));
  const all = [...used, ...blank].sort((a, b) => a - b);
  expect(all).toEqual(grid.map((_, index) => index + 1));
}

const itemCounts = (parsed: ParsedRoadmapTable) => parsed.sections.map((section) => section.items.length);
const numbers = (parsed: ParsedRoadmapTable) => parsed.sections.flatMap((section) => section.items.map((item) => item.number));

function expectDeadlinesRead(parsed: ParsedRoadmapTable, period: RoadmapPeriod): void {
  for (const item of parsed.sections.flatMap((section) => section.items)) {
    const deadline = normaliseDeadline(item.deadlineText, period);
    expect({ text: item.deadlineText, kind: deadline.kind }).not.toEqual({ text: item.deadlineText, kind: 'unknown' });
    expect(deadline.kind === 'none').toBe(item.deadlineText === '' || /возможност/.test(item.deadlineText));
  }
}

function expectResponsibleSplits(parsed: ParsedRoadmapTable): void {
  for (const item of parsed.sections.flatMap((section) => section.items)) {
    const parties = splitResponsible(item.responsibleText);
    expect(parties.length > 0).toBe(item.responsibleText !== '');
    expect(parties.every((party) => party.trim() === party && party !== '')).toBe(true);
  }
}

describe('seed 001, table «Основные направления деятельности…»', () => {
  const { grid, parsed } = load('seed-001-directions');

  it('finds the header, five sections I–V and 22 items', () => {
    expect(parsed.headerRow).toBe(1);
    expect(parsed.mapping).toEqual({ number: 0, activity: 1, deadline: 2, responsible: 3 });
    expect(parsed.sections.map((section) => [section.number, section.title])).toEqual([
      ['I', 'Организационно-управленческие мероприятия'],
      ['II', 'Материально-техническое обеспечение'],
      ['III', 'Развитие кадрового потенциала руководящих и педагогических работников школ'],
      ['IV', 'Эффективное использование внутренних и внешних ресурсов'],
      ['V', 'Информационная открытость реализации дорожной карты'],
    ]);
    expect(itemCounts(parsed)).toEqual([10, 2, 3, 5, 2]);
    expect(parsed.errors).toEqual([]);
    expectEveryRowAccountedFor(grid, parsed);
  });

  it('keeps the «1.» written where 7 is meant, and warns about it', () => {
    expect(numbers(parsed)).toEqual([1, 2, 3, 4, 5, 6, 1, ...Array.from({ length: 15 }, (_, i) => i + 8)].map((n) => `${n}.`));
    expect(parsed.warnings).toEqual([
      { row: 10, column: '№ п/п', message: 'Номер «1.» повторяется: он уже есть в строке 3.' },
    ]);
    expect(parsed.sections[0]?.items[6]?.activity).toBe('Участие ШНОР в программах дистанционного образования');
  });

  it('reads every deadline and every responsible party', () => {
    expectDeadlinesRead(parsed, { startYear: 2021, endYear: 2021 });
    expectResponsibleSplits(parsed);
    expect(splitResponsible(parsed.sections[3]?.items[1]?.responsibleText ?? '')).toEqual([
      'Минобразования НСО',
      'органы местного самоуправления',
    ]);
  });
});

describe('seed 001, table «ДОРОЖНАЯ КАРТА» (no № column)', () => {
  const { grid, parsed } = load('seed-001-roadmap');
  const items = parsed.sections.flatMap((section) => section.items);

  it('numbers 19 items 1..19 in one implicit section', () => {
    expect(parsed.mapping).toEqual({ activity: 0, responsible: 1, deadline: 2, result: 3 });
    expect(parsed.numbering).toBe('assigned');
    expect(parsed.sections).toHaveLength(1);
    expect(parsed.sections[0]).toMatchObject({ title: null, sourceRow: null });
    expect(numbers(parsed)).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
    expect(parsed.warnings).toEqual([{ message: 'В таблице нет номеров мероприятий: они присвоены по порядку, 1…n.' }]);
    expect(parsed.errors).toEqual([]);
    expectEveryRowAccountedFor(grid, parsed);
  });

  it('merges the «материалов» row broken off by a page into item 10', () => {
    expect(items[9]).toEqual({
      number: '10',
      activity:
        'Оказать методическую и организационную помощь ОО в проведении мониторинга, в том числе с использованием разработанных контрольно-измерительных материалов',
      deadlineText: '',
      responsibleText: 'Лагода М.И.',
      resultText: 'Инструкция',
      documentText: '',
      sourceRows: [11, 13],
    });
    expect(items[10]?.activity).toMatch(/^Организовать сбор и анализ данных/);
  });

  it('reads every deadline, blank ones as «без срока»', () => {
    expectDeadlinesRead(parsed, { startYear: 2021, endYear: 2021 });
    expect(items.filter((item) => item.deadlineText === '')).toHaveLength(7);
  });
});

describe('seed 002 (regional road map)', () => {
  const { grid, parsed } = load('seed-002');

  it('finds five sections and 30 items numbered as written', () => {
    expect(parsed.sections.map((section) => section.title?.slice(0, 40))).toEqual([
      'Нормативное правовое обеспечение Проекта',
      'Создание муниципальной инфраструктуры дл',
      'Организация мероприятий по созданию педа',
      'Организация повышения квалификации педаг',
      'Распространение лучших практик перевода ',
    ]);
    expect(parsed.sections.every((section) => section.number === undefined)).toBe(true);
    expect(itemCounts(parsed)).toEqual([3, 12, 4, 7, 4]);
    expect(numbers(parsed)).toEqual(Array.from({ length: 30 }, (_, i) => `${i + 1}.`));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.errors).toEqual([]);
    expectEveryRowAccountedFor(grid, parsed);
  });

  it('keeps the line breaks of a multi-line cell', () => {
    const webinars = parsed.sections[3]?.items[3];
    expect(webinars?.number).toBe('23.');
    expect(webinars?.activity.split('\n')).toHaveLength(13);
    expect(webinars?.deadlineText).toBe('Февраль - ноябрь');
  });

  it('reads every deadline and every responsible party', () => {
    expectDeadlinesRead(parsed, { startYear: 2021, endYear: 2021 });
    expectResponsibleSplits(parsed);
  });
});

describe('seed 000 (transcribed by hand)', () => {
  const { grid, parsed } = load('seed-000');
  const meta = JSON.parse(readFixture('seed-000.meta.json')) as {
    title: string;
    period: RoadmapPeriod;
    sections: Array<{ number: string; title: string; items: number }>;
  };

  it('has three stages with 10, 8 and 3 items, as its meta says', () => {
    expect(meta.period).toEqual({ startYear: 2021, endYear: 2023 });
    expect(meta.title).toMatch(/^Дорожная карта Проекта повышения качества образования в школах Межевского/);
    expect(
      parsed.sections.map((section) => ({ number: section.number, title: section.title, items: section.items.length })),
    ).toEqual(meta.sections);
    expect(parsed.mapping).toEqual({ number: 0, activity: 1, deadline: 2, responsible: 3, result: 4 });
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expectEveryRowAccountedFor(grid, parsed);
  });

  it('keeps the numbers as written', () => {
    expect(numbers(parsed)).toEqual([
      ...['1.1.', '1.2.', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10'],
      ...['2.1.', '2.2.', '2.3.', '2.4.', '2.5.', '2.6.', '2.7.', '2.8.'],
      ...['3.1.', '3.2.', '3.3.'],
    ]);
  });

  it('reads every deadline over the period 2021–2023 and every responsible party', () => {
    expectDeadlinesRead(parsed, meta.period);
    expectResponsibleSplits(parsed);
    expect(splitResponsible(parsed.sections[0]?.items[1]?.responsibleText ?? '')).toEqual([
      'РМС (районный методический совет)',
      'Директора школ',
    ]);
  });
});

describe('seed 001 indicators', () => {
  const grid = parsePastedText(readFixture('seed-001-indicators.tsv'));

  it('holds 17 indicators with a source and a target share', () => {
    expect(grid[0]).toEqual(['№ п/п', 'Наименование показателя', 'Источник', 'Индикатор']);
    const rows = grid.slice(1);
    expect(rows.map((row) => row[0])).toEqual(Array.from({ length: 17 }, (_, i) => `${i + 1}.`));
    expect(rows.every((row) => row.length === 4 && row[2] !== '' && /^\d{1,3}%$/.test(row[3] ?? ''))).toBe(true);
    expect(rows.map((row) => row[3])).toContain('0%');
  });
});
