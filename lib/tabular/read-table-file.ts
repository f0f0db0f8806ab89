import { AppError } from '@/lib/errors';
import { decodeText, parseDelimitedText } from './csv';
import { readDocxSheets } from './docx';
import { assertUploadSize, resolveLimits, TableMeter, type UploadLimits } from './limits';
import type { Sheet } from './grid';
import { readXlsxSheets } from './xlsx';
import { assertZipWithinLimits, isZip, readZipDirectory, verifyZipEntries } from './zip';

export type TableFileFormat = 'csv' | 'tsv' | 'xlsx' | 'docx';

export interface TableFileInput {
  bytes: Uint8Array;
  filename: string;
  mimeType?: string;
}

export interface TableFile {
  format: TableFileFormat;
  sheets: Sheet[];
}

const UNRECOGNISED = 'Формат файла не распознан: ожидается CSV, XLSX или DOCX';
const TEXT_EXTENSIONS = ['csv', 'tsv', 'txt'];
const TEXT_MIME_TYPES = ['text/csv', 'text/tab-separated-values', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

function looksLikeText(input: TableFileInput): boolean {
  const mimeType = input.mimeType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return TEXT_EXTENSIONS.includes(extensionOf(input.filename)) || TEXT_MIME_TYPES.includes(mimeType);
}

async function readZipTable(bytes: Uint8Array, limits: UploadLimits): Promise<TableFile> {
  const entries = readZipDirectory(bytes, 'XLSX/DOCX');
  const names = new Set(entries.map((entry) => entry.name));
  const format = names.has('word/document.xml') ? 'docx' : names.has('xl/workbook.xml') ? 'xlsx' : null;
  if (!format) throw new AppError('unsupported_media_type', UNRECOGNISED);
  assertZipWithinLimits(entries, limits, format.toUpperCase());
  if (format === 'docx') return { format, sheets: readDocxSheets(bytes, entries, new TableMeter(limits)) };
  // exceljs inflates without a cap; make sure no entry inflates beyond what the checked directory declares.
  verifyZipEntries(bytes, entries, 'XLSX');
  return { format: 'xlsx', sheets: await readXlsxSheets(bytes, new TableMeter(limits)) };
}

/**
 * Parses an uploaded CSV/TSV, XLSX or DOCX file on the calling thread: the job of the table worker (the portal
 * calls readTableFile of ./pool, which runs this in a worker thread). Gives sheets of trimmed cell strings. The
 * format is told by the content (a ZIP archive is XLSX or DOCX by its parts); plain text is accepted when the
 * name or MIME type says CSV/TSV/TXT. Size limits are checked before parsing; archives are checked from their
 * central directory; table limits while the table is read.
 */
export async function parseTableFile(input: TableFileInput, limits?: Partial<UploadLimits>): Promise<TableFile> {
  const resolved = resolveLimits(limits);
  assertUploadSize(input.bytes.length, resolved);
  if (isZip(input.bytes)) return readZipTable(input.bytes, resolved);
  if (OLE2_SIGNATURE.every((byte, index) => input.bytes[index] === byte)) {
    throw new AppError('unsupported_media_type', 'Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV');
  }
  if (!looksLikeText(input)) throw new AppError('unsupported_media_type', UNRECOGNISED);
  const text = decodeText(input.bytes);
  if (text.includes('\u0000')) throw new AppError('unsupported_media_type', UNRECOGNISED);
  const { delimiter, rows } = parseDelimitedText(text, new TableMeter(resolved));
  const format = delimiter === '\t' ? 'tsv' : 'csv';
  return { format, sheets: [{ name: input.filename || format.toUpperCase(), rows }] };
}
