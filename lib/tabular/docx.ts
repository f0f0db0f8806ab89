import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '@/lib/errors';
import { normaliseGrid, type Sheet } from './grid';
import type { TableCounter, TableMeter } from './limits';
import { extractZipEntry, type ZipEntry } from './zip';

const DOCUMENT_PART = 'word/document.xml';

/** A cell being read: its paragraphs so far and the properties that shape the row. */
interface CellState {
  paragraphs: string[];
  paragraph: string | null;
  length: number;
  span: number;
  continuesMergeFromAbove: boolean;
}

/** A table being read; `index` is its place among all tables (outer before the tables nested in its cells). */
interface TableState {
  index: number;
  counter: TableCounter;
  rows: string[][];
  row: string[] | null;
  rowWidth: number;
  cell: CellState | null;
}

/** Elements whose text is not part of a cell: text boxes and deleted revisions. */
const SKIPPED = new Set(['w:txbxContent', 'w:del']);

/** `w:val` of a span property as a count: a positive integer, else 0. */
function count(tag: SaxesTagPlain): number {
  const value = Number(tag.attributes['w:val'] ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/**
 * Walks `word/document.xml` as a stream of tags (saxes: no DTD, no entity expansion) and collects every table's
 * rows. Spans are counted against the table limits before a single padding cell is made, so a 700-byte document
 * declaring a span of a billion columns is refused at once.
 */
function readTables(xml: string, meter: TableMeter): Sheet[] {
  const sheets: Sheet[] = [];
  const tables: TableState[] = [];
  const path: string[] = [];
  let skipped = 0;
  let inText = 0;
  let tableCount = 0;

  const table = () => tables.at(-1);
  const parent = (level: number) => path[path.length - level];
  const append = (text: string) => {
    const cell = table()?.cell;
    if (!cell || cell.paragraph === null || skipped > 0) return;
    cell.length += text.length;
    meter.checkText(cell.length);
    cell.paragraph += text;
  };

  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    const current = table();
    switch (tag.name) {
      case 'w:tbl':
        tables.push({ index: tableCount, counter: meter.table(), rows: [], row: null, rowWidth: 0, cell: null });
        tableCount += 1;
        break;
      case 'w:tr':
        if (current) {
          current.row = [];
          current.rowWidth = 0;
        }
        break;
      case 'w:gridBefore':
        if (current?.row && parent(1) === 'w:trPr' && parent(2) === 'w:tr') {
          const before = count(tag);
          meter.checkColumns(current.rowWidth + before);
          current.rowWidth += before;
          current.row.push(...Array.from({ length: before }, () => ''));
        }
        break;
      case 'w:tc':
        if (current?.row) current.cell = { paragraphs: [], paragraph: null, length: 0, span: 1, continuesMergeFromAbove: false };
        break;
      case 'w:gridSpan':
        if (current?.cell && parent(1) === 'w:tcPr' && parent(2) === 'w:tc') current.cell.span = Math.max(1, count(tag));
        break;
      case 'w:vMerge':
        if (current?.cell && parent(1) === 'w:tcPr' && parent(2) === 'w:tc') {
          current.cell.continuesMergeFromAbove = (tag.attributes['w:val'] ?? 'continue') === 'continue';
        }
        break;
      case 'w:p':
        // A paragraph inside a paragraph (a text box) is not a paragraph of the cell.
        if (current?.cell && current.cell.paragraph === null && skipped === 0) current.cell.paragraph = '';
        break;
      case 'w:t':
        inText += 1;
        break;
      case 'w:tab':
        if (parent(1) === 'w:r') append('\t');
        break;
      case 'w:br':
      case 'w:cr':
        append('\n');
        break;
      case 'w:noBreakHyphen':
        append('-');
        break;
      default:
        if (SKIPPED.has(tag.name)) skipped += 1;
    }
    path.push(tag.name);
  });
  parser.on('closetag', (tag) => {
    path.pop();
    const current = table();
    switch (tag.name) {
      case 'w:tbl':
        if (current) {
          tables.pop();
          sheets[current.index] = { name: `Таблица ${current.index + 1}`, rows: normaliseGrid(current.rows) };
        }
        break;
      case 'w:tr':
        if (current?.row) {
          current.counter.row(current.rows.length + 1, current.rowWidth);
          current.rows.push(current.row);
          current.row = null;
        }
        break;
      case 'w:tc':
        if (current?.row && current.cell) {
          const { span, continuesMergeFromAbove, paragraphs } = current.cell;
          meter.checkColumns(current.rowWidth + span);
          current.rowWidth += span;
          current.row.push(continuesMergeFromAbove ? '' : paragraphs.join('\n'), ...Array.from({ length: span - 1 }, () => ''));
          current.cell = null;
        }
        break;
      case 'w:p':
        if (current?.cell && current.cell.paragraph !== null && skipped === 0) {
          current.cell.paragraphs.push(current.cell.paragraph);
          current.cell.paragraph = null;
        }
        break;
      case 'w:t':
        inText -= 1;
        break;
      default:
        if (SKIPPED.has(tag.name)) skipped -= 1;
    }
  });
  parser.on('text', (text) => {
    if (inText > 0) append(text);
  });
  parser.on('cdata', (text) => {
    if (inText > 0) append(text);
  });
  parser.write(xml).close();
  return sheets;
}

/** Every table of a DOCX document as a sheet «Таблица 1», «Таблица 2», … The archive must be checked already. */
export function readDocxSheets(bytes: Uint8Array, entries: readonly ZipEntry[], meter: TableMeter): Sheet[] {
  const documentEntry = entries.find((entry) => entry.name === DOCUMENT_PART);
  if (!documentEntry) throw new AppError('validation', 'Файл DOCX повреждён: в нём нет текста документа');
  let sheets: Sheet[];
  try {
    sheets = readTables(new TextDecoder().decode(extractZipEntry(bytes, entries, DOCUMENT_PART, 'DOCX')), meter);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('validation', 'Файл DOCX повреждён: не удалось прочитать текст документа');
  }
  if (sheets.length === 0) throw new AppError('validation', 'В документе DOCX нет таблиц');
  return sheets;
}
