/**
 * The road-map table of an import: of the tables of a file (several in a DOCX), the one with most items; or the
 * pasted text. Pure; runs in the table worker (lib/tabular/pool.ts) so that no part of reading an upload blocks
 * the thread that answers requests.
 */
import { AppError } from '@/lib/errors';
import type { Sheet } from '@/lib/tabular/grid';
import { parseRoadmapTable, type ParsedRoadmapTable, type ParseRoadmapTableOptions } from './parse';
import { parsePastedText } from './paste';

const itemCount = (table: ParsedRoadmapTable) => table.sections.reduce((sum, section) => sum + section.items.length, 0);

export function roadmapTableOfSheets(sheets: readonly Sheet[], options: ParseRoadmapTableOptions): ParsedRoadmapTable {
  const parsed = sheets.map((sheet) => parseRoadmapTable(sheet.rows, options));
  const best = parsed.reduce<ParsedRoadmapTable | null>((a, b) => (a === null || itemCount(b) > itemCount(a) ? b : a), null);
  if (!best) throw new AppError('validation', 'В файле нет таблицы.');
  return best;
}

/** `check` sees the pasted grid before it is laid out as a road-map table (the table limits). */
export function roadmapTableOfText(
  text: string,
  options: ParseRoadmapTableOptions,
  check: (rows: readonly (readonly string[])[]) => void = () => {},
): ParsedRoadmapTable {
  const rows = parsePastedText(text);
  check(rows);
  return parseRoadmapTable(rows, options);
}
