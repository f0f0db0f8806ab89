import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { parseTableFile as readTableFile } from './read-table-file';
import { buildDocx, buildZipDirectoryOnly, docxCell, encodeWindows1251, patchDeclaredSize } from './test-support';

const MIB = 1024 * 1024;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function sampleWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const schools = workbook.addWorksheet('Школы');
  schools.addRow(['ОГРН', 'Наименование', 'Контингент', 'Доля', 'Дата']);
  schools.addRow([1027700566761, { richText: [{ text: 'Школа ' }, { text: '№ 179', font: { bold: true } }] }, 1234, 0.1 + 0.2, new Date(Date.UTC(2016, 9, 31))]);
  schools.addRow(['  1027739314734 ', 'Школа № 426', { formula: 'C2*2', result: 2468 }, { formula: '1/0', result: { error: '#DIV/0!' } }, null]);
  schools.addRow(['Итого', 'объединено', 'скрыто слиянием', null, null]);
  schools.mergeCells('B4:C4');
  workbook.addWorksheet('Пустой');
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

describe('readTableFile: CSV', () => {
  it('reads the Moscow open-data layout: quoted, `;`, trailing delimiter', async () => {
    const text = '"OGRN";"EDU_NAME";\n"1027700566761";"Школа «№ 179»";\n';
    const file = await readTableFile({ bytes: new TextEncoder().encode(text), filename: 'data.csv' });
    expect(file).toEqual({ format: 'csv', sheets: [{ name: 'data.csv', rows: [['OGRN', 'EDU_NAME'], ['1027700566761', 'Школа «№ 179»']] }] });
  });

  it('reads TSV in windows-1251 by MIME type', async () => {
    const bytes = encodeWindows1251('ОГРН\tРайон\n1\tСеверный\n');
    const file = await readTableFile({ bytes, filename: 'upload', mimeType: 'text/tab-separated-values; charset=windows-1251' });
    expect(file.format).toBe('tsv');
    expect(file.sheets[0]?.rows).toEqual([['ОГРН', 'Район'], ['1', 'Северный']]);
  });

  it('rejects files larger than the limit before reading them', async () => {
    const error = await rejection(readTableFile({ bytes: new Uint8Array(10 * MIB + 1), filename: 'big.csv' }));
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toBe('Файл больше 10 МБ');
  });

  it('rejects unknown and legacy formats', async () => {
    const pdf = await rejection(readTableFile({ bytes: new TextEncoder().encode('%PDF-1.4'), filename: 'a.pdf' }));
    expect(pdf.code).toBe('unsupported_media_type');
    expect(pdf.message).toBe('Формат файла не распознан: ожидается CSV, XLSX или DOCX');
    const xls = await rejection(readTableFile({ bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), filename: 'a.xls' }));
    expect(xls.message).toMatch(/XLS \(Excel 97–2003\) не поддерживается/);
  });
});

describe('readTableFile: XLSX', () => {
  it('reads every worksheet with values as the user sees them', async () => {
    const file = await readTableFile({ bytes: await sampleWorkbook(), filename: 'schools.xlsx' });
    expect(file.format).toBe('xlsx');
    expect(file.sheets).toEqual([
      {
        name: 'Школы',
        rows: [
          ['ОГРН', 'Наименование', 'Контингент', 'Доля', 'Дата'],
          ['1027700566761', 'Школа № 179', '1234', '0.3', '31.10.2016'],
          // The streaming reader keeps no cached result of a formula that ended in an error.
          ['1027739314734', 'Школа № 426', '2468', '', ''],
          ['Итого', 'объединено', '', '', ''],
        ],
      },
      { name: 'Пустой', rows: [] },
    ]);
  });

  it('rejects an archive whose declared unpacked size is over the limit, without inflating it', async () => {
    const bomb = buildZipDirectoryOnly([
      { name: 'xl/workbook.xml', compressedSize: 1000, uncompressedSize: 1000 },
      { name: 'xl/worksheets/sheet1.xml', compressedSize: 60_000, uncompressedSize: 60 * MIB },
    ]);
    const error = await rejection(readTableFile({ bytes: bomb, filename: 'bomb.xlsx' }));
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toBe('Архив XLSX после распаковки больше 50 МБ — файл отклонён');
  });

  it('rejects a suspicious compression ratio, too many entries and a broken ZIP64 directory', async () => {
    const ratio = buildZipDirectoryOnly([{ name: 'xl/workbook.xml', compressedSize: 10_000, uncompressedSize: 30 * MIB }]);
    expect((await rejection(readTableFile({ bytes: ratio, filename: 'a.xlsx' }))).message).toMatch(/сжат подозрительно сильно/);
    const many = buildZipDirectoryOnly(
      Array.from({ length: 30 }, (_, index) => ({ name: index === 0 ? 'xl/workbook.xml' : `x${index}`, compressedSize: 1, uncompressedSize: 1 })),
    );
    const manyError = await rejection(readTableFile({ bytes: many, filename: 'a.xlsx' }, { maxZipEntries: 20 }));
    expect(manyError.message).toBe('Архив XLSX содержит больше 20 файлов — файл отклонён');
    const zip64 = buildZipDirectoryOnly([{ name: 'xl/workbook.xml', compressedSize: 1, uncompressedSize: 1 }], { zip64: true });
    // fflate reads ZIP64 archives (their declared sizes are checked like any other); this one has no ZIP64 record.
    expect((await rejection(readTableFile({ bytes: zip64, filename: 'a.xlsx' }))).message).toBe('Файл XLSX повреждён: не удалось прочитать архив');
  });

  it('rejects an archive whose entries inflate to more than they declare', async () => {
    const lying = patchDeclaredSize(await sampleWorkbook(), 'xl/worksheets/sheet1.xml', 10);
    const error = await rejection(readTableFile({ bytes: lying, filename: 'a.xlsx' }));
    expect(error.code).toBe('validation');
    expect(error.message).toBe('Файл XLSX повреждён: не удалось прочитать архив');
  });
});

describe('readTableFile: DOCX', () => {
  it('reads every table with merged cells and multi-paragraph cells', async () => {
    const first =
      '<w:tbl>' +
      `<w:tr>${docxCell(['ОГРН'])}${docxCell(['Наименование'], '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${docxCell(['1027700566761'], '<w:vMerge w:val="restart"/>')}${docxCell(['Школа', '№ 179'])}${docxCell(['A &amp; B'])}</w:tr>` +
      `<w:tr>${docxCell([], '<w:vMerge/>')}${docxCell(['  Лицей '])}${docxCell(['x'])}</w:tr>` +
      '</w:tbl>';
    const second = `<w:p><w:r><w:t>Текст между таблицами</w:t></w:r></w:p><w:tbl><w:tr>${docxCell(['Район'])}</w:tr></w:tbl>`;
    const file = await readTableFile({ bytes: await buildDocx(first + second), filename: 'list.docx' });
    expect(file).toEqual({
      format: 'docx',
      sheets: [
        {
          name: 'Таблица 1',
          rows: [
            ['ОГРН', 'Наименование', ''],
            ['1027700566761', 'Школа\n№ 179', 'A & B'],
            ['', 'Лицей', 'x'],
          ],
        },
        { name: 'Таблица 2', rows: [['Район']] },
      ],
    });
  });

  it('says so when a document has no tables', async () => {
    const error = await rejection(readTableFile({ bytes: await buildDocx('<w:p/>'), filename: 'a.docx' }));
    expect(error.message).toBe('В документе DOCX нет таблиц');
  });
});
