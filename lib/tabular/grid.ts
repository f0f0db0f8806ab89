/** A table as read from a file: rows of trimmed cell strings. */
export type Grid = string[][];

/** One worksheet of a workbook, one table of a document, or the whole of a CSV file. */
export interface Sheet {
  name: string;
  rows: Grid;
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell === '');
}

/**
 * Trims every cell, drops blank rows at the end and columns that are empty in every row at the right (the
 * Moscow open-data CSV ends every line with a `;`), and pads rows to one width. Blank rows inside the table
 * stay, so row numbers keep matching the file.
 */
export function normaliseGrid(rows: readonly (readonly string[])[]): Grid {
  const trimmed = rows.map((row) => row.map((cell) => cell.trim()));
  while (trimmed.length > 0 && isBlankRow(trimmed.at(-1) ?? [])) trimmed.pop();
  let width = 0;
  for (const row of trimmed) {
    for (let column = row.length - 1; column >= width; column -= 1) {
      if (row[column] !== '') {
        width = column + 1;
        break;
      }
    }
  }
  return trimmed.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? ''));
}
