import Papa from 'papaparse';
import { AppError } from '@/lib/errors';
import { normaliseGrid, type Grid } from './grid';
import type { TableMeter } from './limits';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's «Текст Юникод»); anything that is not valid UTF-8 is
 * read as windows-1251 (CSV saved by Russian Excel).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1251').decode(body);
  }
}

export type Delimiter = ';' | ',' | '\t';

const DELIMITERS: readonly Delimiter[] = [';', '\t', ','];
const SAMPLE_RECORDS = 50;

/** How many times each delimiter occurs outside quotes in each of the first non-empty records. */
function countDelimitersPerRecord(text: string): Map<Delimiter, number[]> {
  const counts = new Map<Delimiter, number[]>(DELIMITERS.map((delimiter) => [delimiter, []]));
  const current = new Map<Delimiter, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let inQuotes = false;
  let recordHasText = false;
  let records = 0;
  const endRecord = () => {
    if (recordHasText) {
      for (const delimiter of DELIMITERS) counts.get(delimiter)?.push(current.get(delimiter) ?? 0);
      records += 1;
    }
    for (const delimiter of DELIMITERS) current.set(delimiter, 0);
    recordHasText = false;
  };
  for (const char of text) {
    if (records >= SAMPLE_RECORDS) break;
    if (char === '"') inQuotes = !inQuotes;
    if (inQuotes) continue;
    if (char === '\n') endRecord();
    else if (current.has(char as Delimiter)) current.set(char as Delimiter, (current.get(char as Delimiter) ?? 0) + 1);
    if (char.trim() !== '') recordHasText = true;
  }
  endRecord();
  return counts;
}

/**
 * The delimiter that splits the most records into the same number of cells (papaparse's own guess gives up on
 * short files). A file with none of them is one column.
 */
export function detectDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; consistent: number; cells: number } = { delimiter: ';', consistent: 0, cells: 0 };
  for (const [delimiter, perRecord] of countDelimitersPerRecord(text)) {
    const frequency = new Map<number, number>();
    for (const count of perRecord) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    for (const [cells, consistent] of frequency) {
      if (consistent > best.consistent || (consistent === best.consistent && cells > best.cells)) {
        best = { delimiter, consistent, cells };
      }
    }
  }
  return best.delimiter;
}

/**
 * Parses delimited text, guessing the delimiter among `;`, `,` and tab. Quoted cells may span lines. Rows are
 * counted against the table limits as papaparse gives them, so a line of 20 000 separators stops the reading
 * before any grid is padded to its width.
 */
export function parseDelimitedText(text: string, meter?: TableMeter): { delimiter: Delimiter; rows: Grid } {
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  const counter = meter?.table();
  let failure: unknown = null;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      try {
        const fatal = result.errors.find((error) => error.code === 'MissingQuotes');
        if (fatal) throw new AppError('validation', `Файл CSV повреждён: не закрыта кавычка (строка ${rows.length + 1})`);
        const row = result.data;
        counter?.row(rows.length + 1, row.length);
        for (const cell of row) meter?.checkText(cell.length);
        rows.push(row);
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  return { delimiter, rows: normaliseGrid(rows) };
}
