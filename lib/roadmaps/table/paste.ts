/**
 * Text pasted from Word or Excel into the import box: rows separated by line breaks, cells by tabs. Excel wraps a
 * cell that holds line breaks or quotes in double quotes (doubling the inner ones); papaparse undoes that. Word
 * does not quote, so a cell that merely starts with a quote can confuse the quote rules: then the text is split
 * plainly by lines and tabs. Row numbers of the grid are records (what Excel shows), not text lines.
 */
import Papa from 'papaparse';

function dropTrailingBlankRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every((cell) => cell.trim() === '')) end -= 1;
  return rows.slice(0, end);
}

export function parsePastedText(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') return [];
  const parsed = Papa.parse<string[]>(clean, { delimiter: '\t', newline: '\n', quoteChar: '"', header: false });
  const quotesBroken = parsed.errors.some((error) => error.type === 'Quotes');
  const rows = quotesBroken ? clean.split('\n').map((line) => line.split('\t')) : parsed.data;
  return dropTrailingBlankRows(rows);
}
