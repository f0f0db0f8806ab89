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

function reportTable(table: ReportTable, number: number): FileChild[] {
  const weights = columnWeights(table.columns);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const columnWidths = weights.map((weight) => Math.floor((weight / totalWeight) * TEXT_WIDTH_TWIPS));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column) => tableCell(column.header, { bold: true, fill: HEADER_FILL, right: isNumericColumn(column) })),
  });
  const rows = table.rows.map((row) => {
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
  });
  const blocks: FileChild[] = [
    caption(`Таблица ${number}. ${table.title}`),
    new Table({
      rows: [header, ...rows],
      columnWidths,
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    }),
  ];
  if (table.rows.length === 0) blocks.push(new Paragraph({ children: [new TextRun({ text: 'Нет данных.', italics: true, size: SMALL_SIZE })] }));
  if (table.note) blocks.push(new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: table.note, italics: true, size: SMALL_SIZE })] }));
  return blocks;
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

async function body(document: ReportDocument): Promise<FileChild[]> {
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
        children.push(...reportTable(block.table, tables));
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

export async function renderDocx(document: ReportDocument): Promise<Uint8Array> {
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
        children: [...titlePage(document), ...(await body(document))],
      },
    ],
  });
  return pinDates(packageFiles(file), document.asOf);
}

type PackageData = string | Uint8Array | ArrayBuffer;
interface DocxCompiler {
  compile(file: Document, prettify: undefined, overrides: readonly []): Map<string, PackageData>;
}

/**
 * The package's files before zipping, from the docx compiler (the step `Packer` runs before it zips with the clock's
 * time), so the files are zipped once, with fixed dates. The version is pinned; a version that moves the compiler
 * fails here, and in the tests, instead of quietly writing other bytes.
 */
function packageFiles(file: Document): Map<string, Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') throw new Error('docx: Packer.compiler.compile не найден — проверьте версию пакета docx');
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of compiler.compile(file, undefined, [])) {
    files.set(path, typeof data === 'string' ? strToU8(data) : data instanceof Uint8Array ? data : new Uint8Array(data));
  }
  return files;
}
