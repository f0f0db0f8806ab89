import { extractText, getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { buildAnalyticalNote } from '@/lib/reports/note';
import { SAMPLE_FACTS } from '@/tests/support/note-facts';
import type { ReportDocument } from './model';
import { renderReport } from './render';
import { PDF_MIME, renderPdf } from './render-pdf';

const note = buildAnalyticalNote(SAMPLE_FACTS);

const EMPTY_PARTS: ReportDocument = {
  title: 'Пустые части',
  parameters: [['Год', '2025']],
  asOf: new Date('2025-12-01T07:00:00Z'),
  blocks: [
    { kind: 'table', table: { id: 'empty', title: 'Пустая таблица', columns: [{ header: 'Школа', key: 'name' }], rows: [] } },
    { kind: 'chart', chart: { id: 'none', title: 'Нет значений', type: 'bar', labels: ['2024', '2025'], series: [{ label: 'Школы', values: [null, null] }], description: 'Данных нет.' } },
  ],
};

/** pdf.js puts line breaks where the page wraps text: compare with all white space as one space. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

async function pages(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text.map(flat);
}

describe('renderPdf', () => {
  it('embeds the text in Cyrillic: title page, figures, table cells and page numbers', async () => {
    const pdf = await renderPdf(note);
    expect(strFromBytes(pdf.subarray(0, 5))).toBe('%PDF-');
    const text = await pages(pdf);
    expect(text[0]).toContain('Аналитическая справка о поддержке ШНОР и ШНСУ — Заречная область, 2025 год');
    expect(text[0]).toContain('Данные на 01.12.2025');
    const all = text.join(' ');
    expect(all).toContain('В 2025 году в перечень ШНОР включено 14 школ (на 3 меньше, чем в 2024 году); из них 9 — в сельской местности.');
    expect(all).toContain('\u22129,8');
    expect(all).toContain('Озёрный район');
    // Page numbers from the second page on.
    expect(text[1]).toMatch(/(^|\s)2\s*$/);
    // The PT Sans font is embedded (a subset), not a base-14 font without Cyrillic.
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('repeats a long table\'s header row on every page', async () => {
    const document: ReportDocument = {
      title: 'Длинная таблица',
      parameters: [],
      asOf: new Date('2025-12-01T07:00:00Z'),
      blocks: [
        {
          kind: 'table',
          table: {
            id: 'long',
            title: 'Школы',
            columns: [
              { header: 'Наименование школы', key: 'name' },
              { header: 'Средний балл', key: 'score', type: 'number' },
            ],
            rows: Array.from({ length: 200 }, (_, index) => ({ name: `Школа № ${index + 1}`, score: 40 + index / 10 })),
          },
        },
      ],
    };
    const text = await pages(await renderPdf(document));
    const tablePages = text.slice(1);
    expect(tablePages.length).toBeGreaterThan(2);
    for (const page of tablePages) expect(page).toContain('Наименование школы Средний балл');
    expect(text.join(' ')).toContain('Школа № 200');
  });

  it('renders an empty table and a chart without data', async () => {
    const text = (await pages(await renderPdf(EMPTY_PARTS))).join(' ');
    expect(text).toContain('Таблица 1. Пустая таблица');
    expect(text).toContain('Нет данных.');
    expect(text).toContain('Рисунок 1. Нет значений');
  });

  it('gives the same bytes for the same document', async () => {
    const first = await renderPdf(note);
    const second = await renderPdf(note);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const { info } = await getMeta(new Uint8Array(first));
    expect(info).toMatchObject({ Title: note.title, CreationDate: 'D:20251201070000Z' });
    const rendered = await renderReport(note, 'pdf');
    expect(rendered).toMatchObject({ mimeType: PDF_MIME, extension: 'pdf' });
    expect(Buffer.from(rendered.bytes).equals(Buffer.from(first))).toBe(true);
  });
});

function strFromBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}
