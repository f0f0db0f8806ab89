/**
 * A report as a Word document (the `docx` package), for the analyst to edit and sign: a title page with the
 * parameters and «Данные на dd.mm.yyyy», headings, paragraphs, lists, tables whose header row repeats on every page
 * (ru-RU numbers, percents, section and total rows), chart images with their description as alt text, page numbers
 * in the footer, A4. The same document gives the same bytes (docProps dates = asOf, fixed zip times, numbered
 * drawing ids), so a stored report's digest can be checked by generating it again.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { formatDate } from '@/lib/format/ru';
import { renderChartPng, DEFAULT_CHART_SIZE } from './chart-image';
import { cellText, columnWeights, isNumericColumn } from './cells';
import type { ReportChart, ReportDocument, ReportTable } from './model';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Times New Roman: the typeface of Russian official documents, present wherever Word is, with Cyrillic. */
const FONT = 'Times New Roman';
/** Sizes in half-points. */
const BODY_SIZE = 24;
const TABLE_SIZE = 20;
const SMALL_SIZE = 20;

/** A4 in twentieths of a point; margins 30/15/20/20 mm as Russian official documents have them. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 709, footer: 709 };
/** The text width in twips and in pixels at 96 dpi (charts are fitted to it). */
const TEXT_WIDTH_TWIPS = PAGE.width - MARGIN.left - MARGIN.right;
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH_TWIPS / 1440) * 96);

const BULLETS = 'report-bullets';
const TABLE_STYLE = 'ReportTableText';
const SECTION_FILL = 'E2E8F0';
const HEADER_FILL = 'F1F5F9';

function titlePage(document: ReportDocument): Paragraph[] {
  const lines = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 2400, after: 600 },
      children: [new TextRun({ text: document.title, bold: true, size: 32 })],
    }),
    ...document.parameters.map(
      ([label, value]) =>
        new Paragraph({
          spacing: { after: 120 },
          children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun({ text: value })],
        }),
    ),
    new Paragraph({
      spacing: { before: 240 },
      children: [new TextRun({ text: 'Данные на ', bold: true }), new TextRun({ text: formatDate(document.asOf) })],
    }),
  ];
  lines.push(new Paragraph({ pageBreakBefore: true, children: [] }));
  return lines;
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function caption(text: string): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true })] });
}

/**
 * A cell with as few elements as Word needs: size, spacing and margins come from the table's paragraph style and the
 * table, so a 2,000-row table stays small and fast to write.
 */
function tableCell(text: string, options: { bold?: boolean; fill?: string; right?: boolean }): TableCell {
  return new TableCell({
    shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
    children: [
      new Paragraph({
        style: TABLE_STYLE,
        alignment: options.right ? AlignmentType.RIGHT : undefined,
        children: [options.bold ? new TextRun({ text, bold: true }) : new TextRun(text)],
      }),
    ],
  });
}

interface TableLayout {
  columnWidths: number[];
  header: TableRow;
  rows: (index: number) => TableRow;
  count: number;
  columns: number;
}

function tableLayout(table: ReportTable): TableLayout {
  const weights = columnWeights(table.columns);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const columnWidths = weights.map((weight) => Math.floor((weight / totalWeight) * TEXT_WIDTH_TWIPS));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column) => tableCell(column.header, { bold: true, fill: HEADER_FILL, right: isNumericColumn(column) })),
  });
  const rows = (index: number) => {
    const row = table.rows[index]!;
    const style = table.rowStyle?.(row);
    return new TableRow({
      cantSplit: true,
      children: table.columns.map((column) =>
        tableCell(cellText(column, row[column.key]), {
          bold: style !== undefined,
          fill: style === 'section' ? SECTION_FILL : undefined,
          right: isNumericColumn(column),
        }),
      ),
    });
  };
  return { columnWidths, header, rows, count: table.rows.length, columns: table.columns.length };
}

function tableOf(layout: TableLayout, rows: TableRow[]): Table {
  return new Table({
    rows,
    columnWidths: layout.columnWidths,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

/**
 * Tables of more cells than this are written apart from the document, as many rows at a time as hold about this many
 * cells (see `LargeTables`); smaller ones are part of the document's model. Smaller slices keep less alive at a time;
 * each slice costs one compile of a small document (styles, settings and the like), so they are not made smaller.
 */
export const DEFAULT_CHUNK_CELLS = 500;

function reportTable(table: ReportTable, number: number, large: LargeTables): FileChild[] {
  const layout = tableLayout(table);
  const blocks: FileChild[] = [
    caption(`Таблица ${number}. ${table.title}`),
    layout.count > large.sliceRows(layout)
      ? large.placeholder(layout)
      : tableOf(layout, [layout.header, ...Array.from({ length: layout.count }, (_, index) => layout.rows(index))]),
  ];
  if (table.rows.length === 0) blocks.push(new Paragraph({ children: [new TextRun({ text: 'Нет данных.', italics: true, size: SMALL_SIZE })] }));
  if (table.note) blocks.push(new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: table.note, italics: true, size: SMALL_SIZE })] }));
  return blocks;
}

/**
 * Long tables, written by the docx compiler a slice of rows at a time. docx builds a whole document as one tree of
 * objects, turns it into a second tree and that into the XML; for a report with 13,000 rows of long texts that took
 * about a gigabyte and seconds of garbage collection. A long table stands in the document as a placeholder paragraph;
 * its rows are compiled by the same compiler in slices (each slice a one-table document, from which its table's XML is
 * taken), and the slices' XML replaces the placeholder. Every element is still written by docx — the same bytes as
 * the table in the document's model (a test compares them) — while only one slice's objects are alive at a time.
 */
class LargeTables {
  private readonly tables: TableLayout[] = [];

  constructor(private readonly chunkCells: number) {}

  /** How many rows of the table a slice holds. */
  sliceRows(layout: TableLayout): number {
    return Math.max(1, Math.floor(this.chunkCells / Math.max(1, layout.columns)));
  }

  placeholder(layout: TableLayout): Paragraph {
    this.tables.push(layout);
    return new Paragraph({ children: [new TextRun(LargeTables.token(this.tables.length - 1))] });
  }

  /** A text no cell can hold: the private-use characters around the number. */
  private static token(index: number): string {
    return `\uE000opora-table-${index}\uE000`;
  }

  /**
   * The document's XML, UTF-8, with each placeholder paragraph replaced by its table's XML. Each slice is encoded as
   * soon as it is written, so the document's text is never held whole as a JavaScript string.
   */
  fill(xml: string, compile: (file: Document) => Map<string, PackageData>): Uint8Array {
    const encoder = new TextEncoder();
    if (this.tables.length === 0) return encoder.encode(xml);
    const parts: Uint8Array[] = [];
    const push = (text: string) => parts.push(encoder.encode(text));
    let from = 0;
    for (const [index, layout] of this.tables.entries()) {
      const paragraph = `<w:p><w:r><w:t xml:space="preserve">${LargeTables.token(index)}</w:t></w:r></w:p>`;
      const at = xml.indexOf(paragraph, from);
      if (at === -1 || xml.indexOf(paragraph, at + paragraph.length) !== -1) throw new Error('docx: место длинной таблицы в document.xml не найдено — проверьте версию пакета docx');
      push(xml.slice(from, at));
      const size = this.sliceRows(layout);
      for (let start = 0; start < layout.count; start += size) {
        const rows = Array.from({ length: Math.min(size, layout.count - start) }, (_, offset) => layout.rows(start + offset));
        const tableXml = LargeTables.tableXml(tableOf(layout, start === 0 ? [layout.header, ...rows] : rows), compile);
        // The first slice brings the table's properties, grid and header row; the next ones only their rows.
        push(start === 0 ? tableXml.slice(0, -'</w:tbl>'.length) : tableXml.slice(tableXml.indexOf('</w:tblGrid>') + '</w:tblGrid>'.length, -'</w:tbl>'.length));
      }
      push('</w:tbl>');
      from = at + paragraph.length;
    }
    push(xml.slice(from));
    const bytes = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    return bytes;
  }

  /** The XML of one table, as docx writes it in a document of its own. */
  private static tableXml(table: Table, compile: (file: Document) => Map<string, PackageData>): string {
    const xml = compile(new Document({ sections: [{ children: [table] }] })).get('word/document.xml');
    const start = typeof xml === 'string' ? xml.indexOf('<w:tbl>') : -1;
    const end = typeof xml === 'string' ? xml.lastIndexOf('</w:tbl>') : -1;
    if (typeof xml !== 'string' || start === -1 || end < start || !xml.includes('</w:tblGrid>', start)) {
      throw new Error('docx: таблица в document.xml не найдена — проверьте версию пакета docx');
    }
    return xml.slice(start, end + '</w:tbl>'.length);
  }
}

function reportChart(chart: ReportChart, png: Uint8Array, number: number): Paragraph[] {
  const width = TEXT_WIDTH_PX;
  const height = Math.round((width * DEFAULT_CHART_SIZE.height) / DEFAULT_CHART_SIZE.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width, height },
          // The id is the chart's place in the document: the package's own counter runs across documents.
          altText: { id: String(number), name: `Рисунок ${number}`, title: chart.title, description: chart.description },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: `Рисунок ${number}. ${chart.title}`, size: SMALL_SIZE })],
    }),
  ];
}

async function body(document: ReportDocument, large: LargeTables): Promise<FileChild[]> {
  // Charts are drawn first, all at once: each PNG is encoded off the main thread while the next chart is drawn.
  const images = await Promise.all(document.blocks.flatMap((block) => (block.kind === 'chart' ? [renderChartPng(block.chart)] : [])));
  const children: FileChild[] = [];
  let tables = 0;
  let charts = 0;
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'heading':
        children.push(new Paragraph({ heading: HEADINGS[block.level], keepNext: true, children: [new TextRun(block.text)] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 709 }, children: [new TextRun(block.text)] }));
        break;
      case 'list':
        for (const item of block.items) {
          children.push(new Paragraph({ numbering: { reference: BULLETS, level: 0 }, alignment: AlignmentType.JUSTIFIED, children: [new TextRun(item)] }));
        }
        break;
      case 'table':
        tables += 1;
        children.push(...reportTable(block.table, tables, large));
        break;
      case 'chart':
        charts += 1;
        children.push(...reportChart(block.chart, images[charts - 1]!, charts));
        break;
    }
  }
  return children;
}

function heading(id: string, name: string, size: number, basedOn = 'Normal') {
  return {
    id,
    name,
    basedOn,
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size, bold: true, color: '000000' },
    paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
  };
}

/** Zips the files without the clock: docProps dates become asOf, every zip entry gets one fixed time. */
function pinDates(files: Map<string, Uint8Array>, asOf: Date): Uint8Array {
  const stamp = asOf.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = files.get('docProps/core.xml');
  if (core) {
    const xml = strFromU8(core).replace(
      /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      (_match, open: string, _name: string, close: string) => `${open}${stamp}${close}`,
    );
    files.set('docProps/core.xml', strToU8(xml));
  }
  // Zip times have no time zone (fflate writes the Date's local fields): the as-of day at noon, built from local
  // fields, so every server writes the same bytes whatever its zone.
  const [day, month, year] = formatDate(asOf).split('.').map(Number) as [number, number, number];
  const mtime = new Date(Math.max(year, 1980), month - 1, day, 12, 0, 0);
  const zippable: Zippable = {};
  for (const [path, data] of files) zippable[path] = [data, { mtime, level: 6 }];
  return zipSync(zippable);
}

export interface DocxOptions {
  /** Tables of more cells are compiled apart, about this many cells at a time (DEFAULT_CHUNK_CELLS; Infinity: never). */
  chunkCells?: number;
}

export async function renderDocx(document: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const large = new LargeTables(options.chunkCells ?? DEFAULT_CHUNK_CELLS);
  const file = new Document({
    creator: 'Опора',
    lastModifiedBy: 'Опора',
    title: document.title,
    description: document.parameters.map(([label, value]) => `${label}: ${value}`).join('; '),
    styles: {
      default: {
        // The line rule is spelled out: without it LibreOffice takes the spacing as exact and clips the charts.
        document: { run: { font: FONT, size: BODY_SIZE }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
      },
      paragraphStyles: [
        heading('Heading1', 'Heading 1', 30),
        heading('Heading2', 'Heading 2', 26),
        heading('Heading3', 'Heading 3', BODY_SIZE),
        { id: TABLE_STYLE, name: 'Текст таблицы', basedOn: 'Normal', run: { size: TABLE_SIZE }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '–',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 709, hanging: 357 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: PAGE, margin: MARGIN },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SMALL_SIZE })] })],
          }),
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
        },
        children: [...titlePage(document), ...(await body(document, large))],
      },
    ],
  });
  return pinDates(packageFiles(file, large), document.asOf);
}

type PackageData = string | Uint8Array | ArrayBuffer;
interface DocxCompiler {
  compile(file: Document, prettify: undefined, overrides: readonly []): Map<string, PackageData>;
}

function docxCompiler(): DocxCompiler {
  const compiler = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') throw new Error('docx: Packer.compiler.compile не найден — проверьте версию пакета docx');
  return compiler;
}

/**
 * The package's files before zipping, from the docx compiler (the step `Packer` runs before it zips with the clock's
 * time), so the files are zipped once, with fixed dates; long tables are put in place of their placeholders. The
 * version is pinned; a version that moves the compiler or writes the placeholders otherwise fails here, and in the
 * tests, instead of quietly writing other bytes.
 */
function packageFiles(file: Document, large: LargeTables): Map<string, Uint8Array> {
  const compiler = docxCompiler();
  const compile = (part: Document) => compiler.compile(part, undefined, []);
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of compile(file)) {
    const bytes = typeof data === 'string' && path === 'word/document.xml' ? large.fill(data, compile) : data;
    files.set(path, typeof bytes === 'string' ? encoder.encode(bytes) : bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  }
  return files;
}
