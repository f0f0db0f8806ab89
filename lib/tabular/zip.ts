/**
 * Just enough of the ZIP format to inspect an XLSX/DOCX archive before anything is inflated: the central
 * directory gives every entry's declared sizes, so a zip bomb is rejected up front. Entries are then inflated
 * with an output cap equal to the declared size, so an archive that lies about its sizes fails instead of
 * filling memory.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from '@/lib/errors';
import { formatMegabytes, type UploadLimits } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const RATIO_CHECK_FLOOR = 1024 * 1024;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function broken(label: string): AppError {
  return new AppError('validation', `Файл ${label} повреждён: не удалось прочитать архив`);
}

function findEndOfCentralDirectory(data: DataView): number {
  const lowest = Math.max(0, data.byteLength - EOCD_MIN_LENGTH - MAX_COMMENT_LENGTH);
  for (let offset = data.byteLength - EOCD_MIN_LENGTH; offset >= lowest; offset -= 1) {
    if (data.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  return -1;
}

function zip64(label: string): AppError {
  return new AppError('validation', `Архив ${label} в формате ZIP64 не поддерживается — файл отклонён`);
}

/**
 * Lists the entries from the central directory without inflating anything. ZIP64 archives are rejected: office
 * files under the upload limit never need it.
 */
export function readZipDirectory(bytes: Uint8Array, label: string): ZipEntry[] {
  const data = view(bytes);
  const eocd = findEndOfCentralDirectory(data);
  if (eocd < 0) throw broken(label);
  const entryCount = data.getUint16(eocd + 10, true);
  const directorySize = data.getUint32(eocd + 12, true);
  const directoryOffset = data.getUint32(eocd + 16, true);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw zip64(label);
  if (directoryOffset + directorySize > eocd) throw broken(label);

  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < entryCount; index += 1) {
    if (offset + 46 > eocd || data.getUint32(offset, true) !== CENTRAL_SIGNATURE) throw broken(label);
    const flags = data.getUint16(offset + 8, true);
    const compressedSize = data.getUint32(offset + 20, true);
    const uncompressedSize = data.getUint32(offset + 24, true);
    const nameLength = data.getUint16(offset + 28, true);
    const extraLength = data.getUint16(offset + 30, true);
    const commentLength = data.getUint16(offset + 32, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) throw zip64(label);
    if (flags & 1) throw new AppError('validation', `Файл ${label} защищён паролем — снимите защиту и загрузите снова`);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: data.getUint16(offset + 10, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset: data.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
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

/** Inflates one entry, refusing to produce more bytes than its declared size. */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntry, label: string): Uint8Array {
  const data = view(bytes);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || data.getUint32(local, true) !== LOCAL_SIGNATURE) throw broken(label);
  const start = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true);
  const compressed = bytes.subarray(start, start + entry.compressedSize);
  if (compressed.length !== entry.compressedSize) throw broken(label);
  if (entry.method === METHOD_STORED) {
    if (entry.compressedSize !== entry.uncompressedSize) throw broken(label);
    return compressed;
  }
  if (entry.method !== METHOD_DEFLATE) {
    throw new AppError('validation', `Архив ${label} сжат неподдерживаемым способом — сохраните файл заново`);
  }
  try {
    // maxOutputLength must be at least 1; an empty entry inflates to nothing anyway.
    const inflated = inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    if (inflated.length !== entry.uncompressedSize) throw broken(label);
    return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw broken(label);
  }
}

/** Checks that no entry inflates to more than it declares, so a later parser is bound by the declared sizes. */
export function verifyZipEntries(bytes: Uint8Array, entries: readonly ZipEntry[], label: string): void {
  for (const entry of entries) {
    if (!entry.name.endsWith('/')) extractZipEntry(bytes, entry, label);
  }
}
