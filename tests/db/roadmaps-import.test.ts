import ExcelJS from 'exceljs';
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { roadmapItems, roadmapSections } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { buildXlsx } from '@/lib/export';
import { createRoadmap, createSection, createItem, exportRoadmap, importRoadmapTable, updateItem } from '@/lib/roadmaps/queries';
import { parsePastedText } from '@/lib/roadmaps/table/paste';
import { parseRoadmapTable } from '@/lib/roadmaps/table/parse';
import { buildDocx, docxCell } from '@/lib/tabular/test-support';
import { readFixture } from '@/tests/fixtures/roadmaps/load';
import { createWorld, type World } from './fixtures';

let world: World;
let coordinator: Actor;
beforeAll(async () => {
  world = await createWorld();
  coordinator = world.actor('municipal_coordinator', world.munA);
});

const newRoadmap = (title: string, startYear = 2021, endYear = 2021) =>
  createRoadmap(coordinator, { level: 'municipality', ownerOrganisationId: world.munA.id, title, periodStartYear: startYear, periodEndYear: endYear });

async function stored(roadmapId: string) {
  const sections = await getDb().select().from(roadmapSections).where(eq(roadmapSections.roadmapId, roadmapId)).orderBy(roadmapSections.position);
  const items = await getDb()
    .select()
    .from(roadmapItems)
    .where(and(eq(roadmapItems.roadmapId, roadmapId), isNull(roadmapItems.deletedAt)))
    .orderBy(roadmapItems.position);
  return sections.map((section) => ({ title: section.title, items: items.filter((item) => item.sectionId === section.id).map((item) => [item.number, item.activity]) }));
}

function expected(fixture: string) {
  return parseRoadmapTable(parsePastedText(readFixture(fixture))).sections.map((section) => ({
    title: section.title,
    items: section.items.map((item) => [item.number, item.activity]),
  }));
}

describe('road map import', () => {
  it.each([
    ['seed-001-directions.tsv', [10, 2, 3, 5, 2]],
    ['seed-001-roadmap.tsv', [19]],
    ['seed-002.tsv', [3, 12, 4, 7, 4]],
  ])('imports %s with every row accounted for, and a second import creates nothing', async (fixture, counts) => {
    const roadmap = await newRoadmap(`Импорт ${fixture}`);
    const text = readFixture(fixture);
    const preview = await importRoadmapTable(coordinator, roadmap.id, { text, dryRun: true });
    expect(preview.committed).toBe(false);
    expect(preview.sections.map((section) => section.items.length)).toEqual(counts);
    expect(preview.counts).toMatchObject({ create: counts.reduce((a, b) => a + b, 0), update: 0, unchanged: 0 });
    expect(await stored(roadmap.id)).toEqual([]);

    const result = await importRoadmapTable(coordinator, roadmap.id, { text, dryRun: false });
    expect(result.committed).toBe(true);
    expect(await stored(roadmap.id)).toEqual(expected(fixture));

    const again = await importRoadmapTable(coordinator, roadmap.id, { text, dryRun: false });
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: counts.reduce((a, b) => a + b, 0) });
    expect(await stored(roadmap.id)).toEqual(expected(fixture));
  });

  it('updates a changed row on re-import without touching the others, and keeps a hand-set period', async () => {
    const roadmap = await newRoadmap('Повторный импорт', 2022, 2022);
    const table = '№\tМероприятие\tСроки\tОтветственные\n1.\tСеминар\tмарт\tУМЦ\n2.\tСовещание\tмай\tУО';
    await importRoadmapTable(coordinator, roadmap.id, { text: table, dryRun: false });
    const [first] = await getDb().select().from(roadmapItems).where(and(eq(roadmapItems.roadmapId, roadmap.id), eq(roadmapItems.number, '1.')));
    await updateItem(coordinator, { id: first!.id, version: first!.version, periodStart: '2022-03-10', periodEnd: '2022-03-20' });
    const result = await importRoadmapTable(coordinator, roadmap.id, { text: table.replace('март', 'апрель').replace('УО', 'УО, ОО'), dryRun: false });
    expect(result.counts).toMatchObject({ create: 0, update: 2, unchanged: 0 });
    const items = await getDb().select().from(roadmapItems).where(eq(roadmapItems.roadmapId, roadmap.id)).orderBy(roadmapItems.position);
    expect(items.map((item) => [item.deadlineText, item.periodStart, item.responsibleText])).toEqual([
      ['апрель', '2022-03-10', 'УМЦ'],
      ['май', '2022-05-01', 'УО, ОО'],
    ]);
  });

  it('writes nothing when one row is bad, and names its row and column', async () => {
    const roadmap = await newRoadmap('Атомарность');
    const text = '№\tМероприятие\tСроки\n1.\tСеминар\tмарт\n2.\t\tмай\n3.\tСовещание\tиюнь';
    const error = await importRoadmapTable(coordinator, roadmap.id, { text, dryRun: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation');
    expect((error as AppError).issues).toEqual([{ row: 3, column: 'Мероприятие', message: 'Не указано мероприятие.' }]);
    expect(await stored(roadmap.id)).toEqual([]);
    const preview = await importRoadmapTable(coordinator, roadmap.id, { text, dryRun: true });
    expect(preview.errors).toHaveLength(1);
  });

  it('reads CSV, XLSX and DOCX files, takes a hand-made mapping, and refuses what it cannot read', async () => {
    const roadmap = await newRoadmap('Файлы');
    const csv = new TextEncoder().encode('№;Мероприятие;Срок\n1.;Семинар CSV;март 2021\n');
    expect((await importRoadmapTable(coordinator, roadmap.id, { file: { bytes: csv, filename: 'карта.csv', mimeType: 'text/csv' }, dryRun: false })).counts.create).toBe(1);
    const xlsx = await buildXlsx([{ name: 'Лист', columns: [{ header: '№', key: 'n' }, { header: 'Мероприятие', key: 'a' }, { header: 'Сроки', key: 'd' }], rows: [{ n: '2.', a: 'Семинар XLSX', d: '2021 год' }] }]);
    expect((await importRoadmapTable(coordinator, roadmap.id, { file: { bytes: xlsx, filename: 'карта.xlsx' }, dryRun: false })).counts.create).toBe(1);
    const row = (cells: string[]) => `<w:tr>${cells.map((cell) => docxCell([cell])).join('')}</w:tr>`;
    const docx = await buildDocx(`<w:tbl>${row(['№', 'Мероприятие', 'Сроки'])}${row(['3.', 'Семинар DOCX', 'май 2021'])}</w:tbl>`);
    expect((await importRoadmapTable(coordinator, roadmap.id, { file: { bytes: docx, filename: 'карта.docx' }, dryRun: false })).counts.create).toBe(1);
    const unmapped = '1.\tСеминар без заголовка\tиюнь 2021';
    const mapped = await importRoadmapTable(coordinator, roadmap.id, { text: unmapped, mapping: { number: 0, activity: 1, deadline: 2 }, dryRun: false });
    expect(mapped.sections[0]!.items[0]).toMatchObject({ activity: 'Семинар без заголовка', deadline: { start: '2021-06-01', end: '2021-06-30' } });
    expect((await stored(roadmap.id)).flatMap((section) => section.items.map((item) => item[1]))).toEqual(['Семинар CSV', 'Семинар XLSX', 'Семинар DOCX', 'Семинар без заголовка']);
    const exe = new Uint8Array([0x4d, 0x5a, 0, 0]);
    await expect(importRoadmapTable(coordinator, roadmap.id, { file: { bytes: exe, filename: 'x.exe' }, dryRun: true })).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(importRoadmapTable(world.actor('expert', world.region), roadmap.id, { text: unmapped, dryRun: true })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('road map export', () => {
  it('writes the seed layout with status columns, neutralises formulas and keeps numbers numeric', async () => {
    const roadmap = await newRoadmap('Выгрузка «тест»');
    const section = await createSection(coordinator, { roadmapId: roadmap.id, number: 'I', title: 'Раздел' });
    await createItem(coordinator, { roadmapId: roadmap.id, sectionId: section.id, number: '1.', activity: '=HYPERLINK("http://x")', deadlineText: 'март 2021', status: 'done' });
    await createItem(coordinator, { roadmapId: roadmap.id, sectionId: section.id, number: '2.', activity: 'Совещание', deadlineText: 'апрель 2021' });
    const today = new Date('2022-01-01');

    const csv = await exportRoadmap(coordinator, roadmap.id, 'csv', today);
    expect(csv.fileName).toBe('Дорожная карта — Выгрузка «тест».csv');
    const lines = new TextDecoder().decode(csv.bytes).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('№ п/п;Мероприятия;Сроки;Начало;Окончание;Ответственные;Планируемый результат;Статус;Просрочено;Выполнение / последний отчёт;Выполнено, %');
    expect(lines[1]).toBe('I;Раздел;;;;;;;;;50');
    expect(lines[2]).toBe(`1.;"'=HYPERLINK(""http://x"")";март 2021;01.03.2021;31.03.2021;;;выполнено;нет;;100`);
    expect(lines[3]).toBe('2.;Совещание;апрель 2021;01.04.2021;30.04.2021;;;запланировано;да;;0');

    const xlsx = await exportRoadmap(coordinator, roadmap.id, 'xlsx', today);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    // Title block (road map, level, organisation, period, status, approval, as-of date), a blank row, the header.
    expect(sheet.getRow(1).getCell(1).value).toBe('Выгрузка «тест»');
    expect(sheet.getRow(7).getCell(1).value).toBe('Сведения на: 01.01.2022');
    expect(sheet.getRow(9).getCell(2).value).toBe('Мероприятия');
    expect(sheet.getRow(10).getCell(11).value).toBe(50);
    expect(sheet.getRow(10).font?.bold).toBe(true);
    // XLSX: a string cell as written (never a formula); the apostrophe is CSV's only.
    expect(sheet.getRow(11).getCell(2).value).toBe(`=HYPERLINK("http://x")`);
    expect(sheet.getRow(11).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(11).getCell(11).value).toBe(100);
    expect(await exportRoadmap(world.actor('school_team', world.schoolB), roadmap.id, 'csv').catch((e: AppError) => e.code)).toBe('not_found');
  });
});
