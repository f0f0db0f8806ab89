import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildAnalyticalNote } from '@/lib/reports/note';
import { SAMPLE_FACTS } from '@/tests/support/note-facts';
import { renderReport, reportFormats } from './render';
import type { ReportDocument } from './model';
import { DOCX_MIME, renderDocx } from './render-docx';

const note = buildAnalyticalNote(SAMPLE_FACTS);

describe('renderDocx', () => {
  it('writes the title page, the text, tables and charts into the Word document', async () => {
    const files = unzipSync(await renderDocx(note));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('Аналитическая справка о поддержке ШНОР и ШНСУ — Заречная область, 2025 год');
    expect(xml).toContain('Данные на ');
    expect(xml).toContain('01.12.2025');
    expect(xml).toContain('В 2025 году в перечень ШНОР включено 14 школ (на 3 меньше, чем в 2024 году); из них 9 — в сельской местности.');
    // Table cells: ru-RU numbers with the true minus, percents, the header row repeated on every page.
    expect(xml).toContain('Таблица 3. Выполнение дорожных карт по муниципалитетам');
    expect(xml).toContain('\u22129,8');
    expect(xml).toContain('79,2\u00a0%');
    expect(xml).toContain('<w:tblHeader/>');
    // Charts: one PNG per chart, with the chart's description as the alt text.
    const charts = note.blocks.filter((block) => block.kind === 'chart');
    const media = Object.keys(files).filter((path) => path.startsWith('word/media/') && path.endsWith('.png'));
    expect(media).toHaveLength(charts.length);
    expect(xml).toContain('descr="График по годам (2023–2025). ЕГЭ, математика (профильная)');
    // A4 and page numbers in the footer.
    expect(xml).toContain('w:w="11906" w:h="16838"');
    const footers = Object.keys(files).filter((path) => /^word\/footer\d+\.xml$/.test(path)).map((path) => strFromU8(files[path]!));
    expect(footers.some((footer) => footer.includes('PAGE'))).toBe(true);
    // Line spacing with an explicit rule: LibreOffice reads a bare w:line as exact and clips the charts to one line.
    const styles = strFromU8(files['word/styles.xml']!);
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:spacing [^>]*w:lineRule="auto"/);
  });

  it('renders an empty table and a chart without data', async () => {
    const files = unzipSync(
      await renderDocx({
        title: 'Пустые части',
        parameters: [],
        asOf: new Date('2025-12-01T07:00:00Z'),
        blocks: [
          { kind: 'table', table: { id: 'empty', title: 'Пустая таблица', columns: [{ header: 'Школа', key: 'name' }], rows: [] } },
          { kind: 'chart', chart: { id: 'none', title: 'Нет значений', type: 'line', labels: [], series: [], description: 'Данных нет.' } },
        ],
      }),
    );
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('Таблица 1. Пустая таблица');
    expect(xml).toContain('Нет данных.');
    expect(xml).toContain('descr="Данных нет."');
  });

  it('gives the same bytes for the same document, dated as of the data', async () => {
    const first = await renderDocx(note);
    const second = await renderDocx(note);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const core = strFromU8(unzipSync(first)['docProps/core.xml']!);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-12-01T07:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-12-01T07:00:00Z</dcterms:modified>');
  });

  it('writes a long table in slices with the same bytes as the table in the document\'s model', async () => {
    const document: ReportDocument = {
      title: 'Длинная таблица',
      parameters: [['Год', '2025']],
      asOf: new Date('2025-12-01T07:00:00Z'),
      blocks: [
        { kind: 'paragraph', text: 'До таблицы.' },
        {
          kind: 'table',
          table: {
            id: 'long',
            title: 'Школы',
            columns: [
              { header: 'Наименование школы', key: 'name' },
              { header: 'Средний балл', key: 'score', type: 'number' },
            ],
            rows: Array.from({ length: 23 }, (_, index) => ({ name: index % 5 === 0 ? `Раздел ${index}` : `Школа № ${index} <«&»>`, score: 40 + index / 10 })),
            rowStyle: (row) => (String(row.name).startsWith('Раздел') ? 'section' : undefined),
          },
        },
        { kind: 'paragraph', text: 'Между таблицами.' },
        { kind: 'table', table: { id: 'second', title: 'Вторая', columns: [{ header: 'Школа', key: 'name' }], rows: [{ name: 'А' }, { name: 'Б' }, { name: 'В' }] } },
        ...note.blocks,
      ],
    };
    const whole = await renderDocx(document, { chunkCells: Infinity });
    const sliced = await renderDocx(document, { chunkCells: 3 });
    const xml = strFromU8(unzipSync(sliced)['word/document.xml']!);
    expect(xml).toContain('Школа № 22 &lt;«&amp;»&gt;');
    expect(xml).not.toContain('\uE000');
    expect(xml.match(/<w:tbl>/g)?.length).toBe(strFromU8(unzipSync(whole)['word/document.xml']!).match(/<w:tbl>/g)?.length);
    expect(Buffer.from(sliced).equals(Buffer.from(whole))).toBe(true);
  });

  it('is offered and rendered through renderReport', async () => {
    expect(reportFormats()).toEqual(['xlsx', 'docx', 'pdf', 'csv']);
    const rendered = await renderReport(note, 'docx');
    expect(rendered).toMatchObject({ mimeType: DOCX_MIME, extension: 'docx' });
    expect(strFromU8(unzipSync(rendered.bytes)['word/document.xml']!)).toContain('Заречная область');
  });
});
