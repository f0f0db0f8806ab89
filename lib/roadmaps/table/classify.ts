/**
 * What each row below the header is: blank, a repeated header (or the «1 2 3 4 5» row), a section heading, the
 * continuation of the item above, or a new item. The rules:
 * - one filled cell, in or left of the first mapped column, not starting lower-case → section (a merged row);
 *   a stage row («3.» + «3 этап обобщающий…») with nothing else filled → section;
 * - one filled cell starting lower-case, under an item → continuation;
 * - numbered table: a row without a number under an item → continuation;
 * - table without numbers: a row without an activity under an item → continuation; anything else is an item.
 */
import { ROADMAP_COLUMNS, type ColumnMapping, type RoadmapColumn } from './columns';
import { cleanCell, isColumnNumbersRow, looksLikeStageHeading, startsLowerCase } from './rows';

export type RowKind = 'blank' | 'header' | 'section' | 'continuation' | 'item';

export interface TableRow {
  /** 1-based, as in the file. */
  sourceRow: number;
  cells: string[];
  /** Non-empty cells with their 0-based column index. */
  filled: Array<{ cell: string; index: number }>;
  get: (column: RoadmapColumn) => string;
}

export function tableRows(
  grid: readonly (readonly string[])[],
  firstRowIndex: number,
  mapping: ColumnMapping,
): TableRow[] {
  return grid.slice(firstRowIndex).map((raw, offset) => {
    const cells = raw.map((cell) => cleanCell(cell));
    const filled = cells.map((cell, index) => ({ cell, index })).filter(({ cell }) => cell !== '');
    const get = (column: RoadmapColumn) => {
      const index = mapping[column];
      return index === undefined ? '' : (cells[index] ?? '');
    };
    return { sourceRow: firstRowIndex + offset + 1, cells, filled, get };
  });
}

/** Compares rows ignoring case, spaces and trailing empty cells (a header repeated on every page). */
function rowSignature(cells: readonly string[]): string {
  return cells
    .map((cell) => cell.toLowerCase().replace(/\s+/g, ''))
    .join('\t')
    .replace(/\t+$/, '');
}

export class RowClassifier {
  /** Whether the table numbers its items (a № column with at least one number in it). */
  readonly numbered: boolean;
  private readonly firstMappedIndex: number;
  private readonly headerSignature: string | null;

  constructor(mapping: ColumnMapping, headers: readonly string[], rows: readonly TableRow[]) {
    this.firstMappedIndex = Math.min(...ROADMAP_COLUMNS.map((column) => mapping[column] ?? Infinity));
    this.headerSignature = headers.length > 0 ? rowSignature(headers) : null;
    this.numbered =
      mapping.number !== undefined && rows.some((row) => row.get('number') !== '' && !this.isSectionRow(row));
  }

  private onlyCell(row: TableRow) {
    return row.filled.length === 1 ? row.filled[0] : undefined;
  }

  isSectionRow(row: TableRow): boolean {
    const only = this.onlyCell(row);
    if (only && only.index <= this.firstMappedIndex && !startsLowerCase(only.cell)) return true;
    const otherTextFilled = (['deadline', 'responsible', 'result', 'document'] as const).some((c) => row.get(c) !== '');
    return !otherTextFilled && looksLikeStageHeading(row.get('activity'));
  }

  classify(row: TableRow, hasItemAbove: boolean): RowKind {
    if (row.filled.length === 0) return 'blank';
    if (rowSignature(row.cells) === this.headerSignature || isColumnNumbersRow(row.cells)) return 'header';
    const only = this.onlyCell(row);
    if (hasItemAbove && only && startsLowerCase(only.cell)) return 'continuation';
    if (this.isSectionRow(row)) {
      const misplacedFragment = hasItemAbove && this.numbered && only && only.index > this.firstMappedIndex;
      return misplacedFragment ? 'continuation' : 'section';
    }
    if (!hasItemAbove) return 'item';
    const key: RoadmapColumn = this.numbered ? 'number' : 'activity';
    return row.get(key) === '' ? 'continuation' : 'item';
  }

  /** The section heading text of a section row: its only cell, or its activity for a stage row. */
  sectionText(row: TableRow): string {
    return this.onlyCell(row)?.cell ?? row.get('activity');
  }
}
