import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { readFixture } from '@/tests/fixtures/roadmaps/load';
import { isOverdue, manualDeadline, normaliseDeadline, type DeadlineKind, type RoadmapPeriod } from './deadline';
import { parsePastedText } from './table/paste';
import { parseRoadmapTable } from './table/parse';

type Expected = [kind: DeadlineKind, start: string | null, end: string | null, label?: string];

const SEED_000: RoadmapPeriod = { startYear: 2021, endYear: 2023 };
/** Seed 001 is «План работы … на 2021 г.». */
const SEED_001: RoadmapPeriod = { startYear: 2021, endYear: 2021 };
/** Seed 002 names no year; its road map is read as one year. */
const SEED_002: RoadmapPeriod = { startYear: 2021, endYear: 2021 };

const RECURRING_KINDS = new Set<DeadlineKind>(['recurring']);

/** Every deadline string of seeds 000, 001 and 002, as written (including the split pieces of seed 000). */
const SEED_DEADLINES: Array<{ seed: string; period: RoadmapPeriod; fixtures: string[]; cases: Record<string, Expected> }> = [
  {
    seed: '000',
    period: SEED_000,
    fixtures: ['seed-000'],
    cases: {
      'ноябрь 2021 года': ['month', '2021-11-01', '2021-11-30', 'ноябрь 2021'],
      'В течение всего периода': ['whole_period', '2021-01-01', '2023-12-31', 'весь период (2021–2023)'],
      'В\nтечение\nвсего периода': ['whole_period', '2021-01-01', '2023-12-31'],
      'ноябрь- март 2022г.': ['months', '2021-11-01', '2022-03-31', 'ноябрь 2021 – март 2022'],
      '2 квартал 2022года': ['quarter', '2022-04-01', '2022-06-30', '2 квартал 2022'],
      'Февраль-апрель 2022г': ['months', '2022-02-01', '2022-04-30', 'февраль–апрель 2022'],
      'при возможности': ['none', null, null, 'без срока'],
      'при\n\nвозможно сти': ['none', null, null],
      '4 квартал 2022 года и ежегодно': ['recurring', '2022-10-01', '2023-12-31', 'ежегодно: 4 квартал, 2022–2023'],
      'Сентябрь ежегодно': ['recurring', '2021-09-01', '2023-09-30', 'ежегодно: сентябрь, 2021–2023'],
      Сентябрь: ['recurring', '2021-09-01', '2023-09-30'],
      ежегодно: ['recurring', '2021-01-01', '2023-12-31', 'ежегодно, 2021–2023'],
      'Август ежегодно,': ['recurring', '2021-08-01', '2023-08-31', 'ежегодно: август, 2021–2023'],
      'ежегодно, Ноябрь 2023 года': ['recurring', '2021-11-01', '2023-11-30', 'ежегодно: ноябрь, 2021–2023'],
    },
  },
  {
    seed: '001',
    period: SEED_001,
    fixtures: ['seed-001-directions', 'seed-001-roadmap'],
    cases: {
      ежегодно: ['recurring', '2021-01-01', '2021-12-31', 'ежегодно, 2021'],
      '2021 год': ['year', '2021-01-01', '2021-12-31', '2021'],
      'ежегодно по графику до 2022 года': ['recurring', '2021-01-01', '2022-12-31', 'ежегодно до 31.12.2022'],
      'Весь период': ['whole_period', '2021-01-01', '2021-12-31', 'весь период (2021)'],
      '2021': ['year', '2021-01-01', '2021-12-31'],
      '01.03 2021': ['date', '2021-03-01', '2021-03-01', '01.03.2021'],
      '': ['none', null, null],
      'До 01.04.2021': ['by_date', '2021-01-01', '2021-04-01', 'до 01.04.2021'],
      'Март – август 2021': ['months', '2021-03-01', '2021-08-31', 'март–август 2021'],
      'До 10.03.2021': ['by_date', '2021-01-01', '2021-03-10'],
      'До 28.02.2021': ['by_date', '2021-01-01', '2021-02-28'],
      'До 01.05.2021': ['by_date', '2021-01-01', '2021-05-01'],
      'Август 2021': ['month', '2021-08-01', '2021-08-31', 'август 2021'],
    },
  },
  {
    seed: '002',
    period: SEED_002,
    fixtures: ['seed-002'],
    cases: {
      Февраль: ['month', '2021-02-01', '2021-02-28', 'февраль 2021'],
      февраль: ['month', '2021-02-01', '2021-02-28'],
      Март: ['month', '2021-03-01', '2021-03-31'],
      март: ['month', '2021-03-01', '2021-03-31'],
      'Март, ноябрь': ['months', '2021-03-01', '2021-11-30', 'март, ноябрь 2021'],
      'Март, апрель-октябрь': ['months', '2021-03-01', '2021-10-31', 'март, апрель–октябрь 2021'],
      'В течение года': ['whole_period', '2021-01-01', '2021-12-31'],
      'Март-ноябрь': ['months', '2021-03-01', '2021-11-30', 'март–ноябрь 2021'],
      'Март - ноябрь': ['months', '2021-03-01', '2021-11-30'],
      'Март- ноябрь': ['months', '2021-03-01', '2021-11-30'],
      'апрель-декабрь': ['months', '2021-04-01', '2021-12-31'],
      'Март - июнь': ['months', '2021-03-01', '2021-06-30'],
      'Февраль - ноябрь': ['months', '2021-02-01', '2021-11-30'],
      'Май – ноябрь': ['months', '2021-05-01', '2021-11-30'],
      'Ноябрь- декабрь': ['months', '2021-11-01', '2021-12-31', 'ноябрь–декабрь 2021'],
      август: ['month', '2021-08-01', '2021-08-31'],
      Октябрь: ['month', '2021-10-01', '2021-10-31'],
      ноябрь: ['month', '2021-11-01', '2021-11-30'],
    },
  },
];

describe('normaliseDeadline: every deadline of the seeds', () => {
  for (const { seed, period, cases } of SEED_DEADLINES) {
    it.each(Object.entries(cases))(`seed ${seed}: %j`, (text, [kind, start, end, label]) => {
      const result = normaliseDeadline(text, period);
      expect({ kind: result.kind, start: result.start, end: result.end }).toEqual({ kind, start, end });
      expect(result.recurringYearly).toBe(RECURRING_KINDS.has(kind));
      expect(result.canBeOverdue).toBe(start !== null);
      if (label !== undefined) expect(result.label).toBe(label);
    });
  }

  it.each(SEED_DEADLINES)('the table covers every deadline in the fixtures of seed $seed', ({ fixtures, cases }) => {
    const written = fixtures.flatMap((name) => {
      const grid = parsePastedText(readFixture(`${name}.tsv`));
      return parseRoadmapTable(grid).sections.flatMap((section) => section.items.map((item) => item.deadlineText));
    });
    const missing = [...new Set(written)].filter((text) => !(text in cases));
    expect(missing).toEqual([]);
  });
});

describe('normaliseDeadline: forms of the same date', () => {
  const year: RoadmapPeriod = { startYear: 2024, endYear: 2024 };

  it.each([
    ['январь', 1],
    ['в январе', 1],
    ['до конца января', 1],
    ['янв.', 1],
    ['ФЕВР.', 2],
    ['в марте', 3],
    ['апреля', 4],
    ['май', 5],
    ['в мае', 5],
    ['мая', 5],
    ['июнь', 6],
    ['в июле', 7],
    ['авг.', 8],
    ['к сентябрю', 9],
    ['сент.', 9],
    ['сен', 9],
    ['октябре', 10],
    ['нояб.', 11],
    ['ноябрём', 11],
    ['декабря', 12],
  ])('%j is month %i', (text, month) => {
    const result = normaliseDeadline(text, year);
    expect(result.end?.slice(0, 7)).toBe(`2024-${String(month).padStart(2, '0')}`);
  });

  it.each([
    ['2021-2023 годы', 'year', '2021-01-01', '2023-12-31', '2021–2023'],
    ['2021 — 2022 гг.', 'year', '2021-01-01', '2022-12-31', '2021–2022'],
    ['III квартал 2022 г.', 'quarter', '2022-07-01', '2022-09-30', '3 квартал 2022'],
    ['1-2 кв. 2022', 'quarter', '2022-01-01', '2022-06-30', '1–2 квартал 2022'],
    ['2-е полугодие 2022', 'half_year', '2022-07-01', '2022-12-31', '2 полугодие 2022'],
    ['15 марта 2022 г.', 'date', '2022-03-15', '2022-03-15', '15.03.2022'],
    ['01.03.22', 'date', '2022-03-01', '2022-03-01', '01.03.2022'],
    ['03.2022', 'month', '2022-03-01', '2022-03-31', 'март 2022'],
    ['с 10 по 20 мая 2022', 'range', '2022-05-10', '2022-05-20', '10.05.2022 – 20.05.2022'],
    ['декабрь 2021 – январь 2022', 'months', '2021-12-01', '2022-01-31', 'декабрь 2021 – январь 2022'],
    ['не позднее 15.09.2022', 'by_date', '2022-01-01', '2022-09-15', 'до 15.09.2022'],
    ['до мая 2022 года', 'by_date', '2022-01-01', '2022-05-31', 'до 31.05.2022'],
    ['Постоянно', 'whole_period', '2022-01-01', '2023-12-31', 'весь период (2022–2023)'],
    ['ежеквартально', 'recurring', '2022-01-01', '2023-12-31', 'ежеквартально, 2022–2023'],
    ['ноябрь-март', 'recurring', '2022-11-01', '2023-03-31', 'ежегодно: ноябрь–март, 2022–2023'],
    ['май ежегодно', 'recurring', '2022-05-01', '2023-05-31', 'ежегодно: май, 2022–2023'],
  ] as const)('%j → %s %s…%s', (text, kind, start, end, label) => {
    const result = normaliseDeadline(text, { startYear: 2022, endYear: 2023 });
    expect(result).toMatchObject({ kind, start, end, label });
  });

  it('puts a date before the period start at the start of a «до» deadline', () => {
    expect(normaliseDeadline('До 01.04.2021', { startYear: 2022, endYear: 2023 })).toMatchObject({
      start: '2021-04-01',
      end: '2021-04-01',
    });
  });

  it.each(['По плану МС', 'По графику МС', 'По мере обращения', 'По согласованию', 'по необходимости', '  '])(
    '%j has no date and can never be overdue',
    (text) => {
      expect(normaliseDeadline(text, SEED_000)).toMatchObject({ kind: 'none', start: null, end: null, canBeOverdue: false });
    },
  );

  it.each(['после утверждения программы', '31.02.2021', '13.2021'])('%j is not understood', (text) => {
    expect(normaliseDeadline(text, SEED_000)).toMatchObject({ kind: 'unknown', start: null, canBeOverdue: false });
  });

  it('swaps a reversed period instead of failing', () => {
    expect(normaliseDeadline('ежегодно', { startYear: 2023, endYear: 2021 })).toMatchObject({
      start: '2021-01-01',
      end: '2023-12-31',
    });
  });
});

describe('isOverdue', () => {
  const deadline = normaliseDeadline('До 01.04.2021', SEED_001);

  it.each([
    ['planned', '2021-04-02', true],
    ['in_progress', '2021-04-02', true],
    ['done', '2021-04-02', false],
    ['cancelled', '2021-04-02', false],
    ['planned', '2021-04-01', false],
  ] as const)('%s on %s → %s', (status, today, overdue) => {
    expect(isOverdue(deadline, status, today)).toBe(overdue);
  });

  it('uses the local calendar day of a Date', () => {
    expect(isOverdue(deadline, 'planned', new Date(2021, 3, 2, 0, 30))).toBe(true);
    expect(isOverdue(deadline, 'planned', new Date(2021, 3, 1, 23, 30))).toBe(false);
  });

  it('is never true for a deadline without a date', () => {
    expect(isOverdue(normaliseDeadline('По согласованию', SEED_001), 'planned', '2099-01-01')).toBe(false);
  });
});

describe('manualDeadline', () => {
  it('keeps the dates set by hand', () => {
    expect(manualDeadline('2022-02-01', '2022-03-15')).toMatchObject({
      kind: 'manual',
      start: '2022-02-01',
      end: '2022-03-15',
      canBeOverdue: true,
      label: '01.02.2022 – 15.03.2022',
    });
  });

  it.each([
    ['2022-02-30', '2022-03-01', 'deadlineStart'],
    ['2022-03-01', '01.04.2022', 'deadlineEnd'],
    ['2022-03-02', '2022-03-01', 'deadlineEnd'],
  ])('rejects %s … %s', (start, end, field) => {
    const attempt = () => manualDeadline(start, end);
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).code).toBe('validation');
      expect((error as AppError).issues.map((issue) => issue.field)).toContain(field);
    }
  });
});
