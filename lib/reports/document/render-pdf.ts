/**
 * A report as PDF (pdfmake on PDFKit): A4, PT Sans embedded from its npm package (Cyrillic, no system fonts), a title
 * page with the parameters and «Данные на dd.mm.yyyy», tables that break across pages with the header row repeated,
 * charts drawn on the server, page numbers. The same document gives the same bytes: the creation date is asOf,
 * PDFKit's file id and font subset tags are derived from the content, never from the clock or randomness, and charts
 * are JPEG (embedded synchronously, unlike a PNG's alpha channel).
 */
import * as pdfmakeModule from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate } from '@/lib/format/ru';
import { renderChartJpeg } from './chart-image';
import { cellText, columnWeights, isNumericColumn } from './cells';
import { reportFont, type ReportFontStyle } from './fonts';
import type { ReportDocument, ReportTable } from './model';

export const PDF_MIME = 'application/pdf';

interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}
type Pdfmake = typeof pdfmakeModule & { virtualfs: VirtualFs };
// pdfmake exports one instance through CommonJS: under ESM interop it is the default export.
const pdfmake = ((pdfmakeModule as unknown as { default?: Pdfmake }).default ?? pdfmakeModule) as Pdfmake;

const FONT = 'PTSans';
const FONT_FILES: Record<'normal' | 'bold' | 'italics' | 'bolditalics', ReportFontStyle> = {
  normal: 'regular',
  bold: 'bold',
  italics: 'italic',
  bolditalics: 'boldItalic',
};

/** A4 in points; margins 30/15/20/20 mm. */
const PAGE_WIDTH = 595.28;
const MARGINS: [number, number, number, number] = [85, 57, 42, 57];
const TEXT_WIDTH = PAGE_WIDTH - MARGINS[0] - MARGINS[2];
/** pdfmake's default cell padding (4 pt each side) and the 1 pt rule between columns. */
const CELL_EXTRA = 9;

const SECTION_FILL = '#E2E8F0';
const HEADER_FILL = '#F1F5F9';
const RULE_COLOR = '#94A3B8';

let configured = false;

/** Fonts go into pdfmake's in-memory file system once; reading the disk or the network is refused. */
function configure(): void {
  if (configured) return;
  const fonts: Record<string, string> = {};
  for (const [variant, style] of Object.entries(FONT_FILES)) {
    const name = `opora-report/${FONT}-${style}.ttf`;
    if (!pdfmake.virtualfs.existsSync(name)) pdfmake.virtualfs.writeFileSync(name, reportFont(style));
    fonts[variant] = name;
  }
  pdfmake.setFonts({ [FONT]: fonts as { normal: string; bold: string; italics: string; bolditalics: string } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
}

function titlePage(document: ReportDocument): Content[] {
  return [
    { text: document.title, style: 'title', margin: [0, 140, 0, 40] },
    {
      table: {
        widths: [150, '*'],
        body: [
          ...document.parameters.map(([label, value]): TableCell[] => [{ text: label, bold: true }, value]),
          [{ text: 'Данные на', bold: true }, formatDate(document.asOf)],
        ],
      },
      layout: 'noBorders',
      pageBreak: 'after',
    },
  ];
}

function reportTable(table: ReportTable, number: number): Content[] {
  const weights = columnWeights(table.columns);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const available = TEXT_WIDTH - table.columns.length * CELL_EXTRA;
  const widths = weights.map((weight) => Math.max(Math.floor((weight / total) * available * 100) / 100, 12));
  const header: TableCell[] = table.columns.map((column) => ({
    text: column.header,
    bold: true,
    fillColor: HEADER_FILL,
    alignment: isNumericColumn(column) ? 'right' : 'left',
  }));
  const rows = table.rows.map((row): TableCell[] => {
    const style = table.rowStyle?.(row);
    // Only the properties a cell differs in: each one given is looked up again while the table is laid out.
    return table.columns.map((column): TableCell => {
      const cell: TableCell & Record<string, unknown> = { text: cellText(column, row[column.key]) };
      if (style !== undefined) cell.bold = true;
      if (style === 'section') cell.fillColor = SECTION_FILL;
      if (isNumericColumn(column)) cell.alignment = 'right';
      return cell;
    });
  });
  const blocks: Content[] = [
    { text: `Таблица ${number}. ${table.title}`, style: 'caption', headlineLevel: 4 },
    {
      table: { headerRows: 1, dontBreakRows: true, keepWithHeaderRows: 1, widths, body: [header, ...rows] },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0.5,
        hLineColor: () => RULE_COLOR,
        vLineColor: () => RULE_COLOR,
      },
      style: 'table',
    },
  ];
  if (table.rows.length === 0) blocks.push({ text: 'Нет данных.', style: 'note' });
  if (table.note) blocks.push({ text: table.note, style: 'note' });
  return blocks;
}

async function body(document: ReportDocument, images: Record<string, string>): Promise<Content[]> {
  // Charts are drawn first, all at once: each JPEG is encoded off the main thread while the next chart is drawn.
  const pictures = await Promise.all(document.blocks.flatMap((block) => (block.kind === 'chart' ? [renderChartJpeg(block.chart)] : [])));
  const content: Content[] = [];
  let tables = 0;
  let charts = 0;
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'heading':
        content.push({ text: block.text, style: `h${block.level}`, headlineLevel: block.level });
        break;
      case 'paragraph':
        content.push({ text: block.text, style: 'paragraph' });
        break;
      case 'list':
        content.push({ ul: [...block.items], style: 'list' });
        break;
      case 'table':
        tables += 1;
        content.push(...reportTable(block.table, tables));
        break;
      case 'chart': {
        charts += 1;
        const key = `chart${charts}`;
        images[key] = `data:image/jpeg;base64,${Buffer.from(pictures[charts - 1]!).toString('base64')}`;
        content.push({
          stack: [
            { image: key, width: TEXT_WIDTH, alignment: 'center' },
            { text: `Рисунок ${charts}. ${block.chart.title}`, style: 'figure' },
          ],
          unbreakable: true,
        });
        break;
      }
    }
  }
  return content;
}

export async function renderPdf(document: ReportDocument): Promise<Uint8Array> {
  configure();
  const images: Record<string, string> = {};
  const content = [...titlePage(document), ...(await body(document, images))];
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: {
      title: document.title,
      author: 'Опора',
      creator: 'Опора',
      producer: 'Опора',
      subject: document.parameters.map(([label, value]) => `${label}: ${value}`).join('; '),
      creationDate: document.asOf,
    },
    footer: (currentPage: number) =>
      currentPage === 1 ? null : { text: String(currentPage), alignment: 'center', fontSize: 9, margin: [0, 20, 0, 0] },
    content,
    images,
    // A heading or a table's caption never ends a page: it moves to the next one, with what it introduces.
    pageBreakBefore: (node, nodes) => node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0,
    defaultStyle: { font: FONT, fontSize: 11, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 20, bold: true, alignment: 'center' },
      h1: { fontSize: 16, bold: true, margin: [0, 16, 0, 8] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      paragraph: { alignment: 'justify', margin: [0, 0, 0, 6], leadingIndent: 20 },
      list: { margin: [10, 0, 0, 8] },
      caption: { bold: true, margin: [0, 10, 0, 4] },
      table: { fontSize: 9, lineHeight: 1.05, margin: [0, 0, 0, 4] },
      note: { fontSize: 9, italics: true, margin: [0, 0, 0, 8] },
      figure: { fontSize: 9, alignment: 'center', margin: [0, 4, 0, 12] },
    },
  };
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
