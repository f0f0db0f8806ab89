import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildXlsx } from '@/lib/export/xlsx';
import { exportFileName, roadmapExportRows, roadmapSheet } from './export-rows';
import { summariseProgress } from './progress';
import { responsibleLabel } from './responsible-label';
import type { ItemView, RoadmapDetail } from './views';

function item(overrides: Partial<ItemView>): ItemView {
  return {
    id: 'i1', roadmapId: 'r1', sectionId: 's1', position: 1, number: '1.1', activity: 'Семинар для заместителей директоров',
    deadlineText: 'март – май 2026', deadlineKind: 'range', periodStart: '2026-03-01', periodEnd: '2026-05-31', recurringYearly: false,
    canBeOverdue: true, periodOverridden: false, responsibleText: 'УМЦ, администрация района', plannedResult: 'Протокол',
    expectedDocument: null, status: 'planned', importKey: null, deletedAt: null, version: 1, overdue: false,
    responsibles: [
      { name: 'УМЦ', organisationId: 'o1', organisationName: 'МКУ «УМЦ Берёзовского района»' },
      { name: 'администрация района', organisationId: null, organisationName: null },
    ],
    reports: [], reviewComments: [],
    ...overrides,
  } as ItemView;
}

function detail(title: string): RoadmapDetail {
  const items = [item({}), item({ id: 'i2', number: '1.2', activity: 'Консультации', periodStart: null, periodEnd: null, responsibles: [], responsibleText: 'РМС', status: 'done' })];
  const progress = summariseProgress(items.map((i) => ({ status: i.status, overdue: i.overdue })));
  return {
    roadmap: {
      id: 'r1', title, level: 'municipality', status: 'approved', ownerOrganisationId: 'o0', ownerName: 'Берёзовский район',
      periodStartYear: 2026, periodEndYear: 2027, approvalDocument: 'Приказ № 17 от 21.01.2026',
    },
    sections: [{ id: 's1', number: 'I', title: 'Организационные мероприятия', items, progress }],
    progress,
    review: [],
    permissions: { canEdit: false, canReview: false, canSubmit: false, canDelete: false },
  } as unknown as RoadmapDetail;
}

describe('road-map export rows', () => {
  it('write the responsibles as the screen does (recognised organisations) and the normalised dates', () => {
    const rows = roadmapExportRows(detail('Карта'));
    expect(rows[0]).toMatchObject({ number: 'I', activity: 'Организационные мероприятия', style: 'section' });
    expect(rows[1]).toMatchObject({ responsible: 'МКУ «УМЦ Берёзовского района»; администрация района', start: '2026-03-01', end: '2026-05-31' });
    expect(rows[1]!.responsible).toBe(responsibleLabel(detail('Карта').sections[0]!.items[0]!));
    expect(rows[2]).toMatchObject({ responsible: 'РМС', start: '', end: '' });
    expect(rows.at(-1)).toMatchObject({ activity: 'Итого по дорожной карте', style: 'total' });
  });

  it('build a sheet with a title block, a header below it, dates as dates and styled sections', async () => {
    const bytes = await buildXlsx([roadmapSheet(detail('Дорожная карта Берёзовского района на 2026–2027 годы'), new Date(Date.UTC(2026, 2, 5, 9)))]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer);
    const sheet = workbook.worksheets[0]!;
    const texts = [1, 2, 3, 4, 5, 6, 7].map((n) => String(sheet.getRow(n).getCell(1).value));
    expect(texts[0]).toBe('Дорожная карта Берёзовского района на 2026–2027 годы');
    expect(texts).toEqual(expect.arrayContaining(['Организация: Берёзовский район', 'Период: 2026–2027', 'Статус: утверждена', 'Сведения на: 05.03.2026']));
    const headerRow = sheet.getRow(9);
    expect(headerRow.getCell(1).value).toBe('№ п/п');
    expect(headerRow.values).toEqual(expect.arrayContaining(['Начало', 'Окончание', 'Ответственные']));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
    const section = sheet.getRow(10);
    expect(section.getCell(2).value).toBe('Организационные мероприятия');
    expect(section.font?.bold).toBe(true);
    expect(section.getCell(2).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    const start = sheet.getRow(11).getCell(4).value;
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).toISOString().slice(0, 10)).toBe('2026-03-01');
  });
});

describe('export file names', () => {
  it('keeps the Russian title, without characters file systems refuse', () => {
    expect(exportFileName('План: 2021/2022 «УМЦ»', 'xlsx')).toBe('Дорожная карта — План 2021 2022 «УМЦ».xlsx');
    expect(exportFileName('   ', 'csv')).toBe('Дорожная карта — без названия.csv');
  });

  it('does not repeat «Дорожная карта» and cuts a long title at a word', () => {
    const title = 'Дорожная карта проекта повышения качества образования в школах Берёзовского района с низкими результатами обучения и школах, функционирующих в неблагоприятных социальных условиях, на 2021–2023 годы';
    const name = exportFileName(title, 'xlsx');
    expect(name.startsWith('Дорожная карта проекта')).toBe(true);
    expect(name).not.toMatch(/Дорожная карта — Дорожная карта/);
    expect(name.endsWith('….xlsx')).toBe(true);
    const words = name.replace(/….xlsx$/, '').split(' ');
    expect(title.split(' ').slice(0, words.length)).toEqual(words);
  });
});
