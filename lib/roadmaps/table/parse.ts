/**
 * Road-map table import, pure over a grid of cells (rows of strings, as the CSV/XLSX/DOCX readers and
 * `parsePastedText` produce). Finds the header row and the column mapping (or takes the user's), then reads every
 * row below it: blank rows and repeated headers are skipped, one-cell rows become sections, rows without a number
 * continue the item above (a Word table broken across pages), the rest are items. A table without a № column
 * gets numbers 1..n; there a row continues the item above only when it has no activity, or has nothing but an
 * activity starting with a lower-case letter. Numbers as written are kept; duplicates and numbers out of order
 * are warnings. Every item, warning and error names its source row (1-based, as in the file) and column.
 */
import type { Issue } from '@/lib/errors';
import { RowClassifier, tableRows, type TableRow } from './classify';
import { columnLetter, detectHeader, ROADMAP_COLUMNS, type ColumnMapping, type RoadmapColumn } from './columns';
import { itemKey } from './key';
import { bareNumber, SectionNumbering } from './numbering';
import { cleanCell, joinContinuation, splitSectionNumbering } from './rows';

export interface ParsedItem {
  number: string;
  activity: string;
  deadlineText: string;
  responsibleText: string;
  resultText: string;
  documentText: string;
  /** 1-based rows of the file this item was read from (more than one when continuation rows were merged). */
  sourceRows: number[];
}

export interface ParsedSection {
  number?: string;
  /** Null for the implicit section holding items that come before any section row. */
  title: string | null;
  sourceRow: number | null;
  items: ParsedItem[];
}

export interface ParsedRoadmapTable {
  mapping: ColumnMapping;
  /** 1-based row of the header, null when none was found (possible only with a mapping given by hand). */
  headerRow: number | null;
  /** Cells of the header row, so the UI can show what each column was called. */
  headers: string[];
  /** `assigned` when the table had no numbers and items were numbered 1..n. */
  numbering: 'as_written' | 'assigned';
  sections: ParsedSection[];
  warnings: Issue[];
  errors: Issue[];
}

export interface ParseRoadmapTableOptions {
  /** Overrides the detected mapping; null removes a column. */
  mapping?: Partial<Record<RoadmapColumn, number | null>>;
}

type TextColumn = Exclude<RoadmapColumn, 'number'>;
type TextField = 'activity' | 'deadlineText' | 'responsibleText' | 'resultText' | 'documentText';
const ITEM_FIELDS: Record<TextColumn, TextField> = {
  activity: 'activity',
  deadline: 'deadlineText',
  responsible: 'responsibleText',
  result: 'resultText',
  document: 'documentText',
};
const TEXT_COLUMNS = Object.keys(ITEM_FIELDS) as TextColumn[];

function mergeMapping(detected: ColumnMapping, manual: ParseRoadmapTableOptions['mapping']): ColumnMapping {
  const mapping: ColumnMapping = { ...detected };
  for (const column of ROADMAP_COLUMNS) {
    const value = manual?.[column];
    if (value === null) delete mapping[column];
    else if (value !== undefined) mapping[column] = value;
  }
  return mapping;
}

function mappingErrors(mapping: ColumnMapping): Issue[] {
  const errors: Issue[] = [];
  const used = new Map<number, RoadmapColumn>();
  for (const column of ROADMAP_COLUMNS) {
    const index = mapping[column];
    if (index === undefined) continue;
    if (!Number.isInteger(index) || index < 0) {
      errors.push({ field: `mapping.${column}`, message: 'Номер столбца должен быть целым неотрицательным числом.' });
    } else if (used.has(index)) {
      errors.push({ field: `mapping.${column}`, message: `Столбец ${columnLetter(index)} уже назначен другому полю.` });
    }
    used.set(index, column);
  }
  if (mapping.activity === undefined) {
    errors.push({
      field: 'mapping.activity',
      message: 'Не найден столбец «Мероприятие». Укажите соответствие столбцов вручную.',
    });
  }
  return errors;
}

function newSection(row: TableRow, text: string): ParsedSection {
  const split = splitSectionNumbering(text);
  const ownNumber = bareNumber(row.get('number'));
  const number = ownNumber !== '' && ownNumber !== text ? ownNumber : split.number;
  return { ...(number ? { number } : {}), title: split.title, sourceRow: row.sourceRow, items: [] };
}

function newItem(row: TableRow, number: string): ParsedItem {
  return {
    number,
    activity: row.get('activity'),
    deadlineText: row.get('deadline'),
    responsibleText: row.get('responsible'),
    resultText: row.get('result'),
    documentText: row.get('document'),
    sourceRows: [row.sourceRow],
  };
}

function appendContinuation(item: ParsedItem, row: TableRow): void {
  for (const column of TEXT_COLUMNS) {
    const field = ITEM_FIELDS[column];
    item[field] = joinContinuation(item[field], row.get(column));
  }
  item.sourceRows.push(row.sourceRow);
}

export function parseRoadmapTable(
  grid: readonly (readonly string[])[],
  options: ParseRoadmapTableOptions = {},
): ParsedRoadmapTable {
  const detected = detectHeader(grid);
  const mapping = mergeMapping(detected?.mapping ?? {}, options.mapping);
  const headerIndex = detected?.rowIndex ?? null;
  const headers = headerIndex === null ? [] : (grid[headerIndex] ?? []).map((cell) => cleanCell(cell));
  const result: ParsedRoadmapTable = {
    mapping,
    headerRow: headerIndex === null ? null : headerIndex + 1,
    headers,
    numbering: 'as_written',
    sections: [],
    warnings: [],
    errors: mappingErrors(mapping),
  };
  if (result.errors.length > 0) return result;

  const columnName = (column: RoadmapColumn): string => {
    const index = mapping[column] ?? 0;
    return headers[index] || columnLetter(index);
  };
  const rows = tableRows(grid, headerIndex === null ? 0 : headerIndex + 1, mapping);
  const classifier = new RowClassifier(mapping, headers, rows);
  if (!classifier.numbered) result.numbering = 'assigned';
  const numbering = new SectionNumbering(columnName('number'));
  let section: ParsedSection = { title: null, sourceRow: null, items: [] };
  const sections = [section];
  let lastItem: ParsedItem | null = null;
  let itemCount = 0;

  for (const row of rows) {
    const kind = classifier.classify(row, lastItem !== null);
    if (kind === 'header') {
      result.warnings.push({ row: row.sourceRow, message: 'Повтор строки заголовка или номеров столбцов пропущен.' });
    } else if (kind === 'section') {
      section = newSection(row, classifier.sectionText(row));
      sections.push(section);
      numbering.restart();
      lastItem = null;
    } else if (kind === 'continuation' && lastItem) {
      appendContinuation(lastItem, row);
    } else if (kind !== 'blank') {
      itemCount += 1;
      lastItem = newItem(row, classifier.numbered ? row.get('number') : String(itemCount));
      const warning = classifier.numbered ? numbering.check(lastItem.number, row.sourceRow) : null;
      if (warning) result.warnings.push(warning);
      section.items.push(lastItem);
    }
  }

  result.sections = sections.filter((candidate) => candidate.title !== null || candidate.items.length > 0);
  checkItems(result, columnName('activity'));
  return result;
}

function checkItems(result: ParsedRoadmapTable, activityColumn: string): void {
  const keys = new Map<string, number>();
  let itemCount = 0;
  for (const section of result.sections) {
    if (section.items.length === 0) {
      const message = `Раздел «${section.title}» не содержит мероприятий.`;
      result.warnings.push({ row: section.sourceRow ?? undefined, message });
    }
    for (const item of section.items) {
      itemCount += 1;
      const row = item.sourceRows[0];
      if (item.activity === '') {
        result.errors.push({ row, column: activityColumn, message: 'Не указано мероприятие.' });
        continue;
      }
      const key = itemKey(section.title, item);
      const firstRow = keys.get(key);
      if (firstRow !== undefined) {
        const message = `Мероприятие повторяет строку ${firstRow}: при импорте они совпадут.`;
        result.warnings.push({ row, column: activityColumn, message });
      } else {
        keys.set(key, row ?? 0);
      }
    }
  }
  if (result.numbering === 'assigned' && itemCount > 0) {
    result.warnings.push({ message: 'В таблице нет номеров мероприятий: они присвоены по порядку, 1…n.' });
  }
  if (itemCount === 0) result.errors.push({ message: 'В таблице не найдено ни одного мероприятия.' });
}
