import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '@/lib/classification/import/fields';
import { applyDataMapping, guessDataHeaderRow, guessDataMapping } from '@/lib/classification/import/mapping';
import { buildXlsx } from '@/lib/export/xlsx';
import { parseRoadmapTable } from '@/lib/roadmaps/table/parse';
import { applyMapping } from '@/lib/schools/import/apply-mapping';
import { guessHeaderRow, guessMapping, missingRequiredFields } from '@/lib/schools/import/mapping';
import { SCHOOL_IMPORT_FIELDS } from '@/lib/schools/import/fields';
import { guessValueHeaderRow, guessValueMapping, readValueRows, VALUE_IMPORT_FIELDS } from '@/lib/indicators/import/plan';
import { importTemplate, TEMPLATE_KINDS, type TemplateKind } from './index';

/** The template's first sheet as the imports read a file: a grid of cell texts. */
async function grid(kind: TemplateKind): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildXlsx(importTemplate(kind).sheets)).slice().buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) {
      const value = row.getCell(column).value;
      cells.push(value === null || value === undefined ? '' : String(value));
    }
    rows.push(cells);
  });
  return rows;
}

describe('import templates', () => {
  it('exist for every import, as XLSX with a readable file name and an explanation sheet', async () => {
    for (const kind of TEMPLATE_KINDS) {
      const template = importTemplate(kind);
      expect(template.fileName).toMatch(/^Шаблон импорта — .+\.xlsx$/);
      expect(template.sheets.map((s) => s.name)).toContain('Пояснения');
      expect(template.sheets[0]!.rows.length).toBeGreaterThan(0);
    }
  });

  it('the school import maps every column of its template and takes the example row without issues', async () => {
    const cells = await grid('schools');
    expect(guessHeaderRow(cells)).toBe(0);
    const mapping = guessMapping(cells[0]!);
    expect(Object.keys(mapping).sort()).toEqual([...SCHOOL_IMPORT_FIELDS].sort());
    expect(missingRequiredFields(mapping)).toEqual([]);
    const { rows, issues } = applyMapping(cells, 0, mapping);
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(1);
  });

  it.each(['assessments', 'contexts'] as const)('the %s import maps every column and reads the example rows without issues', async (kind) => {
    const cells = await grid(kind);
    expect(guessDataHeaderRow(kind, cells)).toBe(0);
    const mapping = guessDataMapping(kind, cells[0]!);
    expect(Object.keys(mapping).sort()).toEqual(Object.keys(fieldsOf(kind)).sort());
    const { rows, issues } = applyDataMapping(kind, cells, 0, mapping);
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(importTemplate(kind).sheets[0]!.rows.length);
  });

  it('the road-map import finds the header, the sections and the items of its template', async () => {
    const parsed = parseRoadmapTable(await grid('roadmap'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.headerRow).toBe(1);
    expect(parsed.sections.map((s) => s.title)).toEqual(['Организационные мероприятия', 'Методическое сопровождение']);
    expect(parsed.sections.flatMap((s) => s.items.map((i) => i.number))).toEqual(['1.1', '1.2', '2.1']);
  });

  it('the indicator value import maps every column of its template and reads the example rows without issues', async () => {
    const cells = await grid('indicator-values');
    expect(guessValueHeaderRow(cells)).toBe(0);
    const mapping = guessValueMapping(cells[0]!);
    expect(Object.keys(mapping).sort()).toEqual([...VALUE_IMPORT_FIELDS].sort());
    const { rows, issues } = readValueRows(cells, 0, mapping);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.indicator, r.year, r.value, r.numerator, r.denominator])).toEqual([
      ['3', 2023, 20, null, null],
      ['9', 2023, null, 46, 52],
      ['12', 2023, 37.5, null, null],
    ]);
  });
});
