/**
 * Column mapping of an assessment or context file: the same shape as the school import (field → column or a
 * constant), guessed from Russian headers, and the validation of each row into typed values.
 */
import type { Issue } from '@/lib/errors';
import { columnTitle } from '@/lib/schools/import/apply-mapping';
import type { FieldSource } from '@/lib/schools/import/mapping';
import { nameKey } from '@/lib/schools/import/values';
import { fieldsOf, REQUIRED, type ImportKind } from './fields';

export type DataMapping = Record<string, FieldSource>;

function headerKey(header: string): string {
  return nameKey(header.replace(/[_\-()[\],.:;/\\«»"'%№]+/g, ' '));
}

/** The first column whose header is a synonym of each field (fields in declaration order, one column each). */
export function guessDataMapping(kind: ImportKind, headers: readonly string[]): DataMapping {
  const mapping: DataMapping = {};
  const used = new Set<number>();
  const keys = headers.map(headerKey);
  for (const [field, spec] of Object.entries(fieldsOf(kind))) {
    const synonyms = new Set(spec.synonyms.map(headerKey));
    const column = keys.findIndex((key, index) => !used.has(index) && synonyms.has(key));
    if (column >= 0) {
      mapping[field] = { column };
      used.add(column);
    }
  }
  return mapping;
}

/** The header row among the first ten: the one naming the most fields. */
export function guessDataHeaderRow(kind: ImportKind, grid: readonly (readonly string[])[]): number {
  let best = { row: 0, matched: 0 };
  grid.slice(0, 10).forEach((row, index) => {
    const matched = Object.keys(guessDataMapping(kind, row)).length;
    if (matched > best.matched) best = { row: index, matched };
  });
  return best.row;
}

export interface MappedRow {
  rowNumber: number;
  values: Record<string, string | number | boolean>;
}

function mappingIssues(kind: ImportKind, mapping: DataMapping, width: number): Issue[] {
  const fields = fieldsOf(kind);
  const issues: Issue[] = [];
  for (const field of Object.keys(mapping)) if (!fields[field]) issues.push({ field, message: `Неизвестное поле «${field}»` });
  for (const field of REQUIRED[kind]) if (!mapping[field]) issues.push({ field, message: `Не выбран столбец для поля «${fields[field]!.label}»` });
  if (!mapping.ogrn && !mapping.schoolName) issues.push({ field: 'ogrn', message: 'Не выбран столбец со школой: ОГРН или наименование' });
  for (const [field, source] of Object.entries(mapping)) {
    if ('column' in source && source.column >= width) issues.push({ field, message: `Для поля «${fields[field]?.label ?? field}» выбран столбец, которого нет в файле` });
  }
  return issues;
}

/** Parses every non-blank row under the header; each bad cell is an issue naming its row and column. */
export function applyDataMapping(kind: ImportKind, grid: readonly (readonly string[])[], headerRow: number, mapping: DataMapping): { rows: MappedRow[]; issues: Issue[] } {
  const fields = fieldsOf(kind);
  const headers = grid[headerRow] ?? [];
  const width = Math.max(0, ...grid.map((row) => row.length));
  const issues = mappingIssues(kind, mapping, width);
  if (issues.length > 0) return { rows: [], issues };
  const rows: MappedRow[] = [];
  grid.forEach((cells, index) => {
    if (index <= headerRow || cells.every((cell) => cell.trim() === '')) return;
    const rowNumber = index + 1;
    const values: MappedRow['values'] = {};
    let valid = true;
    for (const [field, source] of Object.entries(mapping)) {
      const text = ('column' in source ? (cells[source.column] ?? '') : source.value).trim();
      const column = 'column' in source ? columnTitle(headers, source.column) : fields[field]!.label;
      if (text === '') {
        if (REQUIRED[kind].includes(field)) {
          issues.push({ row: rowNumber, column, message: `Не заполнено поле «${fields[field]!.label}»` });
          valid = false;
        }
        continue;
      }
      const parsed = fields[field]!.parse(text);
      if (parsed.ok) values[field] = parsed.value;
      else {
        issues.push({ row: rowNumber, column, message: parsed.message });
        valid = false;
      }
    }
    if (!values.ogrn && !values.schoolName && valid) {
      issues.push({ row: rowNumber, message: 'Не указана школа: нужен ОГРН или наименование' });
      valid = false;
    }
    if (valid) rows.push({ rowNumber, values });
  });
  return { rows, issues };
}
