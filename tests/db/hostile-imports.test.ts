/**
 * The three hostile files of issue 10 through every import path of the portal (road maps, schools, results):
 * each is refused with a Russian 413 naming the table limit, parsed in the table worker, and the calling thread
 * keeps running its timers meanwhile.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { importAssessmentResults } from '@/lib/classification/queries';
import { createRoadmap, importRoadmapTable } from '@/lib/roadmaps/queries';
import { importSchools } from '@/lib/schools/import/commit';
import type { TableFileInput } from '@/lib/tabular';
import { buildDocx, docxCell } from '@/lib/tabular/test-support';
import { createWorld, type World } from './fixtures';

let world: World;
let coordinator: Actor;
let admin: Actor;
let analyst: Actor;
beforeAll(async () => {
  world = await createWorld();
  coordinator = world.actor('municipal_coordinator', world.munA);
  admin = world.actor('admin', world.region);
  analyst = world.actor('ministry_analyst', world.region);
});

async function hostileFiles(): Promise<[string, TableFileInput][]> {
  const row = `<w:tr><w:trPr><w:gridBefore w:val="5"/></w:trPr>${docxCell(['x'], '<w:gridSpan w:val="1000000000"/>')}</w:tr>`;
  const docx = await buildDocx(`<w:tbl>${row}${row}</w:tbl>`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Лист1');
  sheet.getCell('A1').value = 'a';
  sheet.getCell('Z100000').value = 'z';
  const xlsx = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const csv = new TextEncoder().encode(`${';'.repeat(20_000)}\n${'a;b\n'.repeat(5_000)}`);
  return [
    ['DOCX', { bytes: docx, filename: 'карта.docx' }],
    ['XLSX', { bytes: xlsx, filename: 'карта.xlsx' }],
    ['CSV', { bytes: csv, filename: 'карта.csv', mimeType: 'text/csv' }],
  ];
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 10);
  const started = performance.now();
  const error = await promise.then(() => null, (caught: unknown) => caught);
  const elapsed = performance.now() - started;
  clearInterval(timer);
  expect(error).toBeInstanceOf(AppError);
  // The file is read in the worker: this thread's timers keep firing while it is.
  if (elapsed > 200) expect(ticks).toBeGreaterThan(2);
  return error as AppError;
}

describe('hostile files through the import paths', () => {
  it('a road-map import refuses each with 413 naming the limit', async () => {
    const roadmap = await createRoadmap(coordinator, { level: 'municipality', ownerOrganisationId: world.munA.id, title: 'Карта', periodStartYear: 2025, periodEndYear: 2026 });
    for (const [, file] of await hostileFiles()) {
      const error = await refusal(importRoadmapTable(coordinator, roadmap.id, { file, dryRun: true }));
      expect(error.status).toBe(413);
      expect(error.message).toMatch(/^Таблица в файле слишком большая: больше .* (столбцов в строке|ячеек \(строки × столбцы\)) — файл отклонён$/);
    }
  });

  it('the school directory and results imports refuse them too', async () => {
    for (const [, file] of await hostileFiles()) {
      expect((await refusal(importSchools(admin, { file, dryRun: true }))).status).toBe(413);
      expect((await refusal(importAssessmentResults(analyst, { file, dryRun: true }))).status).toBe(413);
    }
  });
});

describe('record imports are bounded tighter than table files', () => {
  it('a school or results file of more than 50 000 rows is refused before any row is mapped', async () => {
    const csv = new TextEncoder().encode(`ОГРН;Наименование\n${'1;a\n'.repeat(50_000)}`);
    const file: TableFileInput = { bytes: csv, filename: 'школы.csv', mimeType: 'text/csv' };
    for (const promise of [importSchools(admin, { file, dryRun: true }), importAssessmentResults(analyst, { file, dryRun: true })]) {
      const error = await refusal(promise);
      expect(error.status).toBe(413);
      expect(error.message).toMatch(/^Таблица в файле слишком большая: больше 50\s000 строк — файл отклонён$/);
    }
  });
});
