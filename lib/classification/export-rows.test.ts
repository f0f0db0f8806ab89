import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PARAM_LABELS } from '@/components/classification/methodology-fields';
import { resultRows } from '@/components/classification/results-table';
import { tableFile } from '@/lib/export';
import { classify } from './classify';
import { inReadingOrder, RUN_EXPORT_COLUMNS, runBasisSheet, runExportFileName, runExportRows } from './export-rows';
import { demoContexts, demoResults, demoSchools, DEMO_YEAR } from './fixtures/demo-district';
import { DEFAULT_METHODOLOGY } from './methodology';

const run = classify({ year: DEMO_YEAR, schools: demoSchools, results: demoResults, contexts: demoContexts, methodology: DEFAULT_METHODOLOGY });
const names = new Map([[demoSchools[0]!.municipalityId, 'Демонстрационный район']]);
const rows = runExportRows(run.schools, names);
const ordered = inReadingOrder(run.schools, names);
const basisInput = {
  year: DEMO_YEAR, scope: 'регион', methodologyName: 'Методика по умолчанию', methodologyVersion: 2, inputDigest: run.inputDigest,
  status: 'published', createdAt: new Date(2026, 5, 30), schoolCount: run.schools.length, params: DEFAULT_METHODOLOGY,
  labels: new Map([['r1.gapPoints', 'R1: отставание от среднего по муниципалитету, баллов']]),
} as const;
const basis = runBasisSheet(basisInput);

describe('classification run export rows', () => {
  it('lists the schools in the screen’s order, with every column', () => {
    expect(rows.map((r) => r.school)).toEqual(resultRows('run', run.schools, names).map((r) => r.name));
    expect(rows.map((r) => r.school)).toEqual(ordered.map((s) => s.name));
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(RUN_EXPORT_COLUMNS.map((c) => c.key).sort());
  });

  it('writes decisions, rule names and reasons in Russian and keeps numbers as numbers, the rank too', () => {
    const low = ordered.findIndex((s) => s.category === 'low_results');
    const school = ordered[low]!;
    expect(rows[low]).toMatchObject({ category: 'ШНОР', lowResults: 'да', municipality: 'Демонстрационный район', threshold: DEFAULT_METHODOLOGY.lowResultsThreshold });
    expect(rows[low]!.firedRules).toMatch(/^R\d \([^)]+\)/);
    expect(rows[low]!.firedRules).toContain(school.rules.find((r) => r.status === 'fired')!.rule);
    expect(rows[low]!.reasons).toContain(school.categorySentence);
    expect(rows[low]!.reasons).toMatch(/R\d \([^)]+\): /);
    expect(typeof rows[low]!.score).toBe('number');
    const unrated = ordered.findIndex((s) => s.rating === null);
    expect(rows[unrated]).toMatchObject({ rank: null, sharedRank: 'недостаточно данных', ratingScore: null });
    const rated = ordered.findIndex((s) => s.rating !== null);
    expect(rows[rated]!.rank).toBe(ordered[rated]!.rating!.rank);
    expect(typeof rows[rated]!.rank).toBe('number');
  });

  it('lists each school’s suggested partners by name', () => {
    const withPartners = ordered.findIndex((s) => s.partners.length > 0);
    expect(withPartners).toBeGreaterThanOrEqual(0);
    expect(rows[withPartners]!.partners).toBe(ordered[withPartners]!.partners.map((p) => p.name).join('; '));
  });

  it('puts the methodology, its version, parameters and the input digest on a second sheet', async () => {
    const byName = new Map(basis.rows.map((r) => [r.name as string, r.value]));
    expect(byName.get('Версия методики')).toBe(2);
    expect(byName.get('Отпечаток входных данных (sha256)')).toBe(run.inputDigest);
    expect(byName.get('Параметр: R1: отставание от среднего по муниципалитету, баллов')).toBe(DEFAULT_METHODOLOGY.r1.gapPoints);
    expect(byName.get('Дата расчёта')).toBe('30.06.2026');
    // The date is the portal's (Moscow), whatever the server's time zone: late evening UTC is already the next day.
    const lateRun = runBasisSheet({ ...basisInput, createdAt: new Date('2026-06-30T22:30:00Z') });
    expect(lateRun.rows.find((r) => r.name === 'Дата расчёта')!.value).toBe('01.07.2026');
    const file = await tableFile('xlsx', [{ name: 'Классификация', columns: RUN_EXPORT_COLUMNS, rows }, basis], (ext) => `x.${ext}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Классификация', 'Методика и данные']);
    const csv = new TextDecoder().decode((await tableFile('csv', [{ name: 'Классификация', columns: RUN_EXPORT_COLUMNS, rows }, basis], (ext) => `x.${ext}`)).bytes);
    expect(csv).toContain('\r\n\r\nМетодика и данные\r\nПоказатель;Значение\r\n');
    expect(csv).toContain(run.inputDigest);
  });

  it('names the file by year, methodology and version, without characters file systems refuse', () => {
    expect(runExportFileName(2026, 'Методика: 2026/27', 3, 'xlsx')).toBe('Классификация школ 2026 — Методика 2026 27, версия 3.xlsx');
  });

  it('writes every methodology parameter under its Russian label, rule weights with the rule names and lists in words', () => {
    const sheet = runBasisSheet({ ...basisInput, labels: PARAM_LABELS });
    const params = sheet.rows.filter((r) => String(r.name).startsWith('Параметр: '));
    expect(params.length).toBeGreaterThan(30);
    for (const row of params) {
      // No internal key («r3.consecutiveYears», «judged») and no raw JSON as a value.
      expect(String(row.name)).not.toMatch(/[a-z][A-Za-z]*(\.[a-zA-Z]+)+|: [a-z][A-Za-z]*$/);
      expect(String(row.value)).not.toMatch(/[{}[\]"]/);
    }
    const byName = new Map(params.map((r) => [String(r.name), r.value]));
    expect(byName.get('Параметр: Вес R1 (отставание по ГИА)')).toBe(DEFAULT_METHODOLOGY.weights.R1);
    expect(byName.get('Параметр: R3: два года подряд')).toBe(DEFAULT_METHODOLOGY.r3.consecutiveYears ? 'да' : 'нет');
    expect(String(byName.get('Параметр: Оцениваемые экзамены и предметы'))).toMatch(/^ЕГЭ, русский язык; /);
    expect(String(byName.get('Параметр: Переменные социального индекса'))).toMatch(/: вес \d/);
    // In the form's order: the judged subjects first, then the rules.
    expect(params[0]!.name).toBe('Параметр: Оцениваемые экзамены и предметы');
    expect(params[1]!.name).toBe('Параметр: Минимальное число участников');
  });
});
