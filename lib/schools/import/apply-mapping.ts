/**
 * Turns the rows of an uploaded table into validated school rows. Every problem is reported with the row
 * number as in the file (header included) and the column header, so «Строка 12, столбец «OGRN»: …» points
 * the user at the cell to fix. An import with any issue must write nothing.
 */
import type { Issue } from '@/lib/errors';
import { parseInn, parseOgrn } from '@/lib/organisations/identifiers';
import { IMPORT_FIELD_LABELS, SCHOOL_IMPORT_FIELDS, type SchoolImportField, type SchoolImportRow } from './fields';
import { describeMissingField, missingRequiredFields, type ImportMapping } from './mapping';
import { normaliseText, parseKind, parseRussianNumber, parseSettlement } from './values';

type Parsed = { ok: true; value: string | number } | { ok: false; message: string };

const MAX_TEXT_LENGTH: Partial<Record<SchoolImportField, number>> = {
  fullName: 1000, shortName: 300, region: 200, municipality: 200, address: 500,
};
const MAX_DISTANCE_KM = 10_000;
const MAX_PUPILS = 100_000;

function parseField(field: SchoolImportField, text: string): Parsed {
  switch (field) {
    case 'ogrn':
      return parseOgrn(text);
    case 'inn':
      return parseInn(text);
    case 'settlement': {
      const value = parseSettlement(text);
      return value ? { ok: true, value } : { ok: false, message: 'Тип местности: укажите «город» или «село»' };
    }
    case 'kind': {
      const value = parseKind(text);
      return value ? { ok: true, value } : { ok: false, message: 'Вид организации: укажите «школа», «колледж» или «другое»' };
    }
    case 'distanceKm': {
      const value = parseRussianNumber(text);
      return value !== null && value >= 0 && value <= MAX_DISTANCE_KM
        ? { ok: true, value }
        : { ok: false, message: 'Расстояние должно быть числом километров от 0 до 10 000, например «12,5»' };
    }
    case 'pupils': {
      const value = parseRussianNumber(text);
      return value !== null && Number.isInteger(value) && value >= 0 && value <= MAX_PUPILS
        ? { ok: true, value }
        : { ok: false, message: 'Численность обучающихся должна быть целым числом не меньше 0' };
    }
    default: {
      const value = normaliseText(text);
      const max = MAX_TEXT_LENGTH[field] ?? 500;
      return value.length <= max
        ? { ok: true, value }
        : { ok: false, message: `${IMPORT_FIELD_LABELS[field]}: не больше ${max} символов` };
    }
  }
}

function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** How the user sees a column: its header text, or its letter when the header is empty. */
export function columnTitle(headers: readonly string[], index: number): string {
  return headers[index]?.trim() || columnLetter(index);
}

/** Constants are checked once; a bad one is an issue on the field, not on every row. */
function parseConstants(mapping: ImportMapping, issues: Issue[]): Partial<Record<SchoolImportField, string | number>> {
  const constants: Partial<Record<SchoolImportField, string | number>> = {};
  for (const field of SCHOOL_IMPORT_FIELDS) {
    const source = mapping[field];
    if (!source || !('value' in source) || source.value.trim() === '') continue;
    const parsed = parseField(field, source.value);
    if (parsed.ok) constants[field] = parsed.value;
    else issues.push({ field, message: `${IMPORT_FIELD_LABELS[field]} «${source.value}»: ${parsed.message}` });
  }
  return constants;
}

function checkColumns(mapping: ImportMapping, width: number, issues: Issue[]): void {
  for (const field of SCHOOL_IMPORT_FIELDS) {
    const source = mapping[field];
    if (source && 'column' in source && source.column >= width) {
      issues.push({ field, message: `Для поля «${IMPORT_FIELD_LABELS[field]}» выбран столбец, которого нет в файле` });
    }
  }
}

const REQUIRED_MESSAGES: Partial<Record<SchoolImportField, string>> = {
  ogrn: 'Не указан ОГРН',
  fullName: 'Не указано полное наименование',
  municipality: 'Не указан муниципалитет',
};

/**
 * Validates every data row below `headerRow` (0-based index into `grid`). Blank rows are skipped. Returns the
 * valid rows and all issues; duplicates of an ОГРН are reported on the later row, naming the first.
 */
export function applyMapping(
  grid: readonly (readonly string[])[],
  headerRow: number,
  mapping: ImportMapping,
): { rows: SchoolImportRow[]; issues: Issue[] } {
  const issues: Issue[] = missingRequiredFields(mapping).map((field) => ({ field, message: describeMissingField(field) }));
  const headers = grid[headerRow] ?? [];
  const width = Math.max(0, ...grid.map((row) => row.length));
  checkColumns(mapping, width, issues);
  const constants = parseConstants(mapping, issues);
  if (issues.length > 0) return { rows: [], issues };

  const rows: SchoolImportRow[] = [];
  const firstRowOfOgrn = new Map<string, number>();
  grid.forEach((cells, index) => {
    if (index <= headerRow || cells.every((cell) => cell.trim() === '')) return;
    const rowNumber = index + 1;
    const values: Partial<Record<SchoolImportField, string | number>> = { ...constants };
    let rowIsValid = true;
    for (const field of SCHOOL_IMPORT_FIELDS) {
      const source = mapping[field];
      if (!source || !('column' in source)) continue;
      const column = columnTitle(headers, source.column);
      const text = (cells[source.column] ?? '').trim();
      if (text === '') {
        const message = REQUIRED_MESSAGES[field];
        if (message) {
          issues.push({ row: rowNumber, column, message });
          rowIsValid = false;
        }
        continue;
      }
      const parsed = parseField(field, text);
      if (parsed.ok) values[field] = parsed.value;
      else {
        issues.push({ row: rowNumber, column, message: parsed.message });
        rowIsValid = false;
      }
    }
    if (!rowIsValid) return;
    const row = { ...values, rowNumber } as SchoolImportRow;
    const firstRow = firstRowOfOgrn.get(row.ogrn);
    if (firstRow !== undefined) {
      const ogrnSource = mapping.ogrn;
      const column = ogrnSource && 'column' in ogrnSource ? columnTitle(headers, ogrnSource.column) : undefined;
      issues.push({ row: rowNumber, column, message: `ОГРН ${row.ogrn} уже встречается в строке ${firstRow}` });
      return;
    }
    firstRowOfOgrn.set(row.ogrn, rowNumber);
    rows.push(row);
  });
  return { rows, issues };
}
