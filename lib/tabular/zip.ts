/**
 * Inspection of an XLSX/DOCX archive before anything is inflated, with fflate: the central directory gives every
 * entry's declared sizes, so a zip bomb is rejected up front. Entries are then inflated as a stream in small
 * slices with a running count against the declared size, so an archive that lies about its sizes fails instead
 * of filling memory (fflate on its own would cut such an entry silently at its declared size).
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { AppError } from '@/lib/errors';
import { formatMegabytes, type UploadLimits } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
}

const RATIO_CHECK_FLOOR = 1024 * 1024;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
/** Compressed bytes handed to the inflater at a time: at most ~1 000 times as many come out before the count. */
const SLICE = 4096;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function broken(label: string): AppError {
  return new AppError('validation', `Файл ${label} повреждён: не удалось прочитать архив`);
}

/** Lists the entries from the central directory without inflating anything. */
export function readZipDirectory(bytes: Uint8Array, label: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, method: file.compression, compressedSize: file.size, uncompressedSize: file.originalSize });
        return false;
      },
    });
  } catch {
    throw broken(label);
  }
  return entries;
}

/** Rejects an archive whose declared contents are too many, too large or suspiciously well compressed. */
export function assertZipWithinLimits(entries: readonly ZipEntry[], limits: UploadLimits, label: string): void {
  if (entries.length > limits.maxZipEntries) {
    throw new AppError('payload_too_large', `Архив ${label} содержит больше ${limits.maxZipEntries} файлов — файл отклонён`);
  }
  const totalUncompressed = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const totalCompressed = entries.reduce((sum, entry) => sum + entry.compressedSize, 0);
  if (totalUncompressed > limits.maxUnzippedBytes) {
    throw new AppError(
      'payload_too_large',
      `Архив ${label} после распаковки больше ${formatMegabytes(limits.maxUnzippedBytes)} — файл отклонён`,
    );
  }
  if (totalUncompressed > RATIO_CHECK_FLOOR && totalUncompressed > totalCompressed * limits.maxCompressionRatio) {
    throw new AppError('payload_too_large', `Архив ${label} сжат подозрительно сильно — файл отклонён`);
  }
}

/**
 * Inflates every entry of a checked archive, counting each against its declared size as it comes out, and
 * returns the contents of the entries named in `keep`. An entry that inflates to more or less than it declares,
 * or is missing from the directory, fails the whole archive.
 */
export function extractZipEntries(bytes: Uint8Array, entries: readonly ZipEntry[], label: string, keep: ReadonlySet<string>): Map<string, Uint8Array> {
  const declared = new Map(entries.map((entry) => [entry.name, entry]));
  const produced = new Map<string, number>();
  const kept = new Map<string, Uint8Array[]>();
  const unzip = new Unzip((file) => {
    const entry = declared.get(file.name);
    if (!entry || produced.has(file.name)) throw broken(label);
    if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
      throw new AppError('validation', `Архив ${label} сжат неподдерживаемым способом — сохраните файл заново`);
    }
    produced.set(file.name, 0);
    const chunks: Uint8Array[] = [];
    if (keep.has(file.name)) kept.set(file.name, chunks);
    file.ondata = (error, chunk) => {
      if (error) throw broken(label);
      const total = (produced.get(file.name) ?? 0) + chunk.length;
      if (total > entry.uncompressedSize) throw broken(label);
      produced.set(file.name, total);
      if (keep.has(file.name)) chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length; offset += SLICE) {
      unzip.push(bytes.subarray(offset, offset + SLICE), offset + SLICE >= bytes.length);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw broken(label);
  }
  for (const entry of entries) {
    if ((produced.get(entry.name) ?? 0) !== entry.uncompressedSize) throw broken(label);
  }
  const contents = new Map<string, Uint8Array>();
  for (const [name, chunks] of kept) contents.set(name, Buffer.concat(chunks));
  return contents;
}

/** One entry's contents (the whole archive is checked on the way). */
export function extractZipEntry(bytes: Uint8Array, entries: readonly ZipEntry[], name: string, label: string): Uint8Array {
  const contents = extractZipEntries(bytes, entries, label, new Set([name])).get(name);
  if (!contents) throw broken(label);
  return contents;
}

/** Checks that no entry inflates to more than it declares, so a later parser is bound by the declared sizes. */
export function verifyZipEntries(bytes: Uint8Array, entries: readonly ZipEntry[], label: string): void {
  extractZipEntries(bytes, entries, label, new Set());
}
