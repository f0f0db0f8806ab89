/**
 * A report as PDF, written with PDFKit: A4, PT Sans embedded from its npm package (a subset, Cyrillic, no system
 * fonts), a title page with the parameters and «Данные на dd.mm.yyyy», headings that never end a page, tables that
 * break across pages between rows with the header row repeated on every page, charts drawn on the server, page numbers
 * from the second page on. The same document gives the same bytes: the creation date is asOf, PDFKit derives the file
 * id from the document info and the font subset tags from the fonts' order, never from the clock or randomness, and
 * charts are JPEG (embedded synchronously, unlike a PNG's alpha channel).
 *
 * Tables are laid out here rather than by a layout engine: a report's tables run to thousands of rows, and a general
 * engine that styles, measures and positions every cell as a node of a document tree took tens of seconds and most of
 * a gigabyte for them. Here a row is measured with the font's cached word widths, drawn line by line and forgotten,
 * and PDFKit writes each finished page out, so time and memory grow with the page count only.
 */
import PDFDocument from 'pdfkit';
import { formatDate } from '@/lib/format/ru';
import { renderChartJpeg, DEFAULT_CHART_SIZE } from './chart-image';
import { cellText, columnWeights, isNumericColumn } from './cells';
import { reportFont, type ReportFontStyle } from './fonts';
import type { ReportChart, ReportDocument, ReportTable } from './model';

export const PDF_MIME = 'application/pdf';

/** A4 in points; margins 30 mm left, 15 mm right, 20 mm top and bottom. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGINS = { left: 85, top: 57, right: 42, bottom: 57 };
const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;
const BOTTOM = PAGE.height - MARGINS.bottom;

const SECTION_FILL = '#E2E8F0';
const HEADER_FILL = '#F1F5F9';
const RULE_COLOR = '#94A3B8';
const TEXT_COLOR = '#000000';
const RULE_WIDTH = 0.5;

const BODY = { size: 11, leading: 1.15 };
const TABLE = { size: 9, leading: 1.05, padX: 4, padY: 2 };
const HEADINGS = {
  1: { size: 16, before: 16, after: 8 },
  2: { size: 13, before: 12, after: 6 },
  3: { size: 11, before: 10, after: 4 },
} as const;
/** A heading keeps at least this much of what follows it on its page. */
const KEEP_AFTER_HEADING = 48;

type Doc = PDFKit.PDFDocument;

/** Wrapped text: its lines and their widths in points. */
interface Lines {
  lines: string[];
  widths: number[];
}

const FONT_NAMES: Record<ReportFontStyle, string> = {
  regular: 'PTSans',
  bold: 'PTSans-Bold',
  italic: 'PTSans-Italic',
  boldItalic: 'PTSans-BoldItalic',
};

/**
 * The document and the state the drawing functions share: the current font (restored after a page number is written
 * in the middle of a paragraph) and word widths per font, in thousandths of the font size.
 */
class Writer {
  readonly doc: Doc;
  private font: ReportFontStyle = 'regular';
  private size = BODY.size;
  private pages = 0;
  private readonly widths = new Map<ReportFontStyle, Map<string, number>>();

  constructor(doc: Doc) {
    this.doc = doc;
  }

  use(font: ReportFontStyle, size: number): void {
    if (font !== this.font) this.doc.font(FONT_NAMES[font]);
    if (size !== this.size) this.doc.fontSize(size);
    this.font = font;
    this.size = size;
  }

  /** The distance between two lines of the current font at `leading`. */
  lineHeight(leading: number): number {
    return this.doc.currentLineHeight(true) * leading;
  }

  /** The width of a piece of text in the current font: PDFKit's own measure, remembered per piece. */
  width(piece: string): number {
    let widths = this.widths.get(this.font);
    if (!widths) this.widths.set(this.font, (widths = new Map()));
    let width = widths.get(piece);
    if (width === undefined) {
      width = (this.doc.widthOfString(piece) * 1000) / this.size;
      widths.set(piece, width);
    }
    return (width * this.size) / 1000;
  }

  /** The page number at the foot of the page, written when the page is done (the title page has none). */
  private pageNumber(): void {
    if (this.pages < 2) return;
    const [font, size] = [this.font, this.size];
    const number = String(this.pages);
    this.use('regular', 9);
    this.doc.fillColor(TEXT_COLOR).text(number, (PAGE.width - this.width(number)) / 2, BOTTOM + 20, { lineBreak: false });
    this.use(font, size);
  }

  /** Room left on the page, in points. */
  room(): number {
    return BOTTOM - this.doc.y;
  }

  newPage(): void {
    this.pageNumber();
    this.doc.addPage();
    this.pages += 1;
    this.doc.x = MARGINS.left;
    this.doc.y = MARGINS.top;
  }

  /** The last page's number. */
  finish(): void {
    this.pageNumber();
  }

  /** Starts a new page unless `height` fits on this one (or this page is still empty). */
  keep(height: number): void {
    if (height > this.room() && this.doc.y > MARGINS.top) this.newPage();
  }

  /**
   * Text that flows (titles, paragraphs, list items, notes) in the current font: wrapped here, line by line onto the
   * next page when the page is full; justified lines get the spare width between their words.
   */
  flow(text: string, options: { x?: number; width?: number; align?: 'left' | 'center' | 'justify'; indent?: number; leading?: number }): void {
    const x = options.x ?? MARGINS.left;
    const width = options.width ?? TEXT_WIDTH;
    const indent = options.indent ?? 0;
    const height = this.lineHeight(options.leading ?? BODY.leading);
    this.doc.fillColor(TEXT_COLOR);
    for (const paragraph of text.split('\n')) {
      const { lines, widths } = this.wrap(paragraph, width, indent);
      lines.forEach((line, index) => {
        if (this.doc.y + height > BOTTOM && this.doc.y > MARGINS.top) this.newPage();
        const left = x + (index === 0 ? indent : 0);
        const room = width - (index === 0 ? indent : 0);
        const gaps = line.split(' ').length - 1;
        if (options.align === 'justify' && index < lines.length - 1 && gaps > 0) {
          this.doc.text(line, left, this.doc.y, { lineBreak: false, wordSpacing: (room - widths[index]!) / gaps });
        } else if (line !== '') {
          this.doc.text(line, options.align === 'center' ? left + (room - widths[index]!) / 2 : left, this.doc.y, { lineBreak: false });
        }
        this.doc.y += height;
      });
    }
    this.doc.x = MARGINS.left;
  }

  /**
   * The lines `text` takes in the current font within `width`, with their widths: greedy breaks at spaces (a line's
   * width is the sum of its words' remembered widths, so a long text is never measured whole), a word wider than the
   * line broken between characters, paragraph breaks kept.
   */
  wrap(text: string, width: number, indent = 0): Lines {
    const lines: string[] = [];
    const widths: number[] = [];
    const space = this.width(' ');
    for (const paragraph of text.split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(' ')) {
        const wordWidth = this.width(word);
        const room = lines.length === 0 ? width - indent : width;
        if (line !== '' && lineWidth + space + wordWidth > room) {
          lines.push(line);
          widths.push(lineWidth);
          line = '';
          lineWidth = 0;
        }
        if (line === '' && wordWidth > room) {
          // A word wider than the column: as many characters as fit on each line.
          let part = '';
          for (const char of word) {
            if (part !== '' && this.width(part + char) > (lines.length === 0 ? width - indent : width)) {
              lines.push(part);
              widths.push(this.width(part));
              part = '';
            }
            part += char;
          }
          line = part;
          lineWidth = this.width(part);
          continue;
        }
        lineWidth += (line === '' ? 0 : space) + wordWidth;
        line = line === '' ? word : `${line} ${word}`;
      }
      lines.push(line);
      widths.push(lineWidth);
    }
    return { lines, widths };
  }

  /** Lines at a fixed place, left or right aligned within `width`. */
  lines({ lines, widths }: Lines, x: number, y: number, width: number, leading: number, right: boolean): void {
    const height = this.lineHeight(leading);
    lines.forEach((line, index) => {
      if (line === '') return;
      this.doc.text(line, right ? x + width - widths[index]! : x, y + index * height, { lineBreak: false });
    });
  }
}

function titlePage(writer: Writer, document: ReportDocument): void {
  const { doc } = writer;
  writer.use('bold', 20);
  doc.y = MARGINS.top + 140;
  writer.flow(document.title, { align: 'center', leading: 1.15 });
  doc.y += 40;
  const labelWidth = 150;
  for (const [label, value] of [...document.parameters, ['Данные на', formatDate(document.asOf)] as const]) {
    writer.use('bold', BODY.size);
    const labelLines = writer.wrap(label, labelWidth - 8);
    writer.use('regular', BODY.size);
    const valueLines = writer.wrap(value, TEXT_WIDTH - labelWidth - 8);
    const height = Math.max(labelLines.lines.length, valueLines.lines.length) * writer.lineHeight(BODY.leading) + 4;
    writer.keep(height);
    const y = doc.y + 2;
    writer.use('bold', BODY.size);
    doc.fillColor(TEXT_COLOR);
    writer.lines(labelLines, MARGINS.left + 4, y, labelWidth - 8, BODY.leading, false);
    writer.use('regular', BODY.size);
    writer.lines(valueLines, MARGINS.left + labelWidth + 4, y, TEXT_WIDTH - labelWidth - 8, BODY.leading, false);
    doc.y += height;
  }
}

function heading(writer: Writer, level: 1 | 2 | 3, text: string): void {
  const style = HEADINGS[level];
  writer.use('bold', style.size);
  const height = writer.wrap(text, TEXT_WIDTH).lines.length * writer.lineHeight(BODY.leading);
  writer.keep(style.before + height + style.after + KEEP_AFTER_HEADING);
  if (writer.doc.y > MARGINS.top) writer.doc.y += style.before;
  writer.flow(text, {});
  writer.doc.y += style.after;
}

interface Cell {
  lines: Lines;
  bold: boolean;
  right: boolean;
}

function reportTable(writer: Writer, table: ReportTable, number: number): void {
  const { doc } = writer;
  const weights = columnWeights(table.columns);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => (weight / total) * TEXT_WIDTH);
  const lefts = widths.map((_, index) => MARGINS.left + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const numeric = table.columns.map((column) => isNumericColumn(column));

  const measure = (texts: readonly string[], bold: boolean): { cells: Cell[]; height: number } => {
    writer.use(bold ? 'bold' : 'regular', TABLE.size);
    const cells = texts.map((text, index) => ({ lines: writer.wrap(text, widths[index]! - 2 * TABLE.padX), bold, right: numeric[index]! }));
    const lines = Math.max(1, ...cells.map((cell) => cell.lines.lines.length));
    return { cells, height: lines * writer.lineHeight(TABLE.leading) + 2 * TABLE.padY };
  };

  const drawRow = (row: { cells: Cell[]; height: number }, fill: string | undefined): void => {
    const top = doc.y;
    if (fill) doc.rect(MARGINS.left, top, TEXT_WIDTH, row.height).fill(fill);
    doc.fillColor(TEXT_COLOR);
    row.cells.forEach((cell, index) => {
      writer.use(cell.bold ? 'bold' : 'regular', TABLE.size);
      writer.lines(cell.lines, lefts[index]! + TABLE.padX, top + TABLE.padY, widths[index]! - 2 * TABLE.padX, TABLE.leading, cell.right);
    });
    // The row's rules: its top and bottom, and the column edges.
    doc.moveTo(MARGINS.left, top).lineTo(MARGINS.left + TEXT_WIDTH, top).moveTo(MARGINS.left, top + row.height).lineTo(MARGINS.left + TEXT_WIDTH, top + row.height);
    for (const x of [...lefts, MARGINS.left + TEXT_WIDTH]) doc.moveTo(x, top).lineTo(x, top + row.height);
    doc.lineWidth(RULE_WIDTH).strokeColor(RULE_COLOR).stroke();
    doc.y = top + row.height;
  };

  const header = measure(table.columns.map((column) => column.header), true);
  const captionText = `Таблица ${number}. ${table.title}`;
  writer.use('bold', BODY.size);
  const captionHeight = writer.wrap(captionText, TEXT_WIDTH).lines.length * writer.lineHeight(BODY.leading);
  const first = table.rows[0];
  const firstHeight = first === undefined ? 0 : measure(table.columns.map((column) => cellText(column, first[column.key])), table.rowStyle?.(first) !== undefined).height;
  // The caption stays with the header row and the first row.
  writer.keep(10 + captionHeight + 4 + header.height + firstHeight);
  if (doc.y > MARGINS.top) doc.y += 10;
  writer.use('bold', BODY.size);
  writer.flow(captionText, {});
  doc.y += 4;
  drawRow(header, HEADER_FILL);

  for (const row of table.rows) {
    const style = table.rowStyle?.(row);
    const measured = measure(table.columns.map((column) => cellText(column, row[column.key])), style !== undefined);
    // Rows never split: a row that does not fit goes to the next page, under the header row again.
    if (measured.height > writer.room()) {
      writer.newPage();
      drawRow(header, HEADER_FILL);
    }
    drawRow(measured, style === 'section' ? SECTION_FILL : undefined);
  }
  doc.y += 4;
  writer.use('italic', TABLE.size);
  if (table.rows.length === 0) writer.flow('Нет данных.', {});
  if (table.note) writer.flow(table.note, {});
  doc.y += 4;
}

function reportChart(writer: Writer, chart: ReportChart, jpeg: Uint8Array, number: number): void {
  const { doc } = writer;
  const height = (TEXT_WIDTH * DEFAULT_CHART_SIZE.height) / DEFAULT_CHART_SIZE.width;
  const captionText = `Рисунок ${number}. ${chart.title}`;
  writer.use('regular', TABLE.size);
  const captionHeight = writer.wrap(captionText, TEXT_WIDTH).lines.length * writer.lineHeight(BODY.leading);
  // The picture and its caption stay together.
  writer.keep(height + 4 + captionHeight + 12);
  doc.image(Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength), MARGINS.left, doc.y, { width: TEXT_WIDTH, height });
  doc.y += height + 4;
  writer.flow(captionText, { align: 'center' });
  doc.y += 12;
}

export async function renderPdf(document: ReportDocument): Promise<Uint8Array> {
  // Charts are drawn first, all at once: each JPEG is encoded off the main thread while the next chart is drawn.
  const pictures = await Promise.all(document.blocks.flatMap((block) => (block.kind === 'chart' ? [renderChartJpeg(block.chart)] : [])));
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    autoFirstPage: false,
    compress: true,
    info: {
      Title: document.title,
      Author: 'Опора',
      Creator: 'Опора',
      Producer: 'Опора',
      Subject: document.parameters.map(([label, value]) => `${label}: ${value}`).join('; '),
      CreationDate: document.asOf,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const [style, name] of Object.entries(FONT_NAMES) as [ReportFontStyle, string][]) doc.registerFont(name, reportFont(style));
  const writer = new Writer(doc);
  doc.font(FONT_NAMES.regular).fontSize(BODY.size);
  writer.newPage();
  titlePage(writer, document);
  writer.newPage();

  let tables = 0;
  let charts = 0;
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'heading':
        heading(writer, block.level, block.text);
        break;
      case 'paragraph':
        writer.use('regular', BODY.size);
        writer.flow(block.text, { align: 'justify', indent: 20 });
        doc.y += 6;
        break;
      case 'list':
        writer.use('regular', BODY.size);
        for (const item of block.items) {
          writer.keep(writer.lineHeight(BODY.leading));
          doc.fillColor(TEXT_COLOR).text('•', MARGINS.left + 10, doc.y, { lineBreak: false });
          writer.flow(item, { x: MARGINS.left + 22, width: TEXT_WIDTH - 22 });
        }
        doc.y += 8;
        break;
      case 'table':
        tables += 1;
        reportTable(writer, block.table, tables);
        break;
      case 'chart':
        charts += 1;
        reportChart(writer, block.chart, pictures[charts - 1]!, charts);
        break;
    }
  }
  writer.finish();
  doc.end();
  await finished;
  const buffer = Buffer.concat(chunks);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
